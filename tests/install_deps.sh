#!/bin/sh
# tests/install_deps.sh - installs, non-interactively, every Debian package
# that building micac and running its whole test suite needs.
set -e
export DEBIAN_FRONTEND=noninteractive
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
	make gcc libc6-dev flex bison pkg-config \
	libyaml-dev libmbedtls-dev libcmocka-dev \
	valgrind clang \
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user \
	graphviz python3 python3-jsonschema >/dev/null
