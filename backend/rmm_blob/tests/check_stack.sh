#!/bin/sh
# check_stack.sh -s SUITE -m MAX -t TOTAL FILE.su... - checks the stack use
# of the freestanding library as gcc reports it: every frame static (no VLA,
# no alloca) and at most MAX bytes (-fstack-usage .su files), and the deepest
# call chain at most TOTAL bytes (stack_depth.py on the -fcallgraph-info=su
# .ci files beside the .su files). That depth is what the RMM must leave on
# its stack for a validation or a query.
. "$(dirname "$0")/../../../tests/lib.sh"
suite=backend-stack; max=256; total=1024
while getopts s:m:t: o; do
	case $o in s) suite=$OPTARG ;; m) max=$OPTARG ;; t) total=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { t_fail "no .su file"; t_done "$suite"; exit 1; }
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
	done <"$su"
done
cis=$(for su in "$@"; do echo "${su%.su}.ci"; done)
# shellcheck disable=SC2086
if ! chains=$(python3 "$(dirname "$0")/stack_depth.py" $cis); then
	t_fail "call graph: $chains"
else
	deepest=$(echo "$chains" | head -1)
	depth=$(echo "$deepest" | cut -d' ' -f2)
	if [ "$depth" -gt "$total" ]; then
		t_fail "deepest chain uses $depth bytes, more than $total: $deepest"
	else
		t_pass
	fi
	echo "$suite: largest frame $(cut -f2 "$@" | sort -n | tail -1) bytes; deepest chain $depth bytes:"
	echo "$chains" | grep -E '^(mica_blob_validate|mica_policy_[a-z_]+) ' | sed 's/^/  /'
fi
t_done "$suite"
