#!/bin/bash
# fuzz/smoke.sh RUNS SEEDS ARTIFACTS TARGET... - the `make check` step:
# each fuzz target replays its seeds then mutates them for RUNS executions.
# A crash, a sanitizer report or a broken invariant (abort) fails the step;
# the input that did it is kept in ARTIFACTS.
. "$(dirname "$0")/../tests/lib.sh"
runs=$1 seeds=$2 art=$3; shift 3
mkdir -p "$art"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for bin in "$@"; do
	t=${bin##*/fuzz_}
	dict=$(dirname "$0")/$t.dict
	[ -f "$dict" ] && dict_opt=-dict=$dict || dict_opt=
	mkdir -p "$work/$t"
	if "$bin" -runs="$runs" -seed=1 -max_len=8192 $dict_opt \
		-artifact_prefix="$art/$t-" "$work/$t" "$seeds/$t" >"$work/log" 2>&1; then
		t_pass
	else
		t_fail "fuzz_$t: crashed within $runs runs (seed 1)"
		tail -30 "$work/log" >&2
		ls "$art/$t"-* 2>/dev/null >&2
	fi
done
t_done fuzz-smoke
