#!/bin/sh
# tests/lsp/screenshot.sh MICAC OUT.png - the picture in docs/lsp.md: Neovim
# in an xterm under Xvfb, `micac lsp` attached (tests/lsp/demo.lua), showing
# a policy's diagnostics and the hover of a realm. Needs xvfb, xterm,
# imagemagick and neovim (not part of `make check`).
set -e
micac=$(realpath "$1") out=$2
cd "$(dirname "$0")/../.."
file=examples/policies/bad/leak_through_distrustful_hostcall.mica
display=:77
Xvfb $display -screen 0 1000x600x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
DISPLAY=$display MICAC=$micac DEMO_LINE=22 DEMO_COL=12 DEMO_TOP=12 \
	xterm -geometry 100x30+0+0 -fa 'DejaVu Sans Mono' -fs 10 -bg '#1e1e1e' -fg '#d4d4d4' \
	-e nvim --clean -n -u tests/lsp/demo.lua "$file" &
term=$!
sleep 4
DISPLAY=$display import -window root -crop "$(DISPLAY=$display xwininfo -root -tree |
	sed -n 's/.*"xterm".* \([0-9]*x[0-9]*\)+0+0.*/\1/p' | head -1)+0+0" "$out.tmp.png"
kill $term 2>/dev/null || true
convert "$out.tmp.png" -strip -colors 64 "PNG8:$out"
rm -f "$out.tmp.png"
ls -l "$out"
