#!/bin/sh
# tests/summary.sh DIR SUITE... - adds up the per-suite results that
# tests/lib.sh wrote into DIR and prints the closing line CI reads. Each
# SUITE (a step of `make check`) must have left a result: one that did not
# (it failed to build, or never ran) counts as a failure, by name. Fails
# when any suite failed or when no test ran at all.
dir=$1; shift
p=0; f=0; missing=
for suite in "$@"; do
	if [ -f "$dir/$suite" ]; then
		read -r a b <"$dir/$suite"
		p=$((p + a)); f=$((f + b))
	else
		f=$((f + 1)); missing="$missing $suite"
	fi
done
if [ -n "$missing" ]; then
	echo "check: $p passed, $f failed (no result from:$missing)"
else
	echo "check: $p passed, $f failed"
fi
[ $# -gt 0 ] && [ "$p" -gt 0 ] && [ "$f" -eq 0 ]
