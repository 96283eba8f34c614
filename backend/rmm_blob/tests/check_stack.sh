#!/bin/sh
# check_stack.sh -s SUITE -m MAX -t TOTAL FILE.su... - checks the stack use
# that gcc -fstack-usage reported for the freestanding library: every frame
# static (no VLA, no alloca) and at most MAX bytes, and the sum of all frames
# at most TOTAL bytes. The library has no recursion, so no call chain can
# use more than that sum: it bounds the stack the RMM must give a query.
. "$(dirname "$0")/../../../tests/lib.sh"
suite=backend-stack; max=256; total=2048
while getopts s:m:t: o; do
	case $o in s) suite=$OPTARG ;; m) max=$OPTARG ;; t) total=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { t_fail "no .su file"; t_done "$suite"; exit 1; }
sum=0
for su in "$@"; do
	while IFS='	' read -r fn bytes kind; do
		name=${fn##*:}
		if [ "$kind" != static ]; then
			t_fail "$name: stack use is $kind"
		elif [ "$bytes" -gt "$max" ]; then
			t_fail "$name: $bytes bytes of stack, more than $max"
		else
			t_pass
		fi
		sum=$((sum + bytes))
	done <"$su"
done
if [ "$sum" -gt "$total" ]; then
	t_fail "all frames together use $sum bytes, more than $total"
else
	t_pass
fi
echo "$suite: largest frame $(cat "$@" | cut -f2 | sort -n | tail -1) bytes, all frames $sum bytes"
t_done "$suite"
