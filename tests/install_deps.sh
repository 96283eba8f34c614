#!/bin/sh
# tests/install_deps.sh - installs, non-interactively, every Debian package
# that building micac and running its whole test suite (`make ci`) needs,
# then Microsoft's SARIF Multitool into a cache outside the repository.
#
# Every package is named here, one a line with why: apt-get runs with
# --no-install-recommends, so nothing may come in only as a Recommends.
# Adding a dependency is adding one line to PACKAGES: NAME, NAME:ARCH for
# another architecture, NAME/RELEASE for a package from another release
# such as bookworm-backports (the release is added to the apt sources,
# from the machine's own bookworm mirror, if it is not there). Proof that
# the list is complete: tests/fresh_machine.sh runs the README's commands
# in a minimal Debian root.
set -e
. "$(dirname "$0")/lib.sh"

PACKAGES='
make gcc libc6-dev      # the build
flex bison              # the grammar (grammar/*.l, *.y)
pkg-config
libyaml-dev             # YAML policies and scenarios
libmbedtls-dev          # SHA-2 and base64 for digests, ECDSA for micac verify (mbedTLS 2.28)
libcbor-dev             # micac verify reads CCA attestation tokens (CBOR)
libjansson-dev          # micac lsp: the protocol is JSON
libcmocka-dev           # unit tests
libcmocka-dev:arm64     # backend/rmm_blob tests built for aarch64
gcc-aarch64-linux-gnu libc6-dev-arm64-cross  # the RMM library as TF-RMM builds it
binutils-aarch64-linux-gnu  # objcopy for the bare-metal images of the emulated machine (qemu-e2e-build)
qemu-user               # runs the aarch64 tests
valgrind                # micac and the backend tests under valgrind
clang                   # libFuzzer targets (fuzz/)
libclang-rt-dev         # libFuzzer and the sanitizer runtimes clang links (only a Recommends of clang)
graphviz                # micac graph --format svg|png
python3 python3-jsonschema  # golden doc examples; JSON and SARIF schema checks
xxd                     # hex goldens of blobs
groff-base              # tests/run_docs.sh renders docs/micac.1 with groff
curl ca-certificates    # the SARIF Multitool download below
python3-cbor2           # tests/comid: encodes the CoRIM of endorse to CBOR to check it round-trips
libxml2-utils           # xmllint validates check --format junit against a JUnit schema
pre-commit git          # the pre-commit hooks of the repository, run by pre-commit itself
neovim                  # its built-in LSP client, headless, runs against micac lsp
vim python3-yaml        # the Vim syntax tests; YAML policies read by the schema test
bash-completion zsh     # the completion tests
build-essential debhelper dpkg-dev lintian  # make deb: build and lint the packages
'

export DEBIAN_FRONTEND=noninteractive
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
APT="$SUDO apt-get -o DPkg::Lock::Timeout=600"
packages=$(printf '%s\n' "$PACKAGES" | sed 's/#.*//' | tr -s ' \t' '\n\n')
# arm64 multiarch for libcmocka-dev:arm64.
$SUDO dpkg --add-architecture arm64
# A NAME/RELEASE package (bookworm-backports, say) needs its suite: it is
# added to the Suites line of the machine's own deb822 sources that already
# carry bookworm, so no mirror is named here.
for rel in $(printf '%s\n' "$packages" | sed -n 's|^[^/]*/||p' | sort -u); do
	grep -qsE "^Suites:.*[[:space:]]$rel([[:space:]]|\$)" /etc/apt/sources.list.d/*.sources && continue
	grep -qsE "^Suites:.*[[:space:]]bookworm([[:space:]]|\$)" /etc/apt/sources.list.d/*.sources ||
		{ echo "install_deps: no deb822 bookworm source in /etc/apt/sources.list.d to add $rel to" >&2; exit 1; }
	$SUDO sed -i -E "/^Suites:.*[[:space:]]bookworm([[:space:]]|\$)/ s/\$/ $rel/" /etc/apt/sources.list.d/*.sources
done
$APT update -qq
# shellcheck disable=SC2086  # one word per package, by design
$APT install -y -qq --no-install-recommends $packages >/dev/null

# SARIF validator for tests/check_formats.sh: Microsoft's SARIF Multitool,
# whose `validate` applies the SARIF 2.1.0 schema and GitHub code scanning's
# ingestion rules. Its npm package is a self-contained Linux binary and the
# schema, so the one tarball is fetched and checked against the registry's
# published integrity (npm view @microsoft/sarif-multitool-linux@VERSION
# dist.integrity, base64 of this SHA-512); neither node nor npm is needed.
SARIF_SHA512=37151ba6ae884825a84d0fcd7ce604c040caab51de91afeb3282794792ccc9d7006505ff5fb8399961dc8310ee6fed0cd3b2c2f7ab59e4b647bc5d50cb78234c
NPM_REGISTRY=${MICAC_NPM_REGISTRY:-https://registry.npmjs.org}
sarif_url=$NPM_REGISTRY/@microsoft/sarif-multitool-linux/-/sarif-multitool-linux-$SARIF_MULTITOOL_VERSION.tgz

# Prints the step that failed; details go to the log ($2).
fetch_multitool() {
	dir=$1 log=$2
	new=$dir.new
	rm -rf "$new" && mkdir -p "$new" || { echo "create $new"; return 1; }
	curl -fsSL --retry 3 -o "$new/package.tgz" "$sarif_url" 2>>"$log" ||
		{ echo "download $sarif_url"; return 1; }
	echo "$SARIF_SHA512  $new/package.tgz" | sha512sum -c - >>"$log" 2>&1 ||
		{ echo "checksum of $sarif_url (not the pinned SHA-512)"; return 1; }
	tar -xzf "$new/package.tgz" -C "$new" --strip-components=1 2>>"$log" ||
		{ echo "unpack $new/package.tgz"; return 1; }
	rm -f "$new/package.tgz"
	chmod u+x "$new/Sarif.Multitool" && rm -rf "$dir" && mv "$new" "$dir" ||
		{ echo "install into $dir"; return 1; }
}

if [ ! -x "$SARIF_MULTITOOL_DIR/Sarif.Multitool" ]; then
	mkdir -p "$(dirname "$SARIF_MULTITOOL_DIR")"
	log=$SARIF_MULTITOOL_DIR.log
	: >"$log"
	if step=$(fetch_multitool "$SARIF_MULTITOOL_DIR" "$log"); then
		rm -f "$log"
	else
		rm -rf "$SARIF_MULTITOOL_DIR.new"
		echo "install_deps: could not install the SARIF Multitool" \
			"$SARIF_MULTITOOL_VERSION: $step failed (log: $log);" \
			"tests/check_formats.sh will skip the SARIF validation" >&2
		sed 's/^/  /' "$log" >&2
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
	# Debian's nodejs and npm, unless a node with npm is there already (a
	# machine with another nodejs package, whose npm Debian's conflicts with).
	command -v npm >/dev/null ||
		$APT install -y -qq --no-install-recommends nodejs npm >/dev/null
	mkdir -p "$NODE_TOOLS"
	cp "$VSCODE_EXT/package.json" "$VSCODE_EXT/package-lock.json" "$NODE_TOOLS/"
	log=$NODE_TOOLS.log
	if (cd "$NODE_TOOLS" && npm ci --ignore-scripts --no-audit --no-fund) >"$log" 2>&1; then
		rm -f "$log"
	else
		rm -f "$NODE_TOOLS/package-lock.json"
		echo "install_deps: could not install the VS Code extension tools" \
			"(npm ci failed; log: $log);" \
			"tests/editors/check_vscode.sh will not build the .vsix" >&2
		tail -n 20 "$log" | sed 's/^/  /' >&2
	fi
fi
