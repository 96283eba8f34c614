#!/bin/bash
# ci/action-result.sh CHECK_RC [DIFF_FAILS] - the GitHub Action's last step:
# fails the job with the status `micac check` had (ci/action-check.sh), or
# with 1 when a pull request's change is of a --fail-on kind
# (ci/action-diff.sh), now that the SARIF report is uploaded and the review
# comment posted.
rc=${1:-} fails=${2:-0}
case $rc in
0) echo "micac: every policy is clean" ;;
1) echo "micac: the policies have errors (see the annotations and code scanning)" >&2 ;;
*) echo "micac: check did not run to completion (exit ${rc:-unknown})" >&2; exit "${rc:-2}" ;;
esac
if [ "$fails" = 1 ]; then
	echo "micac: this pull request makes a change of a kind listed in fail-on (see the comment)" >&2
	exit 1
fi
exit "$rc"
