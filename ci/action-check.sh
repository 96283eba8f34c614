#!/bin/bash
# ci/action-check.sh [PATTERN...] - the GitHub Action's check step: `micac check`
# on every policy the patterns match (bash globs, ** included), once as
# GitHub annotations (printed: the runner turns them into annotations on the
# pull request) and once as SARIF into $MICAC_SARIF (default micac.sarif) for
# code scanning.
#
# The step must let the SARIF upload run when the policies have errors, and
# must not upload a report from a run that failed for another reason. So:
# exit 0 when micac said 0 or 1 (the status goes to $GITHUB_OUTPUT as rc,
# for ci/action-result.sh to fail the job after the upload), and micac's
# own status (2, 3) otherwise, which stops the job before the upload.
# Environment: MICAC (default: micac on PATH), MICAC_PATHS (the patterns,
# space-separated, when none are given as arguments), MICAC_WERROR=true,
# GITHUB_OUTPUT; MICAC_ACTION_REPOSITORY, MICAC_ACTION_REF and
# GITHUB_SERVER_URL point the SARIF's help links at the micac revision the
# action runs.
set -uo pipefail
micac=${MICAC:-micac}
sarif=${MICAC_SARIF:-micac.sarif}
out=${GITHUB_OUTPUT:-/dev/null}
if [ $# -eq 0 ]; then
	set -f
	# shellcheck disable=SC2086 # split into patterns, not expanded yet
	set -- ${MICAC_PATHS:-}
	set +f
fi
if [ -n "${MICAC_ACTION_REPOSITORY:-}" ]; then
	export MICAC_REPOSITORY_URL=${GITHUB_SERVER_URL:-https://github.com}/$MICAC_ACTION_REPOSITORY
	export MICAC_DOCS_URL=$MICAC_REPOSITORY_URL/blob/${MICAC_ACTION_REF:-main}/docs
fi
shopt -s globstar nullglob
files=()
for pattern in "$@"; do
	# shellcheck disable=SC2206 # the pattern is meant to be expanded
	matched=($pattern)
	if [ ${#matched[@]} -eq 0 ]; then
		echo "::error title=micac::no policy matches '$pattern'"
		echo "rc=2" >>"$out"
		exit 2
	fi
	files+=("${matched[@]}")
done
if [ ${#files[@]} -eq 0 ]; then
	echo "::error title=micac::no paths given"
	echo "rc=2" >>"$out"
	exit 2
fi
werror=()
[ "${MICAC_WERROR:-false}" = true ] && werror=(--werror)
echo "micac check: ${#files[@]} file(s)" >&2
"$micac" check "${werror[@]}" --format github "${files[@]}"
rc=$?
"$micac" check "${werror[@]}" --format sarif "${files[@]}" >"$sarif" 2>/dev/null
sarif_rc=$?
if [ $sarif_rc -ne $rc ]; then
	echo "::error title=micac::the SARIF run ended with $sarif_rc, the annotations with $rc"
	rc=3
fi
echo "rc=$rc" >>"$out"
echo "sarif=$sarif" >>"$out"
[ $rc -le 1 ] || exit $rc
exit 0
