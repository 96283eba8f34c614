#!/bin/sh
# run_e2e.sh - the governed pipeline on an emulated Arm CCA machine
# (docs/rmm-integration.md, "An emulated CCA machine"); make qemu-e2e runs it.
#
#   run_e2e.sh -t TFA_SRC -r RMM_SRC -o OUT BL33.bin
#
# TFA_SRC: a TF-A checkout (v2.11 or later; seen at v2.15.0-619-g6a164dda7).
# RMM_SRC: a TF-RMM checkout of rmm-spec-v1.x-aligned with its submodules.
# Both are copied under OUT/run and never modified. Builds, one after the
# other (TF-RMM's configure rewrites ext/, so two configures of one tree
# race): the RMM with the integration in Release; in Debug, from a tree
# that also has qemu-debug.patch (TF-RMM's Debug build asserts PMUv3p7,
# which QEMU's max CPU lacks: see that file); and in Release with the hook
# lines left out (rmm_tree.sh -n). TF-A (release: its DEBUG=1 build asserts
# in arm_arch_svc) is built once, around the Release RMM and BL33.bin; the
# other two get its firmware with their rmm.img put into the FIP
# (fiptool update). Then boots each on qemu-system-aarch64 -cpu
# max,x-rme=on and checks its output:
#   release  every check passes ("e2e: N checks, N passed, 0 failed");
#   debug    every check passes too;
#   nohooks  every check whose policy answer is "refused" and that a hook
#            decides reads "allowed", every "allowed" one still "allowed".
# Logs: OUT/run/<variant>.log (normal world and TF-A on the first UART;
# the RMM's own log on the second, OUT/run/<variant>-rmm.log).
# Exit status: 0 when all three behave as above, 1 when not, 2 on usage.
set -u
here=$(cd "$(dirname "$0")" && pwd)
tfa= rmm= out=
while getopts t:r:o: o; do
	case $o in t) tfa=$OPTARG ;; r) rmm=$OPTARG ;; o) out=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ -n "$tfa" ] && [ -n "$rmm" ] && [ -n "$out" ] && [ $# -eq 1 ] ||
	{ echo "usage: run_e2e.sh -t TFA_SRC -r RMM_SRC -o OUT BL33.bin" >&2; exit 2; }
bl33=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -f "$tfa/Makefile" ] && [ -d "$tfa/plat/qemu" ] ||
	{ echo "run_e2e.sh: $tfa is not a TF-A checkout" >&2; exit 2; }
command -v qemu-system-aarch64 >/dev/null ||
	{ echo "run_e2e.sh: no qemu-system-aarch64 (docs/rmm-integration.md: QEMU 10 from bookworm-backports)" >&2; exit 2; }
mkdir -p "$out/run" && run=$(cd "$out/run" && pwd)
CROSS=${CROSS_COMPILE:-aarch64-linux-gnu-}
# TF-RMM's app packaging needs the system python3 (python3-pyelftools)
export PATH=/usr/bin:$PATH
JOBS=${JOBS:-2}
step() { printf '\n== %s\n' "$*"; }

rm -rf "$run/tf-rmm" "$run/tf-rmm-debug" "$run/tf-rmm-nohooks" "$run/tf-a"
step "TF-RMM trees (integration; the same for Debug on QEMU; without hook lines)"
"$here/rmm_tree.sh" "$rmm" "$run/tf-rmm" || exit 1
"$here/rmm_tree.sh" "$rmm" "$run/tf-rmm-debug" || exit 1
(cd "$run/tf-rmm-debug" && git apply --unidiff-zero "$here/qemu-debug.patch") || exit 1
"$here/rmm_tree.sh" -n "$rmm" "$run/tf-rmm-nohooks" || exit 1
cp -a "$tfa" "$run/tf-a" || exit 1

build_rmm() { # TREE TYPE
	step "TF-RMM $1 $2 (qemu_virt_defcfg)"
	CROSS_COMPILE=$CROSS cmake -DRMM_CONFIG=qemu_virt_defcfg \
		-DCMAKE_BUILD_TYPE="$2" -S "$run/$1" -B "$run/$1/build-$2" \
		>"$run/$1-$2-cmake.log" 2>&1 &&
	CROSS_COMPILE=$CROSS cmake --build "$run/$1/build-$2" -j"$JOBS" \
		>"$run/$1-$2-build.log" 2>&1 ||
		{ tail -20 "$run/$1-$2-build.log"; return 1; }
}
build_tfa() { # VARIANT RMM_IMG
	step "TF-A with $1's rmm.img"
	make -C "$run/tf-a" CROSS_COMPILE=$CROSS PLAT=qemu ENABLE_RME=1 \
		RMM_V1_COMPAT=1 QEMU_USE_GIC_DRIVER=QEMU_GICV3 RMM="$2" \
		BL33="$bl33" BUILD_BASE="$run/tfa-$1" -j"$JOBS" all fip \
		>"$run/tfa-$1.log" 2>&1 || { tail -20 "$run/tfa-$1.log"; return 1; }
}
# The release firmware with another rmm.img: the FIP's RMM entry replaced,
# qemu_fw.bios laid out as TF-A's plat/qemu/qemu/platform.mk does (BL1,
# then the FIP at 256 KiB). No TF-A rebuild.
repack_tfa() { # VARIANT RMM_IMG
	step "TF-A firmware with $1's rmm.img (fiptool update)"
	src=$run/tfa-release/qemu/release dst=$run/tfa-$1/qemu/release
	fiptool=$(find "$run/tfa-release" "$run/tf-a/tools/fiptool" -name fiptool \
		-type f -perm -u+x 2>/dev/null | head -1)
	[ -n "$fiptool" ] || { echo "no fiptool in the TF-A build"; return 1; }
	mkdir -p "$dst" && cp "$src/fip.bin" "$dst/fip.bin" &&
	"$fiptool" update --rmm-fw "$2" "$dst/fip.bin" >"$run/tfa-$1.log" 2>&1 &&
	cp "$src/bl1.bin" "$dst/qemu_fw.bios" &&
	dd if="$dst/fip.bin" of="$dst/qemu_fw.bios" bs=64k seek=4 status=none ||
		{ tail -5 "$run/tfa-$1.log"; return 1; }
	"$fiptool" info "$dst/fip.bin" | grep -i 'rmm'
}
boot() { # VARIANT
	step "boot $1: qemu-system-aarch64 -cpu max,x-rme=on"
	qemu-system-aarch64 \
		-M virt,secure=on,virtualization=on,gic-version=3 \
		-cpu max,x-rme=on,sme=off,pauth-impdef=on -m 2G -smp 2 \
		-bios "$run/tfa-$1/qemu/release/qemu_fw.bios" -nographic \
		-serial stdio -serial "file:$run/$1-rmm.log" -monitor none \
		</dev/null >"$run/$1.log" 2>&1 &
	qpid=$!
	# The program powers the machine off when done; an RMM that stops
	# (assert, panic) leaves it spinning, so watch the log and end it.
	t=0
	while kill -0 $qpid 2>/dev/null; do
		if grep -qE 'Assertion|App id' "$run/$1.log" 2>/dev/null; then
			sleep 2; kill $qpid 2>/dev/null; break
		fi
		[ $t -ge "${QEMU_TIMEOUT:-600}" ] && { echo "timeout"; kill $qpid; break; }
		sleep 1; t=$((t + 1))
	done
	wait $qpid
	echo "qemu exit status $?, ${t}s"
	tr -d '\r' <"$run/$1.log" | grep -E '^(Booting RMM|e2e: |\[ *[0-9]+\] )|FATAL|Assertion|App id'
}

fails=0
build_rmm tf-rmm Release && build_tfa release "$run/tf-rmm/build-Release/Release/rmm.img" && boot release || fails=$((fails + 1))
build_rmm tf-rmm-debug Debug && repack_tfa debug "$run/tf-rmm-debug/build-Debug/Debug/rmm.img" && boot debug || fails=$((fails + 1))
build_rmm tf-rmm-nohooks Release && repack_tfa nohooks "$run/tf-rmm-nohooks/build-Release/Release/rmm.img" && boot nohooks || fails=$((fails + 1))

step "verdict"
all_pass() { # VARIANT
	tr -d '\r' <"$run/$1.log" | grep -qE '^e2e: ([0-9]+) checks, \1 passed, 0 failed$' &&
		! grep -q 'FATAL' "$run/$1.log"
}
if all_pass release; then echo "release: every check passed"
else echo "release: FAILED (see $run/release.log)"; fails=$((fails + 1)); fi
# The Debug image (with qemu-debug.patch) must pass every check as well.
if all_pass debug; then echo "debug: every check passed"
else echo "debug: FAILED (see $run/debug.log)"; fails=$((fails + 1)); fi
# Without the hook lines the same program must see every refusal a hook
# makes turn into "allowed"; BIND's and the realm calls' refusals are the
# commands' own code (mica_rmm_hooks.c, mica_rmm_call.c), not a hook, and
# stay.
tr -d '\r' <"$run/nohooks.log" | awk '
	/^\[ *[0-9]+\] / && /\(policy: refused\)$/ && !/RMI_MICA_REALM_BIND|RSI_MICA_CALL|RMI_MICA_REGION_MAP/ {
		n++; if ($0 ~ /: allowed \(policy: refused\)$/) leaked++; else { bad++; print "still refused: " $0 } }
	/^\[ *[0-9]+\] / && /\(policy: allowed\)$/ && !/: allowed \(policy: allowed\)$/ { bad++; print "not allowed: " $0 }
	/^e2e: [0-9]+ checks/ { done = 1 }
	END {
		printf "nohooks: %d of %d hook refusals seen allowed\n", leaked, n
		exit (done && n > 0 && leaked == n && bad == 0) ? 0 : 1
	}' || { echo "nohooks: FAILED (see $run/nohooks.log)"; fails=$((fails + 1)); }
[ $fails -eq 0 ] && echo "qemu-e2e: passed" || echo "qemu-e2e: $fails failure(s)"
[ $fails -eq 0 ]
