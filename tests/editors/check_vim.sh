#!/bin/bash
# tests/editors/check_vim.sh MICAC - editors/vim in a real Vim, headless:
# the syntax groups on the example lines of tests/editors/vim_cases.txt, the
# ftdetect and ftplugin, and the compiler file's errorformat on micac's own
# output (tests/editors/vim_syntax.vim does the checking inside Vim).
. "$(dirname "$0")/../lib.sh"
micac=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 2
if ! command -v vim >/dev/null; then
	echo "SKIP: vim is not installed (tests/install_deps.sh installs it);" \
		"editors/vim was NOT tested" >&2
	t_done vim
	exit $?
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
MICA_CASES=${MICA_VIM_CASES:-tests/editors/vim_cases.txt} MICA_OUT=$tmp/out MICA_MICAC=$micac \
	HOME=$tmp timeout 120 vim -u NONE -i NONE -N -es --cmd 'set rtp^=editors/vim' \
	-S tests/editors/vim_syntax.vim </dev/null >"$tmp/log" 2>&1
rc=$?
if [ ! -s "$tmp/out" ]; then
	t_fail "vim: no results (exit $rc)"
	head -20 "$tmp/log" >&2
fi
t_verdicts vim <"$tmp/out"
t_done vim
