#!/bin/bash
# tests/blob_leaky.sh MICAC OUT - writes the leaking blob of the
# blob-flow goldens: tests/blob_leaky.mica (no leak) compiled, then the
# `hostcall` flag (0x1) set in realm 1's ('detector') flags byte. The
# validator accepts it; only the flow analysis can see it leaks.
set -e
micac=$1 out=$2
"$micac" compile -q "$(dirname "$0")/blob_leaky.mica" -o "$out"
# header: tables[] start at byte 32, the realm table's offset first;
# a realm record is 72 bytes, its flags at byte 5.
off=$(od -An -tu4 -j32 -N4 "$out" | tr -d ' ')
printf '\001' | dd of="$out" bs=1 seek=$((off + 72 + 5)) conv=notrunc status=none
