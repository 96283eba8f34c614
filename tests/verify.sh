#!/bin/bash
# tests/verify.sh MICAC MKTOKEN - `micac verify`: the RMM's own tokens
# appraise (and fail with the reason when policy or role differ); every
# malformed or forged token is refused with its exact reason and exit
# status (0 appraised, 1 a check failed, 2 bad input).
. "$(dirname "$0")/lib.sh"
micac=$(realpath "$1") mk=$(realpath "$2")
cd "$(dirname "$0")/tokens"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# expect NAME STATUS REGEX ARGS...: exit status STATUS and a line of stdout
# matching REGEX (grep -E).
expect() {
	local name=$1 want=$2 re=$3 rc; shift 3
	"$micac" verify "$@" >"$work/out" 2>"$work/err"; rc=$?
	if [ "$rc" -ne "$want" ]; then
		t_fail "$name: exit $rc, expected $want"; cat "$work/out" "$work/err" >&2
	elif ! grep -Eq -- "$re" "$work/out"; then
		t_fail "$name: no line matches /$re/"; cat "$work/out" >&2
	else
		t_pass
	fi
}

# The policy of the RMM's tokens, and two that differ from it.
pol=rmm_host.mica
sed 's/version 1;/version 2;/' $pol >"$work/v2.mica"
sed 's/42e0dcb0/52e0dcb0/' $pol >"$work/rim.mica"
"$micac" compile -q $pol -o "$work/rmm_host.pol" 2>/dev/null

# --- tokens the patched TF-RMM produced (host build) ---
expect rmm-governed 0 '^rmm_host_governed.cbor: appraised, role .governed.$' $pol rmm_host_governed.cbor
expect rmm-governed-blob 0 '^  pass  RPV  .*policy .rmm_token., zero-padded \(sha512\)$' \
	"$work/rmm_host.pol" rmm_host_governed.cbor
expect rmm-binding 0 '^  pass  RAK binding +the platform challenge is the sha-256 of the RAK$' \
	$pol rmm_host_governed.cbor
expect rmm-challenge 0 '^  pass  challenge +equals --challenge$' --challenge \
	000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f \
	$pol rmm_host_governed.cbor
expect rmm-challenge-other 1 '^  FAIL  challenge +the token.s challenge is not --challenge' \
	--challenge 00 $pol rmm_host_governed.cbor
expect rmm-claimed 0 '^  pass  RIM +the measurement of role .governed.$' $pol governed=rmm_host_governed.cbor
expect rmm-other-policy 1 "^  FAIL  RPV +the token's RPV 53d63fb2b783ae0b\.\.\..* is not policy 'rmm_token''s .*: the realm is not governed by this policy$" \
	"$work/v2.mica" rmm_host_governed.cbor
expect rmm-other-rim 1 "^  FAIL  RIM +no role of policy 'rmm_token' has the token's RIM 42e0dcb02898b1e0\.\.\.2ae375cb5e14d110$" \
	"$work/rim.mica" rmm_host_governed.cbor
expect rmm-unmeasured-role 1 "^  FAIL  RIM +role 'observer' has no measurement" $pol observer=rmm_host_observer.cbor
expect rmm-wrong-role 1 "^  FAIL  RIM +role 'observer' has no measurement" $pol observer=rmm_host_governed.cbor
expect rmm-two-realms-one-role 1 "^  FAIL  one token per role +role 'governed' is also appraised by rmm_host_observer.cbor" \
	$pol rmm_host_governed.cbor rmm_host_observer.cbor
expect rmm-missing-all 1 "^missing: role 'governed' \(measured; no token appraised it\) FAIL$" \
	--all $pol observer=rmm_host_observer.cbor
expect rmm-unknown-role 2 "^nobody=rmm_host_governed.cbor: bad input: policy 'rmm_token' has no realm 'nobody'" \
	$pol nobody=rmm_host_governed.cbor

# --- tokens signed by the test keys ---
rpv=$("$micac" hash --rpv $pol 2>/dev/null)
rim=42e0dcb02898b1e07a48923014c5cbdcfec9e283df7a23782ae375cb5e14d110
mk() { local out=$1; shift; "$mk" --rpv "$rpv" --rim "$rim" "$@" -o "$work/$out"; }
mk good.cbor --cpak-pem "$work/cpak.pem"
mk bare.cbor --bare
mk raw.cbor --raw-rak
mk badsig.cbor --bad-sig
mk binding.cbor --bad-binding
mk othercpak.cbor --other-cpak
mk es256.cbor --alg -7 --sig-len 64
mk alg.cbor --alg 1
mk short.cbor --sig-len 95
mk long.cbor --sig-len 132
mk algo.cbor --hash-algo sha-512
mk algo2.cbor --hash-algo md5
mk norpv.cbor --drop 44235
mk norak.cbor --drop 44237
T=$work
expect gen-good 0 '^  pass  platform signature +ES384, with --platform-key$' \
	--platform-key "$T/cpak.pem" $pol "$T/good.cbor"
expect gen-bare 0 '^  skip  RAK binding +a bare realm token: no platform token$' $pol "$T/bare.cbor"
expect gen-raw-rak 0 '^  pass  realm signature +ES384, with the token.s RAK$' $pol "$T/raw.cbor"
expect gen-bad-sig 1 '^  FAIL  realm signature +realm token: the ES384 signature does not verify with the token.s RAK$' \
	$pol "$T/badsig.cbor"
expect gen-bad-binding 1 '^  FAIL  RAK binding +the platform token.s challenge is not the sha-256 of the RAK' \
	$pol "$T/binding.cbor"
expect gen-other-cpak 1 '^  FAIL  platform signature +platform token: the ES384 signature does not verify with --platform-key$' \
	--platform-key "$T/cpak.pem" $pol "$T/othercpak.cbor"
expect gen-rmm-platform-key 1 '^  FAIL  platform signature' --platform-key "$T/cpak.pem" $pol rmm_host_governed.cbor
expect gen-alg-curve 2 'bad input: the signature.s algorithm ES256 does not match the key.s curve$' $pol "$T/es256.cbor"
expect gen-alg-unknown 2 'bad input: realm token: algorithm 1 is not ES256 \(-7\), ES384 \(-35\) or ES512 \(-36\)$' \
	$pol "$T/alg.cbor"
expect gen-sig-short 2 'bad input: realm token: a ES384 signature has 96 bytes, this one 95$' $pol "$T/short.cbor"
expect gen-sig-long 2 'bad input: realm token: a ES384 signature has 96 bytes, this one 132$' $pol "$T/long.cbor"
expect gen-hash-algo 1 '^  FAIL  hash algorithm +sha-512 measures 64 bytes, the RIM has 32$' $pol "$T/algo.cbor"
expect gen-hash-unknown 1 "^  FAIL  hash algorithm +'md5' is not sha-256, sha-384 or sha-512$" $pol "$T/algo2.cbor"
expect gen-no-rpv 2 'bad input: realm token: claim personalization value \(44235\) is missing$' $pol "$T/norpv.cbor"
expect gen-no-rak 2 'bad input: realm token: claim public key \(44237\) is missing$' $pol "$T/norak.cbor"

# --- Confidential Containers init-data: RPV = H(init-data), which names the policy ---
"$micac" hash --format coco-initdata $pol >"$T/init.toml" 2>/dev/null
"$micac" hash --format coco-initdata ../../examples/policies/video_analytics.mica >"$T/other.toml"
{ cat "$T/init.toml"; echo '"aa.toml" = "x"'; } >"$T/edited.toml"
irpv=$(python3 -c 'import hashlib, sys; print(hashlib.sha512(open(sys.argv[1], "rb").read()).hexdigest())' "$T/init.toml")
"$mk" --rpv "$irpv" --rim "$rim" -o "$T/coco.cbor"
expect initdata 0 "^  pass  RPV +the sha512 of the init-data, zero-padded; it names policy 'rmm_token'$" \
	--initdata "$T/init.toml" $pol "$T/coco.cbor"
expect initdata-absent 1 "^  FAIL  RPV +the token's RPV .* is not policy 'rmm_token''s" $pol "$T/coco.cbor"
expect initdata-other-policy 1 "^  FAIL  RPV +the init-data has no line \"mica.policy\" = \"sha512:...\" with policy 'rmm_token''s digest$" \
	--initdata "$T/other.toml" $pol "$T/coco.cbor"
expect initdata-edited 1 "^  FAIL  RPV +the token's RPV is not the digest of the init-data" \
	--initdata "$T/edited.toml" $pol "$T/coco.cbor"
"$micac" verify --initdata "$T/nope.toml" $pol "$T/coco.cbor" >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 2 ] && grep -q "^micac: error: --initdata: cannot open '$T/nope.toml'$" "$work/err" &&
	t_pass || t_fail "initdata-missing: exit $rc"

# --- bytes that are no token at all ---
good=$T/good.cbor n=$(stat -c %s "$good")
head -c $((n - 1)) "$good" >"$T/trunc1"
head -c 100 "$good" >"$T/trunc100"
printf '\xd9\x01\x8f' >"$T/tagonly"
printf '\xd9\x01\x90\xa0' >"$T/tag400"
printf '\xd8\x11\x84\x40\xa0\x40\x40' >"$T/tag17"
printf '\x9b\x00\x00\x00\x01\x00\x00\x00\x00' >"$T/hugearray"
printf '\xd9\x01\x8f\xbb\xff\xff\xff\xff\xff\xff\xff\xff' >"$T/hugemap"
printf '\x5b\x00\x00\x00\x10\x00\x00\x00\x00\x00' >"$T/hugebytes"
printf '\x81%.0s' $(seq 20) >"$T/deep"
printf '\xa0' >"$T/emptymap"
cp "$good" "$T/trailing"; printf '\x00' >>"$T/trailing"
: >"$T/empty"
head -c 70000 /dev/zero >"$T/big"
printf '\xd9\x01\x8f\xa2\x19\xac\xca\x41\x00\x19\xac\xd1\x41\x00' >"$T/notcose"
printf '\xd9\x01\x8f\x80' >"$T/399array"
printf '\x9f\xff' >"$T/indef"
expect truncated-1 2 'bad input: token: truncated CBOR \(at offset [0-9]+ an item needs [0-9]+ bytes, [0-9]+ are left\)$' $pol "$T/trunc1"
expect truncated-100 2 'bad input: token: truncated CBOR' $pol "$T/trunc100"
expect tag-without-item 2 'bad input: token: truncated CBOR \(ends inside an item\)$' $pol "$T/tagonly"
expect wrong-tag 2 'bad input: token: CBOR tag 400, expected 399 \(CCA token\) or 18' $pol "$T/tag400"
expect cose-tag-17 2 'bad input: token: CBOR tag 17, expected 399' $pol "$T/tag17"
expect huge-array 2 'bad input: token: refused at offset 0: a collection declares more entries than there are bytes$' \
	$pol "$T/hugearray"
expect huge-map 2 'bad input: token: refused at offset 3: a collection declares more entries than there are bytes$' \
	$pol "$T/hugemap"
expect huge-bytes 2 'bad input: token: truncated CBOR \(at offset 0 an item needs 68719476745 bytes, 10 are left\)$' $pol "$T/hugebytes"
expect too-deep 2 'bad input: token: refused at offset 8: nested too deeply$' $pol "$T/deep"
expect empty-map 2 'bad input: token: neither a CCA token \(tag 399\) nor a realm token' $pol "$T/emptymap"
expect trailing 2 'bad input: token: 1 bytes after the CBOR item$' $pol "$T/trailing"
expect empty 2 'bad input: token: empty$' $pol "$T/empty"
expect too-big 2 'bad input: token: 65537 bytes, more than the 65536 a token may have$' $pol "$T/big"
expect not-cose 2 'bad input: platform token: not a COSE_Sign1 \(expected an array of 4 items\)$' $pol "$T/notcose"
expect 399-not-map 2 'bad input: CCA token: tag 399 must hold a map$' $pol "$T/399array"
expect indefinite 2 'bad input: token: refused at offset 0: an indefinite-length item' $pol "$T/indef"
expect missing-file 2 "bad input: cannot open '$T/nope'$" $pol "$T/nope"
expect mixed 2 '^result: 1 appraised, 0 failed, 1 bad input$' $pol rmm_host_governed.cbor "$T/empty"

# --- usage ---
"$micac" verify $pol >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'expected a POLICY and at least one TOKEN' "$work/err" && t_pass ||
	t_fail "usage: exit $rc"
"$micac" verify --challenge xyz $pol rmm_host_governed.cbor >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--challenge: expected 2 to 128 hex digits, got 'xyz'" "$work/err" && t_pass ||
	t_fail "bad --challenge: exit $rc"
"$micac" verify --platform-key $pol $pol rmm_host_governed.cbor >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'not an EC public key' "$work/err" && t_pass || t_fail "bad --platform-key: exit $rc"
printf 'policy p {\n    version 1;\n}\nrealm a { trust trusted; }\nrealm a { trust trusted; }\n' >"$T/bad.mica"
"$micac" verify "$T/bad.mica" rmm_host_governed.cbor >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && t_pass || t_fail "policy with errors: exit $rc, expected 2"
"$micac" verify --help | grep -q '^usage: micac verify' && t_pass || t_fail "verify --help"

# JSON: one object, the overall result, every check by key.
"$micac" verify --format json $pol rmm_host_governed.cbor "observer=$T/badsig.cbor" >"$work/json" 2>/dev/null
python3 - "$work/json" <<'PY' && t_pass || t_fail "verify --format json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["result"] == "failed", d["result"]
a, b = d["tokens"]
assert a["status"] == "appraised" and a["role"] == "governed"
assert set(a["checks"]) == {"signature", "rak_binding", "platform_signature", "challenge",
                            "rpv", "rim", "hash_algo", "unique_role"}, a["checks"].keys()
assert b["checks"]["signature"]["result"] == "fail"
assert b["role"] == "observer" and b["checks"]["rim"]["result"] == "fail"
assert d["missing_roles"] == []
PY
t_done verify
