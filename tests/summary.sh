#!/bin/sh
# tests/summary.sh DIR - adds up the per-suite results that tests/lib.sh
# wrote and prints the closing line CI reads. Fails when any suite failed or
# when no test ran at all.
dir=$1
p=0; f=0; n=0
for r in "$dir"/*; do
	[ -f "$r" ] || continue
	read -r a b <"$r"
	p=$((p + a)); f=$((f + b)); n=$((n + 1))
done
echo "check: $p passed, $f failed"
[ "$n" -gt 0 ] && [ "$p" -gt 0 ] && [ "$f" -eq 0 ]
