#!/bin/bash
# backend/rmm_blob/tf-rmm/tests/check_replay.sh - the host-build test and
# `micac enforce` decide the same events alike (host_mica.yaml):
#
#   1. micac compiles host_mica_fixture.mica to exactly the fixture blob
#      the host build loads (fixture_dump prints it);
#   2. micac enforce replays host_mica.yaml with every step as expected;
#   3. each step marked "# host: DECISION: TEXT" expects DECISION, and
#      micac decided DECISION;
#   4. with -l RMM_LOG (the output of the patched rmm_core.elf), each such
#      TEXT is a "MICA ok:" line there and the run ended "MICA: 0 failed":
#      the RMM decided the same event the same way.
#
#   check_replay.sh -m MICAC -d FIXTURE_DUMP -o OUTDIR [-l RMM_LOG] [-s SUITE]
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../../../tests/lib.sh"
micac= dump= out= log= suite=tfrmm-replay
while getopts m:d:o:l:s: o; do
	case $o in
	m) micac=$OPTARG ;;
	d) dump=$OPTARG ;;
	o) out=$OPTARG ;;
	l) log=$OPTARG ;;
	s) suite=$OPTARG ;;
	*) echo "usage: $0 -m MICAC -d FIXTURE_DUMP -o OUTDIR [-l RMM_LOG] [-s SUITE]" >&2; exit 2 ;;
	esac
done
mkdir -p "$out"
pol=$here/host_mica_fixture.mica scn=$out/scenario/host_mica.yaml
# The scenario beside the fixture under the versions host_mica_call.c
# (0xCA11) and host_mica_share.c (2, 3) load it again, made by the host
# build's own fixture code (fixture_dump VERSION).
rm -rf "$out/scenario" && mkdir -p "$out/scenario" &&
	cp "$here/host_mica.yaml" "$pol" "$out/scenario/" &&
	"$dump" 2 >"$out/scenario/fixture_v2.pol" &&
	"$dump" 3 >"$out/scenario/fixture_v3.pol" &&
	"$dump" 0xCA11 >"$out/scenario/fixture_vca11.pol" ||
	{ echo "check_replay.sh: cannot write $out/scenario" >&2; exit 2; }

if "$micac" "$pol" -o "$out/fixture.pol" >/dev/null 2>&1 && "$dump" >"$out/fixture.bin" &&
	cmp -s "$out/fixture.pol" "$out/fixture.bin"; then
	t_pass
else
	t_fail "micac's blob of host_mica_fixture.mica is not the host build's fixture"
fi
if "$micac" enforce "$pol" "$scn" --format json >"$out/replay.json" 2>"$out/replay.err"; then
	t_pass
else
	t_fail "micac enforce: some step not as expected (see $out/replay.json)"
fi
# "STEP DECISION TEXT" for each marked step, and micac's decision of it.
python3 - "$scn" "$out/replay.json" >"$out/marked" <<'PY' || t_fail "cannot read the replay"
import json, re, sys
steps, n = [], 0
for line in open(sys.argv[1]):
    if re.match(r'^  - ', line):
        n += 1
    m = re.search(r'#\s*host:\s*(allow|deny):\s*(.*\S)', line)
    if m:
        steps.append((n, m.group(1), m.group(2)))
got = {s['step']: s for s in json.load(open(sys.argv[2]))['steps']}
for n, want, text in steps:
    print(n, want, got[n]['expect'], got[n]['decision'], text, sep='\t')
PY
marked=0
while IFS=$'\t' read -r n want expect decision text; do
	marked=$((marked + 1))
	if [ "$want" = "$expect" ] && [ "$want" = "$decision" ]; then
		t_pass
	else
		t_fail "step $n: host check says $want, scenario expects $expect, micac decided $decision ($text)"
	fi
	if [ -n "$log" ]; then
		if grep -qxF "MICA ok: $text" <(sed -n 's/^.*\(MICA ok: \)/\1/p' "$log"); then
			t_pass
		else
			t_fail "step $n: no 'MICA ok: $text' in $log"
		fi
	fi
done <"$out/marked"
if [ -n "$log" ]; then
	if grep -q "MICA: 0 failed" "$log"; then t_pass; else t_fail "$log: the host build had failures"; fi
fi
echo "$suite: $marked steps decided alike by micac${log:+ and the RMM host build}"
t_done "$suite"
