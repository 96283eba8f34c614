#!/bin/bash
# tests/editors/check_completions.sh MICAC - the shell completions in
# completions/ against micac's own --help, so that they cannot fall behind:
#
#  - bash, for real (bash-completion's _init_completion, the completion
#    function called as readline would): `micac <TAB>` offers every command
#    of `micac --help`; `micac CMD -<TAB>` every option of `micac CMD
#    --help`; --format, --lang and --color their words; flows --from the
#    policy's realms and host; a policy argument the example files;
#  - zsh, for real too: an interactive zsh in a pseudo-terminal (zsh/zpty,
#    tests/editors/zsh_complete.zsh) with compinit and completions/ on
#    fpath is sent "micac ...<TAB>", and must offer the same.
. "$(dirname "$0")/../lib.sh"
micac=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 2
bash_completion=${BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}

commands=$("$micac" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]\+\) .*/\1/p')
options() {	# CMD: the options its --help lists (-x, --long), in its option column
	"$micac" "$1" --help | python3 -c 'import re, sys
text = sys.stdin.read()
block = re.search(r"^[Oo]ptions:\n(.*?)(?:\n\n|\Z)", text, re.S | re.M).group(1)
for line in block.splitlines():
    m = re.match(r"^ {1,8}(?:(-[A-Za-z]), +)?(--?[A-Za-z][A-Za-z-]*)", line)
    if m:
        print(" ".join(o for o in m.groups() if o))' | tr '\n' ' '
}
[ "$(echo "$commands" | wc -w)" -ge 9 ] && t_pass || t_fail "completions: commands not found in micac --help"

# complete_bash WORDS...: what bash offers for the last word (sorted).
complete_bash() {
	bash --norc --noprofile -c '
		. "$1"; . completions/micac.bash; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_micac micac "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort -u' _ "$bash_completion" "$@"
}
# complete_zsh WORDS...: what zsh offers after "WORDS<TAB>" (sorted).
complete_zsh() {
	local IFS=' '
	timeout 30 zsh -f tests/editors/zsh_complete.zsh completions "$*" </dev/null
}
# expect SHELL WANT WORDS...: SHELL offers every word of WANT for the last
# of WORDS (and, with EXACT=1, nothing else).
expect() {
	local sh=$1 want=$2; shift 2
	local got missing=
	got=$(complete_$sh "$@")
	for w in $want; do
		grep -qxF -- "$w" <<<"$got" || missing+=" $w"
	done
	if [ -n "$missing" ]; then
		t_fail "$sh: '$*<TAB>' does not offer$missing (offers: $(echo $got))"
	elif [ "${EXACT:-0}" = 1 ] && [ "$(echo $got)" != "$(echo $(printf '%s\n' $want | sort -u))" ]; then
		t_fail "$sh: '$*<TAB>' offers $(echo $got), expected $want"
	else
		t_pass
	fi
}

# The same questions to both shells.
realms="host camera detector model_vault aggregator uploader"
for sh in bash zsh; do
	if [ $sh = bash ] && [ ! -r "$bash_completion" ]; then
		t_fail "bash: $bash_completion not found (apt-get install bash-completion)"
		continue
	fi
	if [ $sh = zsh ] && ! command -v zsh >/dev/null; then
		t_fail "zsh: not installed (tests/install_deps.sh installs it)"
		continue
	fi
	if [ $sh = zsh ]; then
		timeout 30 zsh -f tests/editors/zsh_complete.zsh completions micac >/dev/null 2>&1
		if [ $? -eq 3 ]; then
			t_fail "zsh: cannot open a pseudo-terminal (zsh/zpty), so no zsh case ran: is devpts mounted on /dev/pts?"
			continue
		fi
		zsh_ran=1
	fi
	expect $sh "$commands" micac ''
	for c in $commands; do
		EXACT=1 expect $sh "$(options "$c")" micac "$c" -
	done
	EXACT=1 expect $sh "text json sarif github junit gitlab" micac check --format ''
	EXACT=1 expect $sh "hex base64 json qemu kvmtool tagged coco-initdata" micac hash x.mica --format ''
	EXACT=1 expect $sh "mica yaml blob" micac dump --lang ''
	EXACT=1 expect $sh "auto always never" micac check --color ''
	EXACT=1 expect $sh "$realms" micac flows examples/policies/video_analytics.mica --from ''
	EXACT=1 expect $sh "$realms" micac flows examples/policies/video_analytics.yaml --to ''
done
expect bash "examples/policies/video_analytics.mica examples/policies/video_analytics.yaml" \
	micac check examples/policies/video
if [ "${zsh_ran:-0}" = 1 ]; then
	expect zsh "video_analytics.mica video_analytics.yaml" micac check examples/policies/video
fi
if command -v zsh >/dev/null && zsh -n completions/_micac; then t_pass; else t_fail "zsh: completions/_micac does not parse"; fi
t_done completions
