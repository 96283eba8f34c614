#!/bin/bash
# tests/editors/check_completions.sh MICAC - the shell completions in
# completions/ against micac's own --help, so that they cannot fall behind:
#
#  - bash, for real (bash-completion's _init_completion, the completion
#    function called as readline would): `micac <TAB>` offers every command
#    of `micac --help`; `micac CMD -<TAB>` every option of `micac CMD
#    --help`; --format, --lang and --color their words; flows --from the
#    policy's realms and host; a policy argument the example files;
#  - zsh: the file parses (zsh -n), and each command's arm names every
#    option of its --help.
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

# complete WORDS...: what bash offers for the last word (one per line, sorted).
complete_bash() {
	bash --norc --noprofile -c '
		. "$1"; . completions/micac.bash; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_micac micac "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort -u' _ "$bash_completion" "$@"
}
# expect_bash WANT WORDS...: the offers contain every word of WANT (and, with
# EXACT=1, nothing else).
expect_bash() {
	local want=$1; shift
	local got missing=
	got=$(complete_bash "$@")
	for w in $want; do
		grep -qxF -- "$w" <<<"$got" || missing+=" $w"
	done
	if [ -n "$missing" ]; then
		t_fail "bash: '$*<TAB>' does not offer$missing (offers: $(echo $got))"
	elif [ "${EXACT:-0}" = 1 ] && [ "$(echo $got)" != "$(echo $(printf '%s\n' $want | sort -u))" ]; then
		t_fail "bash: '$*<TAB>' offers $(echo $got), expected $want"
	else
		t_pass
	fi
}

if [ ! -r "$bash_completion" ]; then
	t_fail "bash: $bash_completion not found (apt-get install bash-completion)"
else
	expect_bash "$commands" micac ''
	for c in $commands; do
		EXACT=1 expect_bash "$(options "$c")" micac "$c" -
	done
	EXACT=1 expect_bash "text json sarif github" micac check --format ''
	EXACT=1 expect_bash "hex base64 json qemu kvmtool" micac hash x.mica --format ''
	EXACT=1 expect_bash "mica yaml blob" micac dump --lang ''
	EXACT=1 expect_bash "auto always never" micac check --color ''
	EXACT=1 expect_bash "host camera detector model_vault aggregator uploader" \
		micac flows examples/policies/video_analytics.mica --from ''
	EXACT=1 expect_bash "host camera detector model_vault aggregator uploader" \
		micac flows examples/policies/video_analytics.yaml --to ''
	expect_bash "examples/policies/video_analytics.mica examples/policies/video_analytics.yaml" \
		micac check examples/policies/video
fi

if ! command -v zsh >/dev/null; then
	t_fail "zsh: not installed (tests/install_deps.sh installs it)"
elif zsh -n completions/_micac; then
	t_pass
	for c in $commands; do
		# the arm of the command, with the option specs kept in variables spelled out
		arm=$(sed -n "/^        ($c)\$/,/;;\$/p" completions/_micac |
			sed 's/\$help/{-h,--help}/; s/\$werror/{-W,--werror}/; s/\$lang/--lang[/')
		missing=
		for o in $(options "$c"); do
			grep -qE -- "(^|[{'(), ])$o([][},' ]|\$)" <<<"$arm" || missing+=" $o"
		done
		if [ -n "$arm" ] && [ -z "$missing" ]; then t_pass; else t_fail "zsh: '$c' lacks${missing:- its arm}"; fi
	done
else
	t_fail "zsh: completions/_micac does not parse"
fi
t_done completions
