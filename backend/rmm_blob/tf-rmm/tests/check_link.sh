#!/bin/bash
# backend/rmm_blob/tf-rmm/tests/check_link.sh - checks that the library
# files lib/mica/CMakeLists.txt lists are all the RMM needs: in OBJ (those
# files linked with ld -r for aarch64) no mica_* symbol is
# undefined, and every mica_policy_* / mica_blob_* function that a glue
# source calls is defined. Results go through tests/lib.sh.
#
#   check_link.sh -s SUITE [-n NM] OBJ GLUE.c...
. "$(dirname "$0")/../../../../tests/lib.sh"
suite=tfrmm-link nm=aarch64-linux-gnu-nm
while getopts s:n: o; do
	case $o in
	s) suite=$OPTARG ;;
	n) nm=$OPTARG ;;
	*) echo "usage: $0 -s SUITE [-n NM] OBJ GLUE.c..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
obj=$1; shift

if ! syms=$($nm "$obj"); then
	t_fail "$nm $obj"
	t_done "$suite"; exit
fi
undef=$(awk '$1 == "U" && $2 ~ /^mica_/ { print $2 }' <<<"$syms")
if [ -z "$undef" ]; then t_pass; else t_fail "undefined in the RMM's list:" $undef; fi

defined=$(awk 'NF == 3 && $2 ~ /^[TtDdRrBb]$/ { print $3 }' <<<"$syms")
missing=
for s in $(grep -ohE '\bmica_(policy|blob)_[a-z0-9_]+ *\(' "$@" | tr -d ' (' | sort -u); do
	grep -qx "$s" <<<"$defined" || missing="$missing $s"
done
if [ -z "$missing" ]; then t_pass; else t_fail "the glue calls, the RMM's list lacks:$missing"; fi
echo "$suite: $(wc -w <<<"$defined") symbols defined"
t_done "$suite"
