#!/bin/bash
# tests/run_unit.sh [-s SUITE] [-r RUNNER] BIN... - runs CMocka test
# binaries, counts their tests. RUNNER (e.g. "qemu-aarch64 -L ...") prefixes
# each binary.
. "$(dirname "$0")/lib.sh"
suite=unit
runner=
while getopts s:r: o; do
	case $o in s) suite=$OPTARG ;; r) runner=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
for bin in "$@"; do
	out=$($runner "$bin" 2>&1)
	rc=$?
	echo "$out" | grep -E '^\[  (FAILED|ERROR) ' >&2
	n=$(echo "$out" | sed -n 's/^\[==========\] \([0-9]*\) test(s) run\./\1/p' | tail -1)
	nf=$(echo "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' | tail -1)
	n=${n:-0}; nf=${nf:-0}
	if [ "$rc" -ne 0 ] && [ "$nf" -eq 0 ]; then
		# crashed or exited badly without a CMocka summary
		echo "$out" | tail -20 >&2
		t_fail "$bin exited $rc"
		continue
	fi
	if [ "$n" -eq 0 ]; then t_fail "$bin ran no test"; continue; fi
	T_PASSED=$((T_PASSED + n - nf))
	[ "$nf" -gt 0 ] && t_fail "$bin: $nf of $n failed"
	T_FAILED=$((T_FAILED + nf - (nf > 0 ? 1 : 0)))
done
t_done "$suite"
