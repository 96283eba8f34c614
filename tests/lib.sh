# tests/lib.sh - shared by the test scripts: count and record results.
# Each suite calls t_pass / t_fail per case and t_done at the end, which
# writes "<passed> <failed>" to $MICAC_RESULTS/<suite> for tests/summary.sh
# and prints the suite's own closing line.
T_PASSED=0
T_FAILED=0
t_pass() { T_PASSED=$((T_PASSED + 1)); }
t_fail() { T_FAILED=$((T_FAILED + 1)); printf 'FAIL: %s\n' "$*" >&2; }
t_done() {
	local suite=$1
	if [ -n "${MICAC_RESULTS:-}" ]; then
		mkdir -p "$MICAC_RESULTS"
		echo "$T_PASSED $T_FAILED" >"$MICAC_RESULTS/$suite"
	fi
	printf '%s: %d passed, %d failed\n' "$suite" "$T_PASSED" "$T_FAILED"
	[ "$T_FAILED" -eq 0 ]
}
# t_verdicts LABEL < LINES: counts "PASS what" / "FAIL what: why" lines, as
# written by the checkers that run inside another program (Vim, Python).
t_verdicts() {
	local label=$1 verdict what
	while read -r verdict what; do
		case $verdict in
		PASS) t_pass ;;
		FAIL) t_fail "$label: $what" ;;
		esac
	done
}
