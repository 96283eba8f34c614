#!/bin/bash
# tests/check_ci.sh MICAC BUILD_DIR - the GitHub Action and the pre-commit
# hooks, run here as far as they run offline (docs/ci.md):
#
#  - action.yml: every shell step runs a script of ci/, and every script of
#    ci/ is a step, so what this test runs is what the action runs;
#  - those scripts as plain shell, in a scratch git repository holding the
#    examples: install (a no-op build here), check green on the examples and
#    red on a bad example (annotations, SARIF, the final status), diff on a
#    "pull request" whose only change is a grant that opens a transitive
#    path to the host (the comment leads with it; --fail-on fails it), and
#    the comment step against a stand-in for the GitHub CLI;
#  - .pre-commit-hooks.yaml, run by pre-commit itself (try-repo) on the
#    examples (green) and on a bad example and a badly laid out one (red).
. "$(dirname "$0")/lib.sh"
micac=$(realpath "$1")
build=${2:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

expect() {	# WANT_RC LABEL CMD... : CMD exits WANT_RC
	local want=$1 label=$2 rc
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" = "$want" ]; then
		t_pass
	else
		t_fail "$label: exit $rc, expected $want"
		head -20 "$tmp/out" "$tmp/err" >&2
	fi
}
has() {		# LABEL FILE PATTERN: FILE has a line matching PATTERN (grep -E)
	if grep -qE -- "$3" "$2"; then t_pass; else t_fail "$1: no line matching '$3' in $2"; fi
}

# ---- action.yml runs exactly the scripts of ci/ ----
if python3 - <<'PY'
import os, re, sys, yaml
action = yaml.safe_load(open('action.yml'))
steps = action['runs']['steps']
assert action['runs']['using'] == 'composite'
called = set()
for s in steps:
    if 'run' in s:
        m = re.fullmatch(r'"\$GITHUB_ACTION_PATH/(ci/action-[a-z]+\.sh)"( .*)?', s['run'].strip())
        assert m, 'a run step that is not a ci/ script: %r' % s['run']
        assert s.get('shell') == 'bash', s['name']
        called.add(m.group(1))
    else:
        assert s['uses'].startswith('github/codeql-action/upload-sarif@'), s
scripts = {'ci/' + f for f in os.listdir('ci') if f.startswith('action-')}
assert called == scripts, (sorted(called), sorted(scripts))
assert all(os.access(f, os.X_OK) for f in scripts)
PY
then t_pass; else t_fail "action.yml: its steps are not the scripts of ci/"; fi

# ---- the scripts, in a scratch repository ----
repo=$tmp/repo
mkdir -p "$repo/policies/bad"
cp examples/policies/*.mica "$repo/policies/"
cp tests/golden/diff/pairs/chain_old.mica "$repo/policies/chain.mica"
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=ci -c user.email=ci@example.invalid add -A
git -C "$repo" -c user.name=ci -c user.email=ci@example.invalid commit -qm base

# install: finds every package, builds nothing new, puts micac on the PATH
expect 0 "action-install" env GITHUB_PATH="$tmp/path" MICAC_BUILD_DIR="$build" ci/action-install.sh "$root"
if [ "$(cat "$tmp/out")" = "$micac" ] && [ "$(cat "$tmp/path")" = "$(dirname "$micac")" ]; then
	t_pass
else
	t_fail "action-install: printed '$(cat "$tmp/out")', GITHUB_PATH '$(cat "$tmp/path" 2>/dev/null)'"
fi

cd "$repo" || exit 2
export MICAC=$micac
# green: the examples
expect 0 "action-check on the examples" env GITHUB_OUTPUT="$tmp/green.out" MICAC_SARIF="$tmp/green.sarif" \
	MICAC_PATHS='policies/**/*.mica' "$root/ci/action-check.sh"
has "action-check green" "$tmp/green.out" '^rc=0$'
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]; sys.exit(bool(r["results"]) or not r["invocations"][0]["executionSuccessful"])' "$tmp/green.sarif"; then
	t_pass
else
	t_fail "action-check green: the SARIF report is not empty and successful"
fi
expect 0 "action-result on the examples" "$root/ci/action-result.sh" 0 0

# red: a bad example among them
cp "$root/examples/policies/bad/clean_room_leaky.mica" policies/bad/
expect 0 "action-check with a bad example (the step lets the upload run)" env \
	GITHUB_OUTPUT="$tmp/red.out" MICAC_SARIF="$tmp/red.sarif" MICAC_ACTION_REPOSITORY=someone/micac \
	MICAC_ACTION_REF=v1 "$root/ci/action-check.sh" 'policies/**/*.mica'
has "action-check red: status" "$tmp/red.out" '^rc=1$'
has "action-check red: annotation" "$tmp/out" '^::error file=policies/bad/clean_room_leaky\.mica,line=[0-9]+,.*title=E0401 '
has "action-check red: SARIF result" "$tmp/red.sarif" '"uri": "policies/bad/clean_room_leaky\.mica"'
has "action-check red: help links at the action's revision" "$tmp/red.sarif" \
	'"helpUri": "https://github\.com/someone/micac/blob/v1/docs/diagnostics\.md#e0401-'
expect 1 "action-result with a bad example" "$root/ci/action-result.sh" 1 0
rm -r policies/bad
# broken: nothing to check, or micac cannot run: no upload, the job stops
expect 2 "action-check on a pattern that matches nothing" env GITHUB_OUTPUT="$tmp/none.out" \
	"$root/ci/action-check.sh" 'nothing/**/*.mica'
expect 2 "action-result after a broken check" "$root/ci/action-result.sh" 2 0

# diff on a pull request: one grant, four new paths to the host
git checkout -q -b pr
cp "$root/tests/golden/diff/pairs/chain_new.mica" policies/chain.mica
cp "$root/tests/golden/diff/pairs/base.mica" policies/new_policy.mica
git -c user.name=ci -c user.email=ci@example.invalid add -A
git -c user.name=ci -c user.email=ci@example.invalid commit -qm "pr"
expect 1 "action-diff --fail-on flow-to-host" env GITHUB_OUTPUT="$tmp/diff.out" MICAC_COMMENT="$tmp/comment.md" \
	MICAC_FAIL_ON=flow-to-host MICAC_PATHS='policies/**/*.mica' "$root/ci/action-diff.sh" main
has "action-diff: outputs" "$tmp/diff.out" '^changed=2$'
has "action-diff: outputs" "$tmp/diff.out" '^fails=1$'
first=$(grep -m1 '^#### ' "$tmp/comment.md")
if [ "$first" = '#### :warning: new flow to the host: a -\> host' ]; then
	t_pass
else
	t_fail "action-diff: the comment starts with '$first', not a's new flow to the host"
fi
has "action-diff: the transitive path" "$tmp/comment.md" '^d -> e      \(region .outbox.: d writes, e reads\)$'
has "action-diff: a new policy" "$tmp/comment.md" 'micac diff: `policies/new_policy.mica`'
expect 0 "action-diff, comment only" env MICAC_COMMENT="$tmp/comment2.md" "$root/ci/action-diff.sh" main 'policies/**/*.mica'
expect 2 "action-diff against a missing base" env MICAC_COMMENT="$tmp/comment3.md" "$root/ci/action-diff.sh" no-such-branch 'policies/*.mica'
expect 1 "action-result after a failing diff" "$root/ci/action-result.sh" 0 1

# comment: a stand-in gh that answers the comment list and logs each call
mkdir -p "$tmp/bin"
cat >"$tmp/bin/gh" <<'GH'
#!/bin/sh
echo "$*" >>"$GH_LOG"
case "$*" in *--jq*) cat "$GH_EXISTING" ;; esac
GH
chmod +x "$tmp/bin/gh"
: >"$tmp/existing"
expect 0 "action-comment, first time" env PATH="$tmp/bin:$PATH" GH_LOG="$tmp/gh.log" GH_EXISTING="$tmp/existing" \
	GITHUB_REPOSITORY=o/r MICAC_PR=7 "$root/ci/action-comment.sh" "$tmp/comment.md"
has "action-comment: posts" "$tmp/gh.log" '^api repos/o/r/issues/7/comments -f body=<!-- micac diff -->'
echo 4242 >"$tmp/existing"
expect 0 "action-comment, again" env PATH="$tmp/bin:$PATH" GH_LOG="$tmp/gh.log" GH_EXISTING="$tmp/existing" \
	GITHUB_REPOSITORY=o/r MICAC_PR=7 "$root/ci/action-comment.sh" "$tmp/comment.md"
has "action-comment: updates its own comment" "$tmp/gh.log" '^api -X PATCH repos/o/r/issues/comments/4242 '
cd "$root" || exit 2

# ---- pre-commit hooks, by pre-commit ----
if ! command -v pre-commit >/dev/null; then
	t_fail "pre-commit is not installed (tests/install_deps.sh installs it)"
	t_done ci-scripts
	exit $?
fi
hooks=$tmp/hooks
git -C "$hooks" init -q 2>/dev/null || { mkdir -p "$hooks" && git -C "$hooks" init -q; }
cp .pre-commit-hooks.yaml "$hooks/"
git -C "$hooks" -c user.name=ci -c user.email=ci@example.invalid add -A
git -C "$hooks" -c user.name=ci -c user.email=ci@example.invalid commit -qm hooks
cd "$repo" || exit 2
git checkout -q main
export PRE_COMMIT_HOME=$tmp/pre-commit PATH="$(dirname "$micac"):$PATH"
for hook in micac-check micac-fmt; do
	expect 0 "pre-commit $hook on the examples" pre-commit try-repo "$hooks" "$hook" --all-files
	has "pre-commit $hook ran" "$tmp/out" "^micac (check|fmt --check)\.+Passed"
done
cp "$root/examples/policies/bad/clean_room_leaky.mica" policies/leaky.mica
expect 1 "pre-commit micac-check on a bad example" pre-commit try-repo "$hooks" micac-check --files policies/leaky.mica
has "pre-commit micac-check shows the error" "$tmp/out" 'error\[E0401\]'
sed 's/^    trust /      trust /' "$root/examples/policies/clean_room.mica" >policies/clean_room.mica
expect 1 "pre-commit micac-fmt on a badly laid out policy" pre-commit try-repo "$hooks" micac-fmt --files policies/clean_room.mica
has "pre-commit micac-fmt names the file" "$tmp/out" '^policies/clean_room\.mica$'
cd "$root" || exit 2
t_done ci-scripts
