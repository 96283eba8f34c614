#!/bin/bash
# tests/blob_props.sh MICAC - properties of the blob and of everything
# derived from it, on every example policy and on the blob goldens' inputs:
#
#  - the digest micac prints is sha256sum/sha384sum/sha512sum of the file,
#    and `hash` agrees in every form (hex, RPV, base64, QEMU, JSON);
#  - canonical form: 15 rewrites of each policy (tests/permute_policy.py:
#    shuffled declarations and lines, respelled numbers, defaults, comments,
#    whitespace, asserts dropped) compile to the same bytes;
#  - round trips: dump as Mica, YAML and JSON, compile again: same bytes,
#    and dumping that gives the same text;
#  - endorse: the CoMID fits the CCA realm shape and the policy
#    (tests/comid/check_comid.py);
#  - docs/attestation.md's examples are the goldens' outputs;
#  - atomic output: a failing compile or dump leaves an existing output as it
#    was, and no file at all (temporary or not) where there was none.
. "$(dirname "$0")/lib.sh"
micac=$1
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

expect() {	# expect DESCRIPTION COMMAND...: the command must succeed
	local what=$1; shift
	if "$@" >"$tmp/expect.out" 2>&1; then t_pass; else t_fail "$what"; head -5 "$tmp/expect.out" >&2; fi
}

digest_props() {	# SRC BLOB ALG HEX
	local src=$1 blob=$2 alg=$3 hex=$4 rpv b64
	rpv=$(printf '%-128s' "$hex" | tr ' ' 0)
	b64=$(printf '%s' "$hex" | xxd -r -p | base64 -w0)
	expect "$src: ${alg}sum" test "$("${alg}sum" "$blob" | cut -d' ' -f1)" = "$hex"
	expect "$src: hash" test "$("$micac" hash "$src" 2>/dev/null)" = "$hex"
	expect "$src: hash of the blob" test "$("$micac" hash "$blob")" = "$hex"
	expect "$src: hash --rpv" test "$("$micac" hash --rpv "$blob")" = "$rpv"
	expect "$src: hash --format base64" test "$("$micac" hash --format base64 "$blob")" = "$b64"
	expect "$src: hash --format qemu" test "$("$micac" hash --format qemu "$blob")" = \
		"personalization-value=$(printf '%s' "$rpv" | xxd -r -p | base64 -w0)"
	expect "$src: hash --format json" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert (j["algorithm"], j["digest"], j["rpv"]) == (sys.argv[2], sys.argv[3], sys.argv[4]), j' \
		<("$micac" hash --format json "$blob") "$alg" "$hex" "$rpv"
}

permutations() {	# SRC BLOB
	local src=$1 blob=$2 perm bad=0
	"$micac" dump "$src" >"$tmp/canon.mica" 2>/dev/null
	rm -rf "$tmp/perm"; mkdir "$tmp/perm"
	python3 tests/permute_policy.py "$tmp/canon.mica" "$tmp/perm" 15
	for perm in "$tmp"/perm/*.mica; do
		# -o -: the blob goes to stdout, without the fsync a file costs
		if ! "$micac" compile -q "$perm" -o - 2>"$tmp/perm.err" | cmp -s - "$blob"; then
			bad=1
			t_fail "$src: rewrite ${perm##*/} (tests/permute_policy.py) changes the blob"
			head -5 "$tmp/perm.err" >&2
		fi
	done
	[ $bad -eq 0 ] && [ -n "$perm" ] && t_pass
}

round_trips() {	# SRC BLOB
	local src=$1 blob=$2 fmt
	for fmt in mica yaml json; do
		"$micac" dump --format "$fmt" "$blob" >"$tmp/d.$fmt"
		expect "$src: dump --format $fmt compiles to the same blob" \
			bash -c 'set -o pipefail; "$1" compile -q "$2" -o - | tee "$3" | cmp - "$4"' \
			_ "$micac" "$tmp/d.$fmt" "$tmp/r.pol" "$blob"
		expect "$src: dump --format $fmt is stable" \
			bash -c '"$1" dump --format "$2" "$3" | cmp - "$4"' _ "$micac" "$fmt" "$tmp/r.pol" "$tmp/d.$fmt"
	done
}

# The CoRIM check needs cbor2 (Debian python3-cbor2): the system Python
# has it when python3 on PATH is another one.
py_cbor=python3
python3 -c 'import cbor2' 2>/dev/null || py_cbor=/usr/bin/python3

endorse_props() {	# SRC BLOB
	local src=$1 blob=$2
	"$micac" dump --format json "$blob" >"$tmp/policy.json"
	if "$micac" endorse "$blob" -o "$tmp/comid.json" --corim "$tmp/corim.json" 2>"$tmp/e.err"; then
		expect "$src: endorse" python3 tests/comid/check_comid.py "$tmp/comid.json" \
			"$tmp/policy.json" "$("$micac" hash --rpv "$blob")" "$tmp/corim.json"
		expect "$src: endorse fits corim 53b3014 and its CoRIM round-trips through CBOR" \
			"$py_cbor" tests/comid/corim_shapes.py "$tmp/comid.json" "$tmp/corim.json"
		cp "$tmp/comid.json" "$tmp/last_comid.json"; cp "$tmp/corim.json" "$tmp/last_corim.json"
	else
		# only a policy without any measurement may be refused
		expect "$src: endorse refused a measured policy" python3 -c '
import json, sys
assert not any("measurement" in r for r in json.load(open(sys.argv[1])).get("realms", {}).values())' \
			"$tmp/policy.json"
	fi
}

for src in examples/policies/*.mica tests/golden/blob/*.mica; do
	[ -f "${src%.mica}.expected" ] && [ "${src#examples/}" != "$src" ] && continue	# a failing example
	line=$("$micac" compile "$src" -o "$tmp/a.pol" 2>/dev/null) || { t_fail "$src does not compile"; continue; }
	alg=${line%%:*}; rest=${line#*:}; hex=${rest%%  *}
	expect "$src: digest line" test "$line" = "$alg:$hex  $tmp/a.pol"
	digest_props "$src" "$tmp/a.pol" "$alg" "$hex"
	permutations "$src" "$tmp/a.pol"
	round_trips "$src" "$tmp/a.pol"
	endorse_props "$src" "$tmp/a.pol"
done
expect "CoMID schema self-test" python3 tests/comid/check_comid.py schema-selftest
expect "corim 53b3014 shapes self-test: broken variants refused" \
	"$py_cbor" tests/comid/corim_shapes.py selftest "$tmp/last_comid.json" "$tmp/last_corim.json"
expect "docs/attestation.md shows the golden outputs (python3 tests/doc_examples.py update docs/attestation.md)" \
	python3 tests/doc_examples.py check docs/attestation.md

# Atomic output, through the command line.
mkdir "$tmp/out"
printf 'precious\n' >"$tmp/out/keep.pol"
"$micac" compile examples/policies/bad/clean_room_leaky.mica -o "$tmp/out/keep.pol" >/dev/null 2>&1
expect "failing compile: exit 1" test $? -eq 1
"$micac" compile examples/policies/bad/clean_room_leaky.mica -o "$tmp/out/new.pol" >/dev/null 2>&1
"$micac" dump - -o "$tmp/out/keep.pol" </dev/null >/dev/null 2>&1
expect "failing dump: exit 1" test $? -eq 1
"$micac" compile examples/policies/video_analytics.mica -o "$tmp/out/no/dir.pol" >/dev/null 2>&1
expect "compile into a missing directory: exit 2" test $? -eq 2
expect "failed commands leave the old output" test "$(cat "$tmp/out/keep.pol")" = precious
expect "failed commands leave no other file" test "$(ls -A "$tmp/out")" = keep.pol
"$micac" compile -q examples/policies/video_analytics.mica -o "$tmp/out/keep.pol"
expect "a good compile replaces the output" bash -c '"$1" compile -q "$2" -o - | cmp - "$3"' \
	_ "$micac" examples/policies/video_analytics.mica "$tmp/out/keep.pol"
expect "and leaves nothing else" test "$(ls -A "$tmp/out")" = keep.pol
# The leaking blob of tests/golden/blobflow is what tests/blob_leaky.sh
# derives from its leak-free source, and the source form of every blob a
# command accepts compiles back to it (the leak included: E0401 again).
tests/blob_leaky.sh "$micac" "$tmp/leaky.pol" 2>/dev/null
expect "tests/golden/blobflow/leaky.pol is tests/blob_leaky.sh's output" \
	cmp "$tmp/leaky.pol" tests/golden/blobflow/leaky.pol
"$micac" dump --lang blob tests/golden/blobflow/leaky.pol >"$tmp/leaky.mica" 2>/dev/null
expect "a leaking blob is not dumped" test ! -s "$tmp/leaky.mica"
t_done blob
