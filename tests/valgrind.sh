#!/bin/bash
# tests/valgrind.sh MICAC - runs micac's main commands on every example
# under valgrind: any memory error or leak fails the case.
. "$(dirname "$0")/lib.sh"
micac=$1
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all \
		"$micac" "$@" >/dev/null 2>"$tmp/vg"
	local rc=$?
	if [ $rc -eq 99 ]; then t_fail "valgrind: micac $*"; head -20 "$tmp/vg" >&2; else t_pass; fi
}
for f in examples/policies/*.mica examples/policies/*.yaml examples/policies/bad/*.mica \
	 tests/golden/diag/*.mica; do
	[ -f "$f" ] || continue
	vg check "$f"
	case $f in examples/policies/*.mica|examples/policies/*.yaml)
		vg "$f" -o "$tmp/out.pol"
		[ -f "$tmp/out.pol" ] && vg dump "$tmp/out.pol"
		rm -f "$tmp/out.pol" ;;
	esac
done
# Each example scenario against its pipeline (same base name).
for s in examples/scenarios/*.yaml; do
	[ -f "$s" ] || continue
	vg enforce "examples/policies/$(basename "${s%.yaml}").mica" "$s"
done
# verify on the RMM's tokens (one appraised, one failed) and on bad bytes;
# a leaking blob through the flow analysis.
vg verify tests/tokens/rmm_host.mica tests/tokens/rmm_host_governed.cbor \
	observer=tests/tokens/rmm_host_observer.cbor
head -c 700 tests/tokens/rmm_host_governed.cbor >"$tmp/trunc.cbor"
vg verify --format json tests/tokens/rmm_host.mica "$tmp/trunc.cbor"
vg check tests/golden/blobflow/leaky.pol
t_done valgrind
