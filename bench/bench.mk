# bench/bench.mk - `make bench`: compile time, peak memory and blob size for
# pipelines of N realms and regions (N = 100 .. BENCH_MAX), against the floors
# of reading, hashing and scanning the same file; then the backend's
# instructions per query and validation time. Slow: not part of `make check`.
#
#   make bench BENCH_MAX=100000     stop at 1e5 (default: 1000000)

BENCH_MAX ?= 1000000
BENCH_DIR := $(BUILD)/bench

$(BENCH_DIR)/%: $(BUILD)/obj/bench/%.o $(LIBMICAC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

.SECONDARY: $(BUILD)/obj/bench/scan_only.o $(BUILD)/obj/bench/query_bench.o

# make check builds the benchmark programs (not runs them), so they cannot
# rot while the compiler changes under them.
.PHONY: bench-build
bench-build: $(BENCH_DIR)/scan_only $(BENCH_DIR)/query_bench
	@. tests/lib.sh && t_pass && t_done bench-build
CHECK_STEPS += bench-build
.PHONY: bench
bench: $(BUILD)/micac $(BENCH_DIR)/scan_only $(BENCH_DIR)/query_bench
	@bench/run.sh $(BUILD)/micac $(BENCH_DIR) $(BENCH_MAX)

# A 20 MB policy on one line with one error (bench/huge_line.sh): CPU time
# and the size of the report. `make bench-huge-line HUGE_MB=20`.
HUGE_MB ?= 20
.PHONY: bench-huge-line
bench-huge-line: $(BUILD)/micac
	@bench/huge_line.sh $(BUILD)/micac $(HUGE_MB)
