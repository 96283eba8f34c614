#!/bin/bash
# fuzz/seeds.sh MICAC OUTDIR - the fuzzers' seed corpora, copied from the
# repository at build time (nothing big is committed): OUTDIR/mica gets every
# .mica of examples/policies/ and tests/golden/, OUTDIR/yaml every .yaml,
# OUTDIR/blob the blobs MICAC compiles from the good examples, and
# OUTDIR/scenario the scenarios of examples/scenarios/ and the enforce goldens,
# OUTDIR/lsp a Language Server session on each policy of examples/policies/bad
# (fuzz/lsp_seeds.py; the good examples are longer than -max_len).
# OUTDIR/token the attestation tokens of tests/tokens/.
set -e
micac=$1 out=$2
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out/mica" "$out/yaml" "$out/blob" "$out/scenario" "$out/lsp" "$out/token"
# Policies only (examples/scenarios and tests/golden/enforce hold replay
# scripts, not policies); each copy is named after its path, since base
# names repeat across folders.
while IFS= read -r f; do
	case $f in *.mica) lang=mica ;; *) lang=yaml ;; esac
	cp "$f" "$out/$lang/$(echo "$f" | tr / _)"
done < <(find examples/policies tests/golden -path tests/golden/enforce -prune -o \
	\( -name '*.mica' -o -name '*.yaml' -o -name '*.yml' \) -print)
for f in examples/scenarios/*.yaml tests/golden/enforce/*.yaml; do
	cp "$f" "$out/scenario/$(echo "$f" | tr / _)"
done
for f in examples/policies/*.mica examples/policies/*.yaml; do
	b=$(basename "$f")
	"$micac" compile -q "$f" -o "$out/blob/${b%.*}.${f##*.}.pol" 2>/dev/null || true
done
# A blob of each table size class: a file with no realms at all is refused
# before encoding, so the smallest legal policy stands in for it.
printf 'policy p { version 1; }\nrealm a { trust trusted; }\n' >"$out/mica/minimal.mica"
"$micac" compile -q "$out/mica/minimal.mica" -o "$out/blob/minimal.pol" 2>/dev/null || true
python3 fuzz/lsp_seeds.py "$out/lsp" examples/policies/bad/*.mica examples/policies/bad/*.yaml
# CCA attestation tokens: the ones the patched TF-RMM produced.
cp tests/tokens/*.cbor "$out/token/"
