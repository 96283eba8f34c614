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

# Where tests/install_deps.sh installs Microsoft's SARIF Multitool and
# tests/check_formats.sh runs it from: a cache outside the repository.
SARIF_MULTITOOL_VERSION=5.7.0
SARIF_MULTITOOL_DIR=${MICAC_SARIF_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/micac/sarif}/sarif-multitool-linux-$SARIF_MULTITOOL_VERSION

# apt_bookworm_uri [ROOT]: the URI of the first apt source for bookworm main
# under ROOT/etc/apt, in deb822 (*.sources) or one-line (*.list) form: the
# machine's own mirror, so that no mirror is ever named in this repository.
apt_bookworm_uri() {
	{
		awk 'BEGIN { RS = ""; FS = "\n" }
		     { t = u = s = c = ""
		       for (i = 1; i <= NF; i++) {
			       if ($i ~ /^Types:/) t = $i; if ($i ~ /^URIs:/) u = $i
			       if ($i ~ /^Suites:/) s = $i; if ($i ~ /^Components:/) c = $i }
		       if (t ~ /[ \t]deb([ \t]|$)/ && s ~ /[ \t]bookworm([ \t]|$)/ &&
			   c ~ /[ \t]main([ \t]|$)/) { split(u, w, /[ \t]+/); print w[2] } }' \
			"${1:-}"/etc/apt/sources.list.d/*.sources 2>/dev/null
		sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) bookworm .*main.*/\2/p' \
			"${1:-}"/etc/apt/sources.list "${1:-}"/etc/apt/sources.list.d/*.list 2>/dev/null
	} | head -1
}
