#!/bin/bash
# tests/fresh_machine.sh [WORKDIR] - the README's promise, checked where it
# is made: on a fresh Debian 12 machine its commands install everything,
# build, and pass `make ci`. Needs root and debootstrap; downloads some
# hundreds of packages and takes about a quarter of an hour, so it is not
# part of `make ci`. Run it before resolving any change to the dependencies.
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
# WORKDIR (default: a new directory under /var/tmp) must be new or empty;
# it holds the root and the logs (fresh-*.log). The root is removed at the
# end unless KEEP=1. Only proc, a read-only sysfs and a devpts instance of
# the root's own are mounted in it, and unmounted on any exit: the host's
# /dev is not, so nothing run as root in there can touch the host's devices
# (the root has the device nodes debootstrap creates).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/tests/lib.sh"

mounted=()
root=

cleanup() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount "${mounted[i]}" || umount -l "${mounted[i]}"
	done
	[ -n "$root" ] && [ -d "$root" ] && [ "${KEEP:-0}" != 1 ] || return 0
	if grep -q " $root/" /proc/mounts; then
		echo "fresh_machine: $root still has mounts; not removed" >&2
	else
		rm -rf --one-file-system "$root"
	fi
}

mnt() {	# TYPE TARGET [OPTIONS]
	mount -t "$1" ${3:+-o "$3"} "$1" "$2" || exit 2
	mounted+=("$2")
}

elapsed() { echo $(($(date +%s) - $1)); }

# Fenced code block N of the clone's README, its command lines only.
readme_block() {
	awk -v n="$1" '/^```/ { b++; next } b == 2 * n - 1 && !/^#/ && NF' "$root$clone/README.md"
}

in_root() {	# DIR COMMAND: COMMAND run by sh in the root, in DIR
	chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		/bin/sh -c "cd $1 && $2"
}

run() {	# DIR COMMAND: one step, its log, its time and summaries
	local start s log
	n=$((n + 1))
	log=$work/fresh-$n.log
	echo "fresh_machine: \$ $2   (log: $log)"
	start=$(date +%s)
	in_root "$1" "$2" >"$log" 2>&1 </dev/null
	s=$?
	echo "fresh_machine: exit $s after $(elapsed "$start") s"
	grep -E '^(== make ci|SANITIZE=[01]: |check: |sha512:|SKIP)' "$log" | sed 's/^/  /'
	if [ $s -ne 0 ]; then
		rc=1
		grep -E '^FAIL|\*\*\* |error:|cannot find' "$log" | awk '!seen[$0]++' |
			head -20 | sed 's/^/  ! /'
	fi
}

# All in a function, read whole before it runs: editing this file during a
# run cannot change what the run does.
main() {
	[ "$(id -u)" -eq 0 ] || { echo "fresh_machine: run as root (chroot, mounts)" >&2; exit 2; }
	command -v debootstrap >/dev/null ||
		{ echo "fresh_machine: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
	work=${1:-$(mktemp -d /var/tmp/micac-fresh.XXXXXX)}
	if [ -e "$work" ] && [ -n "$(ls -A "$work")" ]; then
		echo "fresh_machine: $work is not empty; give a new or empty directory" >&2
		exit 2
	fi
	mkdir -p "$work" && work=$(cd "$work" && pwd) || exit 2
	mirror=${MIRROR:-$(apt_bookworm_uri)}
	[ -n "$mirror" ] || { echo "fresh_machine: no bookworm main source in /etc/apt; set MIRROR" >&2; exit 2; }
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	root=$work/root
	clone=/usr/src/micac	# where the clone goes inside the root

	t0=$(date +%s)
	echo "fresh_machine: debootstrap --variant=minbase bookworm $root (log: $work/fresh-debootstrap.log)"
	if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/fresh-debootstrap.log" 2>&1; then
		tail -20 "$work/fresh-debootstrap.log" >&2
		exit 1
	fi
	echo "fresh_machine: root built in $(elapsed "$t0") s"

	# What a host's TLS needs: the CA bundle now, and the local CAs so that
	# the root's own update-ca-certificates keeps them once ca-certificates
	# is in.
	mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
	cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/" &&
		cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" &&
		cp -L /etc/resolv.conf "$root/etc/resolv.conf" || exit 2
	mnt proc "$root/proc"
	mnt sysfs "$root/sys" ro
	# Every Debian machine has pseudo-terminals (the zsh completion test
	# drives zsh in one). A devpts instance of the root's own: its ptys
	# are not the host's.
	mkdir -p "$root/dev/pts"
	mnt devpts "$root/dev/pts" newinstance,ptmxmode=0666,mode=0620
	rm -f "$root/dev/ptmx"
	ln -s pts/ptmx "$root/dev/ptmx"

	# The committed HEAD, as a user's clone would have it.
	git clone -q --no-hardlinks "$here" "$root$clone" || exit 2
	echo "fresh_machine: cloned $(git -C "$here" rev-parse --short HEAD) into $clone"

	rc=0 n=0
	while IFS= read -r cmd; do run / "$cmd"; done < <(readme_block 1)
	while IFS= read -r cmd; do run "$clone" "$cmd"; done < <(readme_block 2)

	untracked=$(git -C "$root$clone" status --porcelain)
	if [ -n "$untracked" ]; then
		echo "fresh_machine: the commands left files git does not know about:"
		printf '%s\n' "$untracked" | sed 's/^/  /'
		rc=1
	fi
	echo "fresh_machine: $([ $rc -eq 0 ] && echo PASS || echo FAIL) in $(elapsed "$t0") s"
	exit $rc
}
main "$@"
