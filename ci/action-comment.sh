#!/bin/bash
# ci/action-comment.sh COMMENT - posts the review comment on the pull
# request, or updates micac's earlier one, so a pull request carries one
# micac comment however often it is pushed to. Uses the GitHub CLI (on
# GitHub's runners) with GH_TOKEN; needs `pull-requests: write`.
# Environment: GITHUB_REPOSITORY, MICAC_PR (the pull request's number).
set -euo pipefail
comment=${1:?usage: action-comment.sh COMMENT_FILE}
repo=${GITHUB_REPOSITORY:?} pr=${MICAC_PR:?}
marker='<!-- micac diff -->'
body=$(printf '%s\n%s' "$marker" "$(cat "$comment")")
id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
	--jq ".[] | select(.body | startswith(\"$marker\")) | .id" | tail -n 1)
if [ -n "$id" ]; then
	gh api -X PATCH "repos/$repo/issues/comments/$id" -f body="$body" >/dev/null
	echo "micac: updated comment $id"
else
	gh api "repos/$repo/issues/$pr/comments" -f body="$body" >/dev/null
	echo "micac: commented on #$pr"
fi
