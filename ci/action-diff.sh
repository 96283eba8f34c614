#!/bin/bash
# ci/action-diff.sh BASE [PATTERN...] - the GitHub Action's review step on a
# pull request: every policy that the patterns match and that the pull
# request changed (git diff BASE...HEAD), compared with its version at
# BASE by `micac diff --format markdown`, into one comment in
# $MICAC_COMMENT (default micac-diff.md). A new policy, a deleted one, or
# one that does not build on a side is said so in the comment.
#
# Exit 0 when the comment was written and no change is of a kind in
# $MICAC_FAIL_ON (a `micac diff --fail-on` list; default none), 1 when one
# is, 2 on a usage or git error. Writes changed=<n> and fails=<0|1> to
# $GITHUB_OUTPUT. Without PATTERNs, $MICAC_PATHS holds them.
set -uo pipefail
micac=${MICAC:-micac}
base=${1:?usage: action-diff.sh BASE PATTERN...}
shift
comment=${MICAC_COMMENT:-micac-diff.md}
fail_on=${MICAC_FAIL_ON:-none}
out=${GITHUB_OUTPUT:-/dev/null}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if ! changed=$(git diff --name-only --no-renames "$base"...HEAD); then
	echo "micac: cannot compare with '$base' (fetch it: actions/checkout with fetch-depth: 0)" >&2
	exit 2
fi
shopt -s globstar nullglob extglob
matches() {	# FILE: does it match one of the patterns?
	local p
	for p in "${patterns[@]}"; do
		# shellcheck disable=SC2053 # the pattern is meant to match
		[[ $1 == $p ]] && return 0
		# "**/" also matches no folder at all, as in pathname expansion
		[[ $1 == ${p//'**/'/} ]] && return 0
	done
	return 1
}
patterns=("$@")
if [ $# -eq 0 ]; then
	set -f
	# shellcheck disable=SC2206 # split into patterns, not expanded
	patterns=(${MICAC_PATHS:-})
	set +f
fi
n=0 fails=0
: >"$comment"
while IFS= read -r f; do
	[ -n "$f" ] && matches "$f" || continue
	n=$((n + 1))
	[ $n -gt 1 ] && printf '\n---\n\n' >>"$comment"
	if [ ! -e "$f" ]; then
		printf '### micac diff: `%s`\n\nThe policy was deleted.\n' "$f" >>"$comment"
		continue
	fi
	mkdir -p "$tmp/base/$(dirname "$f")"
	if ! git show "$base:$f" >"$tmp/base/$f" 2>/dev/null; then
		printf '### micac diff: `%s`\n\nA new policy: nothing to compare it with. `micac check` reviews it.\n' \
			"$f" >>"$comment"
		continue
	fi
	"$micac" diff --format markdown --fail-on "$fail_on" --old-name "$base:$f" --new-name "$f" \
		"$tmp/base/$f" "$f" >>"$comment" 2>"$tmp/err"
	rc=$?
	case $rc in
	0) ;;
	1) fails=1 ;;
	*)
		{
			printf '### micac diff: `%s`\n\nmicac could not compare the two versions (exit %d):\n\n```text\n' "$f" $rc
			cat "$tmp/err"
			printf '```\n'
		} >>"$comment"
		;;
	esac
done <<<"$changed"
[ $n -eq 0 ] && printf 'micac: no policy changed in this pull request.\n' >>"$comment"
echo "changed=$n" >>"$out"
echo "fails=$fails" >>"$out"
echo "comment=$comment" >>"$out"
exit $fails
