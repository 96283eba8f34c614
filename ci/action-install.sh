#!/bin/bash
# ci/action-install.sh SRC - the GitHub Action's install step: builds micac
# from the micac sources in SRC (the action's own checkout) with Debian's
# packages, and puts it on the PATH of the job's later steps.
#
# The packages are those tests/install_deps.sh names for the build; apt-get
# runs only when one is missing, so a runner (or a test) that has them all
# needs no network. Prints the path of micac.
set -euo pipefail
src=${1:?usage: action-install.sh MICAC_SOURCE_DIR}
pkgs=(make gcc libc6-dev flex bison pkg-config libyaml-dev libmbedtls-dev
	libcbor-dev libjansson-dev)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
fi
build=${MICAC_BUILD_DIR:-build}
make -C "$src" -j"$(nproc)" BUILD="$build" >&2
micac=$(cd "$src" && realpath "$build/micac")
"$micac" --version >&2
[ -n "${GITHUB_PATH:-}" ] && dirname "$micac" >>"$GITHUB_PATH"
echo "$micac"
