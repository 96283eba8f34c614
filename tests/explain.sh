#!/bin/bash
# tests/explain.sh MICAC - `micac explain CODE` prints, for every code of
# compiler/diag/diag_kinds.def, exactly its section of docs/diagnostics.md
# (from its "## CODE: title" heading to the next heading, without the
# example markers), in upper or lower case; an unknown code is exit 2.
. "$(dirname "$0")/lib.sh"
micac=$1
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
codes=$(sed -n 's/^DIAG([A-Z_0-9]*, *\([EW][0-9]*\),.*/\1/p' compiler/diag/diag_kinds.def)
[ "$(echo "$codes" | wc -l)" -gt 40 ] || t_fail "found only $(echo "$codes" | wc -l) codes"
for code in $codes; do
	awk -v c="$code" '
		$0 ~ "^## " c ": " { on = 1; print; next }
		on && /^```/ { fenced = !fenced }
		on && !fenced && (/^# / || /^## /) { exit }
		on && !/^<!--/ { print }' docs/diagnostics.md |
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$tmp/want"
	if [ ! -s "$tmp/want" ]; then
		t_fail "$code: no section in docs/diagnostics.md"
		continue
	fi
	lower=$(echo "$code" | tr 'EW' 'ew')
	if ! "$micac" explain "$code" >"$tmp/got" 2>"$tmp/err"; then
		t_fail "$code: exit $?: $(cat "$tmp/err")"
	elif ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
		t_fail "$code: output differs from docs/diagnostics.md"
		head -20 "$tmp/diff" >&2
	elif ! "$micac" explain "$lower" | cmp -s - "$tmp/got"; then
		t_fail "$lower: differs from $code"
	else
		t_pass
	fi
done
for bad in E9999 E04010 X0401 ""; do
	"$micac" explain "$bad" >"$tmp/got" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 2 ] || [ -s "$tmp/got" ] || ! grep -q "micac: error:" "$tmp/err"; then
		t_fail "explain '$bad': exit $rc, expected 2 with a message and no output"
	else
		t_pass
	fi
done
t_done explain
