#!/bin/bash
# tests/fresh_machine.sh [WORKDIR] - the README's promise, checked where it
# is made: on a fresh Debian 12 machine its commands install everything,
# build, and pass `make ci`. Needs root and debootstrap; downloads some
# hundreds of packages and takes minutes, so it is not part of `make ci`.
# Run it before resolving any change to the dependencies.
#
# It builds a minimal Debian root (debootstrap --variant=minbase bookworm,
# from the mirror this machine's own apt sources name, or $MIRROR), copies
# in this machine's CA certificates (so TLS to the registries works as on
# the host, proxies included) and its resolv.conf, clones the repository's
# committed HEAD into it, then runs in a chroot, verbatim and in order:
#  - the README's first code block (what a minimal system needs first),
#  - each command of its second block (the two commands), timed,
# and prints the test summaries. Fails when a command fails or leaves the
# clone with a file git does not know about.
#
# WORKDIR (default: a new directory under /var/tmp) holds the root, the
# logs (fresh-*.log) and nothing else; the root is removed at the end
# unless KEEP=1. Mounts (proc, sys, dev) are undone on any exit.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "fresh_machine: run as root (chroot, mounts)" >&2; exit 2; }
command -v debootstrap >/dev/null ||
	{ echo "fresh_machine: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
work=${1:-$(mktemp -d /var/tmp/micac-fresh.XXXXXX)}
# The root is removed at the end: never inside a directory already in use.
if [ -e "$work" ] && [ -n "$(ls -A "$work")" ]; then
	echo "fresh_machine: $work is not empty; give a new or empty directory" >&2
	exit 2
fi
mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd)
root=$work/root

# The first deb source for bookworm with main, in deb822 (*.sources) or
# one-line (*.list) form.
host_mirror() {
	awk 'BEGIN { RS = ""; FS = "\n" }
	     { t = u = s = c = ""
	       for (i = 1; i <= NF; i++) {
		       if ($i ~ /^Types:/) t = $i; if ($i ~ /^URIs:/) u = $i
		       if ($i ~ /^Suites:/) s = $i; if ($i ~ /^Components:/) c = $i }
	       if (t ~ /[ \t]deb([ \t]|$)/ && s ~ /[ \t]bookworm([ \t]|$)/ && c ~ /[ \t]main([ \t]|$)/) {
		       split(u, w, /[ \t]+/); print w[2]; exit } }' \
		/etc/apt/sources.list.d/*.sources 2>/dev/null | head -1
	sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) bookworm .*main.*/\2/p' \
		/etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
}
mirror=${MIRROR:-$(host_mirror | head -1)}
[ -n "$mirror" ] || { echo "fresh_machine: no bookworm main source in /etc/apt; set MIRROR" >&2; exit 2; }

mounted=()
cleanup() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount -R "${mounted[i]}" 2>/dev/null || umount -lR "${mounted[i]}"
	done
	if [ "${KEEP:-0}" != 1 ] && [ -d "$root" ]; then
		if grep -q " $root/" /proc/mounts; then
			echo "fresh_machine: $root still has mounts; not removed" >&2
		else
			rm -rf --one-file-system "$root"
		fi
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mnt() {	# TYPE-OR-BIND SOURCE TARGET
	mkdir -p "$3"
	if [ "$1" = bind ]; then mount --rbind "$2" "$3" && mount --make-rslave "$3"
	else mount -t "$1" "$2" "$3"; fi || exit 2
	mounted+=("$3")
}
elapsed() { echo $(($(date +%s) - $1)); }

t0=$(date +%s)
echo "fresh_machine: debootstrap --variant=minbase bookworm $root (log: $work/fresh-debootstrap.log)"
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/fresh-debootstrap.log" 2>&1; then
	tail -20 "$work/fresh-debootstrap.log" >&2
	exit 1
fi
echo "fresh_machine: root built in $(elapsed "$t0") s"

# What a host's TLS needs: the CA bundle now, and the local CAs so that the
# root's own update-ca-certificates keeps them once ca-certificates is in.
mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
mnt proc proc "$root/proc"
mnt sysfs sysfs "$root/sys"
mnt bind /dev "$root/dev"

# The committed HEAD, as a user's clone would have it.
git clone -q --no-hardlinks "$here" "$root/root/micac" || exit 2
echo "fresh_machine: cloned $(git -C "$here" rev-parse --short HEAD) into /root/micac"

# Fenced code block N of the README, its command lines only.
readme_block() {
	awk -v n="$1" '/^```/ { b++; next } b == 2 * n - 1 && !/^#/ && NF' "$here/README.md"
}
in_root() {	# DIR COMMAND: COMMAND run by sh in the root, in DIR
	chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		/bin/sh -c "cd $1 && $2"
}

rc=0
n=0
run() {	# DIR COMMAND
	local start s log
	n=$((n + 1))
	log=$work/fresh-$n.log
	echo "fresh_machine: \$ $2   (log: $log)"
	start=$(date +%s)
	in_root "$1" "$2" >"$log" 2>&1
	s=$?
	echo "fresh_machine: exit $s after $(elapsed "$start") s"
	grep -E '^(== make ci|SANITIZE=[01]: |check: |sha512:|SKIP)' "$log" | sed 's/^/  /'
	if [ $s -ne 0 ]; then
		rc=1
		grep -E '^FAIL|: \*\*\*|rror' "$log" | head -20 | sed 's/^/  ! /'
	fi
}

while IFS= read -r cmd; do run / "$cmd"; done < <(readme_block 1)
while IFS= read -r cmd; do run /root/micac "$cmd"; done < <(readme_block 2)

untracked=$(git -C "$root/root/micac" status --porcelain)
if [ -n "$untracked" ]; then
	echo "fresh_machine: the commands left files git does not know about:"
	printf '%s\n' "$untracked" | sed 's/^/  /'
	rc=1
fi
echo "fresh_machine: $([ $rc -eq 0 ] && echo PASS || echo FAIL) in $(elapsed "$t0") s"
exit $rc
