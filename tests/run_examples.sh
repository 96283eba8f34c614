#!/bin/bash
# tests/run_examples.sh MICAC - the example pipelines in examples/policies/.
#
# Every NAME.mica there is a clean example with a NAME.yaml twin: both forms
# must check clean under --werror (no error, no warning, no output at all)
# and compile to byte-identical blobs, as docs/language.md promises, so
# that `micac check examples/policies/*.mica` exits 0. Examples that fail
# on purpose (bad/clean_room_leaky.mica) live in bad/ with their golden.
. "$(dirname "$0")/lib.sh"
micac=$1
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

check_clean() {
	local out rc
	out=$("$micac" check --werror "$1" 2>&1); rc=$?
	if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
		t_fail "$1: exit $rc, expected a clean check with no output"
		printf '%s\n' "$out" | head -10 >&2
	else
		t_pass
	fi
}

same_blob() {
	if "$micac" "$1" -o "$tmp/a.pol" >/dev/null && "$micac" "$2" -o "$tmp/b.pol" >/dev/null &&
		cmp -s "$tmp/a.pol" "$tmp/b.pol"; then
		t_pass
	else
		t_fail "$1 and $2 do not compile to the same blob"
	fi
}

for mica in examples/policies/*.mica; do
	base=${mica%.mica}
	if [ -f "$base.yaml" ]; then
		check_clean "$mica"
		check_clean "$base.yaml"
		same_blob "$mica" "$base.yaml"
	else
		t_fail "$mica: no YAML twin (examples that fail on purpose belong in bad/)"
	fi
done

# What the issue promises a user, in one command.
if "$micac" check examples/policies/*.mica examples/policies/*.yaml >"$tmp/all" 2>&1; then
	t_pass
else
	t_fail "micac check examples/policies/*.mica *.yaml does not exit 0"
	head -20 "$tmp/all" >&2
fi
t_done examples
