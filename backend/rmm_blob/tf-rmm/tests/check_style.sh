#!/bin/bash
# backend/rmm_blob/tf-rmm/tests/check_style.sh - runs a TF-RMM checkout's own
# style scripts (tools/checkpatch/checkpatch.pl with its .checkpatch.conf,
# checkascii.py, tools/checkspdx/checkspdx.py, tools/checkincludes/
# checkincludes.py) on every C file and CMakeLists.txt of backend/rmm_blob,
# as TF-RMM's `checkcodebase`, `checkspdx-codebase` and
# `checkincludes-codebase` targets do on its own tree. Nothing is written to
# the checkout. Results go through tests/lib.sh.
#
#   check_style.sh -r RMM_SRC [-s SUITE]
#
# tf-rmm/qemu/ is left out: its programs run in the normal world and in
# realms on the emulated machine, not in the RMM, and follow the project's
# own C rules.
#
# One exception, by path: the CMocka tests include <setjmp.h>, <stdarg.h>
# and <stddef.h> before <cmocka.h>, which needs them and does not include
# them itself, so checkincludes' alphabetical order cannot hold there.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
blob=$(cd "$here/.." && pwd)
. "$blob/../../tests/lib.sh"
rmm= suite=tfrmm-style
while getopts r:s: o; do
	case $o in
	r) rmm=$OPTARG ;;
	s) suite=$OPTARG ;;
	*) echo "usage: $0 -r RMM_SRC [-s SUITE]" >&2; exit 2 ;;
	esac
done
if [ -z "$rmm" ] || [ ! -x "$rmm/tools/checkpatch/checkpatch.pl" ]; then
	echo "usage: $0 -r RMM_SRC: a TF-RMM checkout with tools/checkpatch" >&2
	exit 2
fi
rmm=$(cd "$rmm" && pwd)

mapfile -t files < <(cd "$blob" && find . \( -name '*.[ch]' -o -name CMakeLists.txt \) \
	-not -path './tf-rmm/tests/bad_patches/*' -not -path './tf-rmm/qemu/*' |
	sort | sed "s|^\.|$blob|")
mapfile -t cfiles < <(printf '%s\n' "${files[@]}" | grep '\.[ch]$')
mapfile -t incfiles < <(printf '%s\n' "${cfiles[@]}" | grep -v '/tests/test_\|/tests/expect\.h$')

run() {	# run NAME CMD...: passes when CMD exits 0
	local name=$1 out; shift
	if out=$(cd "$rmm" && "$@" 2>&1); then
		t_pass
	else
		t_fail "$name:"; printf '%s\n' "$out" | grep -v '^Checking file' | sed "s|$blob/||" | tail -20
	fi
}
run checkpatch "$rmm/tools/checkpatch/checkpatch.pl" -f "${cfiles[@]}"
run checkascii bash -c 'for f; do python3 tools/checkpatch/checkascii.py "$f" || exit 1; done' _ "${files[@]}"
run checkspdx python3 tools/checkspdx/checkspdx.py -r docs/readme.rst "${files[@]}"
run checkincludes python3 tools/checkincludes/checkincludes.py "${incfiles[@]}"
echo "$suite: ${#files[@]} files (${#cfiles[@]} C), TF-RMM at $(git -C "$rmm" describe --always 2>/dev/null)"
t_done "$suite"
