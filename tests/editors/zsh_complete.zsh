# tests/editors/zsh_complete.zsh DIR LINE - what zsh's completion system,
# with the completion functions of DIR first on fpath, offers when TAB is
# pressed after LINE in an interactive zsh (run in a pseudo-terminal with
# zsh/zpty). Prints the matches, sorted, one per line. Used by
# tests/editors/check_completions.sh; run as `zsh -f`.
zmodload zsh/zpty
dir=$1 line=$2
# Exit 3 when no pseudo-terminal can be opened (a chroot without devpts,
# say), so that the caller reports that once instead of empty offers.
zpty z zsh -f -i || exit 3
zpty -w z "PS1=''; fpath=($dir \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' insert-tab false; zstyle ':completion:*' list-grouped false"
# Every compadd prints its matches; a hook after completion prints an end
# marker. The markers are written split ("<M""X>") so that the terminal's
# echo of these definitions does not contain them.
zpty -w z 'compadd() { builtin compadd -O __m "$@"; print -rl -- "<M""X>"${^__m}; builtin compadd "$@" }'
zpty -w z 'compprefuncs=(_t_pre); _t_pre() { comppostfuncs=(_t_post) }; _t_post() { print -r -- "<EN""D>" }'
zpty -w z "$line"$'\t'
out=
while zpty -r -t z chunk 2>/dev/null || { sleep 0.05; zpty -r z chunk; }; do
	out+=$chunk
	[[ $out == *'<END>'* ]] && break
done
zpty -d z
print -r -- "$out" | grep -ao $'<MX>[^<\r]*' | sed 's/^<MX>//' | sort -u
