# tests/verify.mk - `micac verify` on tokens the patched TF-RMM produced
# (tests/tokens/) and on tokens tests/tokens/mktoken.c signs for every
# negative case (tests/verify.sh).
.PHONY: verify
$(BUILD)/tests/mktoken: tests/tokens/mktoken.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) $(CFLAGS) $(SANFLAGS) -D_POSIX_C_SOURCE=200809L -o $@ $< \
		$(ALL_LDFLAGS) -lcbor -lmbedcrypto
verify: $(BUILD)/micac $(BUILD)/tests/mktoken
	@tests/verify.sh $(BUILD)/micac $(BUILD)/tests/mktoken
CHECK_STEPS += verify
