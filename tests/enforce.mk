# tests/enforce.mk - `micac enforce`: the RMM's decision code in micac, and
# the scenario goldens as a check step.
#
# compiler/scenario/scenario_decide.c compiles the TF-RMM integration's
# mica_decide.c, which includes <mica_decide.h> from its own include
# directory: only that object (in every build that compiles compiler/*.c)
# gets the directory.
MICA_DECIDE_INC := -Ibackend/rmm_blob/tf-rmm/lib/mica/include
$(BUILD)/obj/compiler/scenario/scenario_decide.o: ALL_CFLAGS += $(MICA_DECIDE_INC)
ifdef FUZZ_DIR
$(FUZZ_DIR)/obj/compiler/scenario/scenario_decide.o: FUZZ_CFLAGS += $(MICA_DECIDE_INC)
endif
