#!/bin/sh
# tests/install_deps.sh - installs, non-interactively, every Debian package
# that building micac and running its whole test suite needs.
set -e
export DEBIAN_FRONTEND=noninteractive
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# arm64 multiarch: backend/rmm_blob's CMocka tests are also built for
# aarch64 and run under qemu-user, which needs the arm64 libcmocka.
$SUDO dpkg --add-architecture arm64
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
	libcmocka-dev:arm64 \
	make gcc libc6-dev flex bison pkg-config \
	libyaml-dev libmbedtls-dev libcmocka-dev libjansson-dev \
	valgrind clang \
	gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user \
	graphviz python3 python3-jsonschema xxd \
	vim python3-yaml bash-completion zsh \
	build-essential debhelper dpkg-dev lintian \
	libxml2-utils pre-commit git \
	neovim libcbor-dev python3-cbor2 >/dev/null
# SARIF validator for tests/check_formats.sh: Microsoft's SARIF Multitool,
# whose `validate` applies the SARIF 2.1.0 schema and GitHub code
# scanning's ingestion rules (the npm package ships a self-contained Linux
# binary and the schema). Installed once into a cache, not the repository.
SARIF_TOOLS=${MICAC_SARIF_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/micac/sarif}
if [ ! -x "$SARIF_TOOLS/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
	command -v npm >/dev/null ||
		$SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
	mkdir -p "$SARIF_TOOLS"
	if npm install --prefix "$SARIF_TOOLS" --no-audit --no-fund --silent \
		@microsoft/sarif-multitool-linux@5.7.0; then
		chmod u+x "$SARIF_TOOLS/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	else
		echo "install_deps: could not install the SARIF Multitool;" \
			"tests/check_formats.sh will skip the SARIF validation" >&2
	fi
fi
# VS Code extension tools for tests/editors/check_vscode.sh: vsce (packs the
# .vsix) and vscode-tmgrammar-test (runs the grammar's scope assertions),
# at the versions of editors/vscode/package-lock.json, with the extension's
# own dependency (vscode-languageclient) that goes into the .vsix. Installed
# into a cache, not the repository; the tests then run offline.
NODE_TOOLS=${MICAC_NODE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/micac/vscode}
VSCODE_EXT=$(dirname "$0")/../editors/vscode
if ! cmp -s "$VSCODE_EXT/package-lock.json" "$NODE_TOOLS/package-lock.json"; then
	command -v npm >/dev/null ||
		$SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
	mkdir -p "$NODE_TOOLS"
	cp "$VSCODE_EXT/package.json" "$VSCODE_EXT/package-lock.json" "$NODE_TOOLS/"
	if ! (cd "$NODE_TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --silent); then
		rm -f "$NODE_TOOLS/package-lock.json"
		echo "install_deps: could not install the VS Code extension tools;" \
			"tests/editors/check_vscode.sh will not build the .vsix" >&2
	fi
fi
