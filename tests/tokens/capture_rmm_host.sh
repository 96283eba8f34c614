#!/bin/sh
# capture_rmm_host.sh - re-capture rmm_host_governed.cbor and
# rmm_host_observer.cbor from TF-RMM's host build with the integration
# applied (README.md says how to build it).
#
#   capture_rmm_host.sh [-u] RMM_CORE_ELF MICAC [OUTDIR]
#
# RMM_CORE_ELF: the build's rmm_core.elf (run from its own directory, where
# it finds its EL0 apps). MICAC: the micac binary. OUTDIR: where the tokens
# go (default: this directory). The token realm's RIM does not depend on
# the build (its REC starts at a fixed pc, host_mica.c), so it must be the
# measurement of role 'governed' in rmm_host.mica: first the realm is bound
# to 'observer' (no measurement, so the RMM activates it whatever its RIM),
# its token's RIM is compared with that measurement, and only then is the
# 'governed' token taken. With -u a different RIM is written into
# rmm_host.mica instead of failing (after a change to the token realm).
# Exit status: 0 both tokens written and appraised, 1 a step failed, 2 usage.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
update=0
if [ "${1:-}" = "-u" ]; then update=1; shift; fi
[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: $0 [-u] RMM_CORE_ELF MICAC [OUTDIR]" >&2; exit 2; }
elf=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
micac=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
mkdir -p "${3:-$here}" && out=$(cd "${3:-$here}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run ROLE FILE: the host build's token realm, bound to ROLE, token to FILE.
# The host build exits non-zero when a check fails (a Release build does not
# print its "MICA ok" lines, a Debug one does).
run() {
	rm -f "$2"
	if ! (cd "$(dirname "$elf")/.." && MICA_POLICY="$work/rmm_host.pol" \
		MICA_TOKEN_ROLE=$1 MICA_TOKEN_OUT=$2 "$elf" >"$work/run-$1.log" 2>&1) ||
	   [ ! -s "$2" ]; then
		echo "capture_rmm_host.sh: the host build failed, role $1:" >&2
		grep -E 'MICA (FAIL|:)' "$work/run-$1.log" >&2
		exit 1
	fi
}
# The RIM claim (44238, a 32-byte bstr) of a token, in hex.
rim_of() { xxd -p "$1" | tr -d '\n' | grep -o '19acce5820[0-9a-f]\{64\}' | cut -c11-; }

"$micac" compile -q "$here/rmm_host.mica" -o "$work/rmm_host.pol" 2>/dev/null
run 1 "$work/observer.cbor"
rim=$(rim_of "$work/observer.cbor")
want=$(sed -n 's/^ *measurement "\([0-9a-f]*\)";$/\1/p' "$here/rmm_host.mica")
if [ "$rim" != "$want" ]; then
	if [ $update -eq 0 ]; then
		echo "capture_rmm_host.sh: the token realm's RIM is $rim, rmm_host.mica says $want (-u to update it)" >&2
		exit 1
	fi
	sed -i "s/$want/$rim/" "$here/rmm_host.mica"
	"$micac" compile -q "$here/rmm_host.mica" -o "$work/rmm_host.pol" 2>/dev/null
	run 1 "$work/observer.cbor"
fi
run 0 "$work/governed.cbor"
"$micac" verify "$here/rmm_host.mica" governed="$work/governed.cbor" >"$work/verify.txt" 2>/dev/null ||
	{ cat "$work/verify.txt" >&2; exit 1; }
cp "$work/governed.cbor" "$out/rmm_host_governed.cbor"
cp "$work/observer.cbor" "$out/rmm_host_observer.cbor"
echo "rmm_host_governed.cbor, rmm_host_observer.cbor: RIM $rim"
