#!/bin/sh
# rmm_tree.sh - a patched copy of a TF-RMM checkout, as docs/rmm-integration.md
# "Applying it" describes, for the emulated CCA machine (qemu-e2e.mk).
#
#   rmm_tree.sh [-n] RMM_SRC DEST
#
# Copies RMM_SRC (a checkout of rmm-spec-v1.x-aligned with its submodules;
# left untouched) to DEST, adds the integration's files and applies
# 0001-mica-enforcement.patch. With -n, the hunks that call the enforcement
# decisions (mica_rmm_may_*) are left out: Mica's commands and state are
# there, the hook lines are not. DEST must not exist.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
T=$here/..
BLOB=$T/..
nohooks=0
if [ "${1:-}" = "-n" ]; then nohooks=1; shift; fi
[ $# -eq 2 ] || { echo "usage: rmm_tree.sh [-n] RMM_SRC DEST" >&2; exit 2; }
src=$1 dest=$2
[ -f "$src/CMakeLists.txt" ] && [ -d "$src/ext/mbedtls" ] ||
	{ echo "rmm_tree.sh: $src is not a TF-RMM checkout with submodules" >&2; exit 2; }
[ ! -e "$dest" ] || { echo "rmm_tree.sh: $dest exists" >&2; exit 2; }
tmp=$(cd "$(dirname "$dest")" && pwd)/$(basename "$dest").tmp.$$
trap 'rm -rf "$tmp" "$tmp.patch"' EXIT
cp -a "$src" "$tmp"
cp -r "$T/lib" "$T/app" "$T/plat" "$tmp/"
mkdir -p "$tmp/lib/mica/rmm_blob"
cp -r "$BLOB/include" "$BLOB/src" "$tmp/lib/mica/rmm_blob/"
if [ $nohooks -eq 1 ]; then
	# One hunk = an "@@ -N,0 +M,K @@" line and its K "+" lines. git
	# apply places a zero-context hunk by M, so the hunks kept after a
	# dropped one in the same file move up by the lines it would have added.
	awk '/^diff --git/ { flush(); drop = 0; print; next }
	     /^@@/ { flush(); held = $0 "\n"; next }
	     held != "" && /^\+/ { held = held $0 "\n"; k++; next }
	     { flush(); print }
	     END { flush() }
	     function flush(   h, m) {
		if (held == "") return
		if (held ~ /mica_rmm_may_/) drop += k
		else {
			split(held, h, " "); m = substr(h[3], 2); sub(/,.*/, "", m)
			sub(/ \+[0-9]+/, " +" (m - drop), held); printf "%s", held
		}
		held = ""; k = 0
	     }' \
		"$T/0001-mica-enforcement.patch" > "$tmp.patch"
	patch=$tmp.patch
else
	patch=$T/0001-mica-enforcement.patch
fi
(cd "$tmp" && git apply --unidiff-zero "$patch")
rm -f "$tmp.patch"
mv "$tmp" "$dest"
trap - EXIT
