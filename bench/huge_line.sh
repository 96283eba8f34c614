#!/bin/bash
# bench/huge_line.sh MICAC [MB] - a policy of MB megabytes (default 20) on
# ONE line, with one error in its middle, in Mica and in JSON: micac check
# must diagnose it in well under a second of CPU and write a short report
# (a window of the line around the caret, not the whole line). Prints the
# CPU seconds (user + system, /usr/bin/time) and the bytes written to
# stderr for each; docs/performance.md records a run. A benchmark, not a
# timed test: `make bench-huge-line`.
set -e
micac=$(realpath "$1") mb=${2:-20}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$work" "$mb" <<'PY'
import sys
work, mb = sys.argv[1], int(sys.argv[2])
limit = mb * 1024 * 1024
mica, json, n, size = ['policy p { version 1; } '], ['{"policy": {"name": "p", "version": 1}, "realms": {'], 0, 0
while size < limit:
    m = 'realm r%d { trust untrusted; } ' % n
    j = '"r%d": {"trust": "untrusted"}, ' % n
    if n == 300000:
        m, j = 'realm typo { trust trustd; } ', '"typo": {"trust": "trustd"}, '
    mica.append(m); json.append(j); size += len(m); n += 1
json.append('"last": {"trust": "untrusted"}}}')
open(work + '/huge.mica', 'w').write(''.join(mica))
open(work + '/huge.json', 'w').write(''.join(json))
PY
echo "| input | size | lines | CPU s (user+sys) | stderr bytes | exit |"
echo "|---|---|---|---|---|---|"
for f in huge.mica huge.json; do
	rc=0
	/usr/bin/time -f '%U %S' -o "$work/time" "$micac" check "$work/$f" >/dev/null 2>"$work/err" || rc=$?
	cpu=$(tail -1 "$work/time" | awk '{printf "%.2f", $1 + $2}')
	echo "| $f | $(stat -c %s "$work/$f") | $(wc -l <"$work/$f" | tr -d ' ') | $cpu | $(stat -c %s "$work/err") | $rc |"
done
