#!/bin/bash
# tests/run_golden.sh MICAC [DIR|CASE...] - golden-output tests.
#
# A case is a file NAME.expected beside its input NAME.<ext> (.mica, .yaml,
# .pol, ...). micac runs from the repository root with the arguments in
# NAME.args (default: "check {}"; {} is the input's path) and must print
# exactly NAME.expected (its stdout, then its stderr) and exit with the code
# in NAME.rc (default 1). MICAC_UPDATE=1 rewrites the .expected files.
# With no DIR: every folder under tests/golden/, and examples/policies/bad/.
# A CASE is one test, named by NAME, NAME.expected or its input:
#   make golden GOLDEN=tests/golden/flow/asserts
. "$(dirname "$0")/lib.sh"
micac=$1; shift
cd "$(dirname "$0")/.." || exit 2
dirs=("$@")
[ ${#dirs[@]} -eq 0 ] && dirs=(tests/golden/*/ examples/policies/bad/)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for dir in "${dirs[@]}"; do
	dir=${dir%/}; dir=${dir#./}	# the .expected name inputs without ./
	if [ -d "$dir" ]; then
		set -- "$dir"/*.expected
	elif [ -f "$dir.expected" ]; then
		set -- "$dir.expected"
	elif [ -f "${dir%.*}.expected" ]; then
		set -- "${dir%.*}.expected"
	else
		t_fail "$dir: no such golden folder or case (NAME.expected)"
		set --
	fi
	for exp in "$@"; do
		[ -f "$exp" ] || continue
		base=${exp%.expected}
		input=
		for f in "$base".*; do
			case $f in *.expected|*.args|*.rc) ;; *) input=$f ;; esac
		done
		args="check {}"
		[ -f "$base.args" ] && args=$(cat "$base.args")
		want_rc=1
		[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
		args=${args//\{\}/$input}
		eval "\"$micac\" $args" >"$tmp/out" 2>"$tmp/err" </dev/null
		rc=$?
		cat "$tmp/out" "$tmp/err" >"$tmp/all"
		if [ "${MICAC_UPDATE:-0}" = 1 ]; then
			cp "$tmp/all" "$exp"
			[ "$rc" != 1 ] && echo "$rc" >"$base.rc"
			[ "$rc" = 1 ] && rm -f "$base.rc"
		fi
		if [ "$rc" != "$want_rc" ]; then
			t_fail "$base: exit $rc, expected $want_rc"
			head -5 "$tmp/all" >&2
		elif ! diff -u "$exp" "$tmp/all" >"$tmp/diff"; then
			t_fail "$base: output differs"
			head -30 "$tmp/diff" >&2
		else
			t_pass
		fi
	done
done
t_done golden
