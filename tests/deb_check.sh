#!/bin/bash
# tests/deb_check.sh OUTDIR - the Debian packages, end to end (`make deb`):
#
#  1. dpkg-buildpackage -us -uc -b on a copy of the tree in OUTDIR (the
#     tree itself is left as it is), which builds micac with the project's
#     Makefile, runs the golden tests and installs with `make install`;
#  2. the packages hold what they promise (binary, manual, completions, Vim
#     files, schema; headers, sources, pkg-config file);
#  3. lintian: no error (its warnings are printed, and kept in
#     OUTDIR/lintian.log);
#  4. apt-get install ./micac_*.deb ./libmica-rmm-blob-dev_*.deb, then the
#     installed /usr/bin/micac passes the examples and golden checks, man
#     finds its page, bash completes with it, Vim highlights with the addon,
#     and a program built from the -dev package's sources with pkg-config
#     validates a blob that /usr/bin/micac compiled;
#  5. both packages are purged again.
#
# Needs root (or sudo) for steps 4 and 5, and debhelper, dpkg-dev and
# lintian (tests/install_deps.sh).
. "$(dirname "$0")/lib.sh"
out=$(realpath -m "${1:-build/deb}")
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=
for tool in dpkg-buildpackage dh lintian apt-get; do
	command -v $tool >/dev/null || missing+=" $tool"
done
if [ -n "$missing" ]; then
	t_fail "deb: not installed:$missing (tests/install_deps.sh installs them)"
	t_done deb
	exit $?
fi
version=$(dpkg-parsechangelog -l debian/changelog -S Version)
arch=$(dpkg --print-architecture)

# 1. Build, from a copy of the files git knows (committed or not, not
# ignored), so build output never lands in the tree or beside it.
rm -rf "$out"
src=$out/micac-$version
mkdir -p "$src"
if ! (set -o pipefail
	if git rev-parse --git-dir >/dev/null 2>&1; then
		git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -C "$src" -xf -
	else
		tar --exclude='./build*' --exclude=./.git -cf - . | tar -C "$src" -xf -
	fi); then
	t_fail "deb: could not copy the tree to $src"
	t_done deb
	exit $?
fi
start=$(date +%s)
if (cd "$src" && DEB_BUILD_OPTIONS="parallel=2 ${DEB_BUILD_OPTIONS:-}" \
	dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1; then
	t_pass
	echo "deb: built in $(($(date +%s) - start)) s"
else
	t_fail "deb: dpkg-buildpackage failed (log: $out/build.log)"
	tail -30 "$out/build.log" >&2
	t_done deb
	exit $?
fi
deb_micac=$out/micac_${version}_$arch.deb
deb_dev=$out/libmica-rmm-blob-dev_${version}_all.deb

# 2. Contents.
contents() {	# DEB PATH...: every PATH is in DEB
	local deb=$1 list p missing=; shift
	list=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\.||')
	for p in "$@"; do grep -qxF "$p" <<<"$list" || missing+=" $p"; done
	if [ -z "$missing" ]; then t_pass; else t_fail "deb: $(basename "$deb") lacks$missing"; fi
}
contents "$deb_micac" /usr/bin/micac /usr/share/man/man1/micac.1.gz \
	/usr/share/bash-completion/completions/micac /usr/share/zsh/vendor-completions/_micac \
	/usr/share/vim/addons/syntax/mica.vim /usr/share/vim/addons/ftdetect/mica.vim \
	/usr/share/vim/addons/ftplugin/mica.vim /usr/share/vim/addons/compiler/micac.vim \
	/usr/share/vim/registry/micac.yaml /usr/share/micac/mica-policy.schema.json \
	/usr/share/doc/micac/copyright /usr/share/doc/micac/examples/video_analytics.mica
contents "$deb_dev" /usr/include/mica-rmm-blob/mica_policy.h /usr/include/mica-rmm-blob/mica_blob.h \
	/usr/src/mica-rmm-blob/validate_header.c /usr/src/mica-rmm-blob/mica_validate.h \
	/usr/share/pkgconfig/mica-rmm-blob.pc /usr/share/doc/libmica-rmm-blob-dev/copyright

# 3. lintian: errors fail, warnings are reported.
lintian --info --display-info "$out"/micac_"${version}"_"$arch".changes >"$out/lintian.log" 2>&1
lintian_rc=$?
errors=$(grep -c '^E: ' "$out/lintian.log")
warnings=$(grep -c '^W: ' "$out/lintian.log")
echo "deb: lintian: $errors errors, $warnings warnings, $(grep -c '^[IP]: ' "$out/lintian.log") notes"
grep '^[EW]: ' "$out/lintian.log" >&2
if [ "$errors" -eq 0 ] && [ "$lintian_rc" -eq 0 ]; then t_pass; else t_fail "deb: lintian (exit $lintian_rc, $errors errors)"; fi

# 4. Install, and run what was installed.
if ! $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq "$deb_micac" "$deb_dev" >"$out/install.log" 2>&1; then
	t_fail "deb: apt-get install failed (log: $out/install.log)"
	tail -10 "$out/install.log" >&2
	t_done deb
	exit $?
fi
t_pass
tmp=$(mktemp -d)
# 5. Purged again however this ends.
trap 'rm -rf "$tmp"; $SUDO apt-get -o DPkg::Lock::Timeout=900 purge -y -qq micac libmica-rmm-blob-dev >/dev/null 2>&1' EXIT

if [ "$(command -v micac)" = /usr/bin/micac ] && [ "$(/usr/bin/micac --version)" = "micac ${version%-*} (blob format 1)" ]; then
	t_pass
else
	t_fail "deb: micac on PATH is $(command -v micac), version '$(/usr/bin/micac --version)'"
fi
# The suites' own closing lines are printed; their results are not added to
# the build's (MICAC_RESULTS is unset), this step counts them once each.
for suite in run_examples run_golden; do
	if MICAC_RESULTS= tests/$suite.sh /usr/bin/micac >"$tmp/$suite" 2>&1; then
		t_pass
	else
		t_fail "deb: tests/$suite.sh with /usr/bin/micac"
		tail -20 "$tmp/$suite" >&2
	fi
	echo "deb: /usr/bin/micac: $(tail -1 "$tmp/$suite")"
done
if man -w micac 2>/dev/null | grep -qx /usr/share/man/man1/micac.1.gz; then t_pass; else t_fail "deb: man -w micac"; fi
if bash --norc -c '. /usr/share/bash-completion/bash_completion; _completion_loader micac; complete -p micac' 2>/dev/null |
	grep -q -- '-F _micac micac$'; then
	t_pass
else
	t_fail "deb: bash does not load the micac completion"
fi
if command -v vim >/dev/null; then
	vim -u NONE -i NONE -N -es --cmd 'set rtp^=/usr/share/vim/addons | filetype plugin on | syntax on' \
		-c "call writefile([&filetype, synIDattr(synID(search('^realm'), 1, 1), 'name')], '$tmp/vim')" \
		-c 'qall!' examples/policies/clean_room.mica </dev/null >/dev/null 2>&1
	if [ "$(cat "$tmp/vim" 2>/dev/null | tr '\n' ' ')" = "mica micaDeclaration " ]; then
		t_pass
	else
		t_fail "deb: Vim with /usr/share/vim/addons: '$(cat "$tmp/vim" 2>/dev/null | tr '\n' ' ')'"
	fi
fi

# The -dev package: its sources, built with its pkg-config flags, accept a
# blob from /usr/bin/micac and find a realm in it, and refuse a truncated one.
cat >"$tmp/use.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <mica_policy.h>

static unsigned char blob[1 << 16] __attribute__((aligned(8)));

int main(int argc, char **argv)
{
	struct mica_policy pol;
	struct mica_blob_error err;
	uint32_t role;
	FILE *f = fopen(argv[1], "rb");
	size_t n = f ? fread(blob, 1, sizeof(blob), f) : 0;

	if (argc > 2)
		n /= 2;
	if (mica_policy_init(&pol, blob, n, &err) != 0) {
		printf("refused\n");
		return 1;
	}
	if (mica_policy_find_realm(&pol, "camera", strlen("camera"), &role) != 0)
		return 2;
	printf("camera is realm %u\n", (unsigned)role);
	return 0;
}
C
if /usr/bin/micac examples/policies/video_analytics.mica -o "$tmp/v.pol" >/dev/null &&
	cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags mica-rmm-blob) -o "$tmp/use" "$tmp/use.c" \
		"$(pkg-config --variable=srcdir mica-rmm-blob)"/*.c &&
	[ "$("$tmp/use" "$tmp/v.pol")" = "camera is realm 1" ] &&
	[ "$("$tmp/use" "$tmp/v.pol" half)" = refused ]; then
	t_pass
else
	t_fail "deb: a program built from libmica-rmm-blob-dev with pkg-config"
fi
t_done deb
