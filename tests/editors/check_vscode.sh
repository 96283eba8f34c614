#!/bin/bash
# tests/editors/check_vscode.sh [OUT.vsix] - the VS Code extension in
# editors/vscode, with the npm tools tests/install_deps.sh put in a cache
# outside the repository ($MICAC_NODE_TOOLS, default
# ~/.cache/micac/vscode; nothing is fetched here):
#
#  - its TextMate grammar against the scope assertions of
#    editors/vscode/test/*.test.mica (vscode-tmgrammar-test), whose source
#    lines must be real lines of the examples;
#  - the grammar and the Vim syntax name every Mica keyword of
#    docs/language.md;
#  - the .vsix (vsce package), which must hold the grammar, the language
#    configuration, the client, the YAML schema and the language client
#    library it loads, and no tests.
#
# Without the tools this fails under CI (CI=true) and is skipped loudly
# elsewhere.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 2
vsix=$(realpath -m "${1:-build/mica.vsix}")
ext=editors/vscode
tools=${MICAC_NODE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/micac/vscode}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Keywords: docs/language.md's list, in the grammar and the Vim syntax.
kw=$(sed -n '/^\*\*Keywords\*\*/,/^The words that are/p' docs/language.md | sed -n '/^```$/,/^```$/p' | grep -v '^```')
# the words of the grammar's \b(a|b|c)\b alternatives
python3 -c 'import json, re, sys
def walk(n):
    if isinstance(n, dict):
        for k, v in n.items():
            if k in ("match", "begin") and isinstance(v, str):
                for alt in re.findall(r"\\b\(([a-z_|0-9]+)\)", v):
                    print("\n".join(alt.split("|")))
            walk(v)
    elif isinstance(n, list):
        for v in n: walk(v)
walk(json.load(open(sys.argv[1])))' $ext/syntaxes/mica.tmLanguage.json >"$tmp/grammar_words"
missing=
for w in $kw; do
	grep -qx "$w" "$tmp/grammar_words" || missing+=" $w(grammar)"
	grep -Eq "^syn keyword mica(Declaration|Property) .*\\b$w\\b" editors/vim/syntax/mica.vim || missing+=" $w(vim)"
done
if [ -n "$kw" ] && [ -z "$missing" ]; then t_pass; else t_fail "keywords of docs/language.md missing:${missing:- all}"; fi

# The grammar tests' source lines are lines of the examples.
for t in $ext/test/*.test.mica; do
	bad=$(tail -n +2 "$t" | grep -Ev '^// *(\^|<-)' | while IFS= read -r line; do
		grep -rqFx -- "$line" examples/policies || echo "$line"
	done)
	if [ -z "$bad" ]; then t_pass; else t_fail "$t: lines not in examples/policies: $bad"; fi
done

need() {
	echo "$*" >&2
	if [ "${CI:-}" = true ]; then
		t_fail "vscode: $*"
	else
		echo "SKIP: the grammar tests and the .vsix were NOT run" >&2
	fi
	t_done vscode
	exit $?
}
nm=$tools/node_modules
[ -x "$nm/.bin/vsce" ] && [ -x "$nm/.bin/vscode-tmgrammar-test" ] ||
	need "vsce and vscode-tmgrammar-test are not installed in $tools; run tests/install_deps.sh"
cmp -s $ext/package-lock.json "$tools/package-lock.json" ||
	need "the npm tools in $tools are not those of $ext/package-lock.json; run tests/install_deps.sh"
export npm_config_offline=true npm_config_update_notifier=false

for t in $ext/test/*.test.mica; do
	if "$nm/.bin/vscode-tmgrammar-test" -c -g $ext/syntaxes/mica.tmLanguage.json "$t" >"$tmp/out" 2>&1; then
		t_pass
	else
		t_fail "grammar: $t"
		head -30 "$tmp/out" >&2
	fi
done

# The package: the extension's files, the schema, and the production
# dependencies (vscode-languageclient and what it needs) from the cache.
pkg=$tmp/pkg
mkdir -p "$pkg/schemas" "$pkg/node_modules" "$(dirname "$vsix")"
cp -r $ext/package.json $ext/package-lock.json $ext/README.md $ext/extension.js \
	$ext/language-configuration.json $ext/syntaxes $ext/.vscodeignore "$pkg/"
cp docs/mica-policy.schema.json "$pkg/schemas/"
(cd "$tools" && npm ls --omit=dev --parseable --all 2>/dev/null) | grep /node_modules/ |
	while read -r dir; do
		rel=${dir#"$nm"/}
		mkdir -p "$pkg/node_modules/$(dirname "$rel")"
		cp -r "$dir" "$pkg/node_modules/$rel"
	done
rm -f "$vsix"
if (cd "$pkg" && "$nm/.bin/vsce" package --allow-missing-repository --skip-license \
	-o "$vsix" </dev/null >"$tmp/vsce" 2>&1); then
	t_pass
else
	t_fail "vsix: vsce package failed"
	tail -20 "$tmp/vsce" >&2
fi
if [ -f "$vsix" ] && python3 - "$vsix" "$tmp/x" <<'PY'
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
need = ["extension/package.json", "extension/extension.js", "extension/language-configuration.json",
        "extension/syntaxes/mica.tmLanguage.json", "extension/schemas/mica-policy.schema.json",
        "extension/node_modules/vscode-languageclient/node.js", "extension.vsixmanifest"]
missing = [n for n in need if n not in names]
tests = [n for n in names if n.startswith("extension/test/")]
manifest = json.loads(z.read("extension/package.json"))
lang = manifest["contributes"]["languages"][0]
ok = not missing and not tests and lang["id"] == "mica" and lang["extensions"] == [".mica"]
for m in missing: print("missing:", m)
for t in tests[:3]: print("has a test file:", t)
z.extractall(sys.argv[2])
sys.exit(0 if ok else 1)
PY
then t_pass; else t_fail "vsix: contents"; fi
# The client loads its library from inside the package.
if [ -d "$tmp/x/extension" ] && node -e '
	const p = require("path").resolve(process.argv[1]);
	require.resolve("vscode-languageclient/node", { paths: [p] });
	new Function(require("fs").readFileSync(p + "/extension.js", "utf8"));' "$tmp/x/extension"; then
	t_pass
else
	t_fail "vsix: extension.js or its vscode-languageclient do not load"
fi
t_done vscode
