#!/bin/bash
# tests/run_examples.sh MICAC - the example pipelines in examples/policies/.
#
# Every NAME.mica there is either a clean example or a golden case:
# - a clean example has a NAME.yaml twin; both forms must check clean under
#   --werror (no error, no warning, no output at all) and compile to
#   byte-identical blobs, as docs/language.md promises;
# - a golden case (clean_room_leaky.mica) has a NAME.expected, which
#   tests/run_golden.sh compares as it does for every other golden folder.
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
	elif [ ! -f "$base.expected" ]; then
		t_fail "$mica: neither a YAML twin (clean example) nor a .expected (golden case)"
	fi
done

# The golden cases; MICAC_RESULTS is cleared so that the golden suite's own
# record is not overwritten: this suite records one result for them all.
if MICAC_RESULTS= tests/run_golden.sh "$micac" examples/policies >"$tmp/golden" 2>&1; then
	t_pass
else
	t_fail "golden cases in examples/policies"
	cat "$tmp/golden" >&2
fi
t_done examples
