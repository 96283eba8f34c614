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
		# A whole editor session on it through the language server.
		python3 fuzz/lsp_seeds.py --framed "$f" >"$tmp/session"
		vg lsp <"$tmp/session"
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
# micac diff on each pair of its golden corpus, in each format; the CI
# reports with an input that cannot be read.
for new in tests/golden/diff/pairs/*.mica; do
	case $new in */chain_old.mica|*/base.mica) continue ;; esac
	old=tests/golden/diff/pairs/base.mica
	case $new in */chain_new.mica) old=tests/golden/diff/pairs/chain_old.mica ;; esac
	for fmt in text json markdown; do
		vg diff --format "$fmt" "$old" "$new"
	done
done
vg diff tests/golden/diff/pairs/base.pol tests/golden/diff/pairs/base.yaml
for fmt in sarif junit gitlab github; do
	vg check --format "$fmt" examples/policies/bad/clean_room_leaky.mica no/such/file.mica
done
# verify on the RMM's tokens (one appraised, one failed) and on bad bytes;
# a leaking blob through the flow analysis.
vg verify tests/tokens/rmm_host.mica tests/tokens/rmm_host_governed.cbor \
	observer=tests/tokens/rmm_host_observer.cbor
head -c 700 tests/tokens/rmm_host_governed.cbor >"$tmp/trunc.cbor"
vg verify --format json tests/tokens/rmm_host.mica "$tmp/trunc.cbor"
vg check tests/golden/blobflow/leaky.pol
t_done valgrind
