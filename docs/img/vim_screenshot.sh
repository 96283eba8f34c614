#!/bin/bash
# docs/img/vim_screenshot.sh [MICAC] - retakes docs/img/vim_mica.png: Vim
# (editors/vim) in an xterm on a virtual X display, on the leaky clean-room
# example, after `:make` (micac check) filled the quickfix list.
# Needs xvfb, xterm, x11-apps (xwd), fonts-dejavu-core and imagemagick;
# only this script uses them, the tests do not.
set -e
micac=$(realpath "${1:-build/micac}")
cd "$(dirname "$0")/../.."
export DISPLAY=:${MICA_SHOT_DISPLAY:-97}
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
tmp=$(mktemp -d)
cat >"$tmp/vimrc" <<VIM
set nocompatible rtp^=$PWD/editors/vim
filetype plugin on
syntax on
set background=dark laststatus=2 number
colorscheme habamax
VIM
xterm -fa 'DejaVu Sans Mono' -fs 10 -geometry 132x26+0+0 -bg '#1c1c1c' -fg '#bcbcbc' \
	-xrm 'XTerm*termName: xterm-256color' -e env TERM=xterm-256color PATH="$(dirname "$micac"):$PATH" \
	vim -u "$tmp/vimrc" -i NONE -N +52 \
	-c 'let &l:makeprg = "micac check --color never %"' -c 'silent make | copen 3 | cc 1 | normal! zt' \
	-c 'exe "normal! 9\<C-y>"' -c redraw! examples/policies/bad/clean_room_leaky.mica &
term=$!
sleep 3
win=$(xwininfo -root -tree | awk '/"xterm"/ {print $1; exit}')
xwd -id "$win" -silent >"$tmp/shot.xwd"
kill $term 2>/dev/null || true
convert "$tmp/shot.xwd" -strip -colors 64 docs/img/vim_mica.png
rm -rf "$tmp"
ls -l docs/img/vim_mica.png
