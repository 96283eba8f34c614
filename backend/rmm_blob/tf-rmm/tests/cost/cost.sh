#!/bin/bash
# backend/rmm_blob/tf-rmm/tests/cost/cost.sh - what each Mica hook adds to
# its RMM handler, in instructions: callgrind on TF-RMM's host build, a
# stock tree and a patched one, the same calls (host_mica_cost.c, run with
# MICA_COST=1). docs/performance.md ("The RMM hooks") has the numbers.
#
#   cost.sh -s STOCK_SRC -p RMM_SRC -o OUTDIR [-n]
#
# -n: build without -pg. TF-RMM's fake-host toolchain compiles everything
# with -pg, so every function call also runs glibc's mcount (about 60% of
# RMI_REALM_ACTIVATE's instructions); the aarch64 RMM has no such calls.
# With -n each build is configured twice: once as TF-RMM sets it up, then
# with the same CMAKE_C_FLAGS and CMAKE_ASM_FLAGS minus -pg, in
# OUTDIR/build-*-nopg.
#
# STOCK_SRC: a TF-RMM checkout at rmm-spec-v1.x-aligned, otherwise
# unmodified; this script copies the cost driver into it and applies
# stock.patch (plat/host only). RMM_SRC: a checkout with the Mica
# integration applied (docs/rmm-integration.md). Each is configured and
# built Release in OUTDIR/build-stock, OUTDIR/build-mica, one after the
# other (TF-RMM's configure cleans ext/, so never two at once).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../plat/host/host_build/src" && pwd)
stock= rmm= out= sfx=
while getopts s:p:o:n o; do
	case $o in
	s) stock=$OPTARG ;;
	p) rmm=$OPTARG ;;
	o) out=$OPTARG ;;
	n) sfx=-nopg ;;
	*) echo "usage: $0 -s STOCK_SRC -p RMM_SRC -o OUTDIR" >&2; exit 2 ;;
	esac
done
if [ -z "$stock" ] || [ -z "$rmm" ] || [ -z "$out" ]; then
	echo "usage: $0 -s STOCK_SRC -p RMM_SRC -o OUTDIR" >&2; exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

# The stock tree gets the driver (it uses only the stock RMI).
if [ ! -f "$stock/plat/host/host_build/src/host_mica_cost.c" ]; then
	cp "$src/host_mica_cost.c" "$src/host_mica_realm.c" "$src/host_mica.h" \
		"$src/host_mica_fixture.h" "$stock/plat/host/host_build/src/"
	git -C "$stock" apply --unidiff-zero "$here/stock.patch"
fi

# run NAME BUILD MODE: callgrind on BUILD's rmm_core.elf, MICA_COST=MODE.
run() {
	rm -f "$out/callgrind.$1".*
	# TF-RMM's host build is linked with -pg: under valgrind the gprof
	# timer ends the process at exit (SIGPROF), after the last dump.
	(cd "$2" && MICA_COST=$3 valgrind --tool=callgrind \
		--callgrind-out-file="$out/callgrind.$1" ./Release/rmm_core.elf \
		>"$out/$1-run.log" 2>&1) || true
	grep -q "MICA cost: all calls made" "$out/$1-run.log"
}
for t in stock mica; do
	tree=$stock; [ $t = mica ] && tree=$rmm
	b=$out/build-$t$sfx
	cmake -DRMM_CONFIG=host_defcfg -DHOST_VARIANT=host_build \
		-DCMAKE_BUILD_TYPE=Release -S "$tree" -B "$b" >"$out/$t$sfx-configure.log"
	if [ -n "$sfx" ]; then
		nopg() { sed -n "s/^CMAKE_$1_FLAGS:STRING=//p" "$b/CMakeCache.txt" | sed 's/ -pg\b//g'; }
		cmake -DCMAKE_C_FLAGS="$(nopg C)" -DCMAKE_ASM_FLAGS="$(nopg ASM)" \
			-S "$tree" -B "$b" >>"$out/$t$sfx-configure.log"
	fi
	cmake --build "$b" -j2 >"$out/$t$sfx-build.log"
done
run "stock$sfx" "$out/build-stock$sfx" 1
run "mica$sfx" "$out/build-mica$sfx" 1
run "ungoverned$sfx" "$out/build-mica$sfx" stock

# "NAME<TAB>Ir" for each client-request dump, in order.
dumps() {
	for f in $(ls "$out/callgrind.$1".* | sort -t. -k3 -n); do
		awk '/^desc: Trigger: Client Request: / { sub(/^desc: Trigger: Client Request: /, ""); n = $0 }
		     /^summary: / { print n "\t" $2 }' "$f"
	done
}
dumps "stock$sfx" >"$out/ir.stock$sfx"
dumps "mica$sfx" >"$out/ir.mica$sfx"
dumps "ungoverned$sfx" >"$out/ir.ungoverned$sfx"
# The hooks are inline in their handlers (mica_rmm.h, mica_decide.h), so
# what a hook costs is its handler's count against the stock one: for
# governed realms and for ungoverned ones (stock realms in the patched RMM).
echo "build: Release${sfx:+, no -pg}; instructions (callgrind Ir) per call;"
echo "governed: the patched RMM, realms of the loaded policy, roles bound;"
echo "ungoverned: the patched RMM, realms whose RPV matches no policy"
printf '%-32s %8s %8s %6s %7s %8s %6s %7s\n' call stock governed added '%' ungov added '%'
paste "$out/ir.stock$sfx" "$out/ir.mica$sfx" "$out/ir.ungoverned$sfx" | awk -F'\t' '
	$1 != $3 || $1 != $5 { print "cost.sh: the dumps differ: " $1 " / " $3 " / " $5 > "/dev/stderr"; exit 1 }
	{ printf "%-32s %8d %8d %6d %6.2f%% %8d %6d %6.2f%%\n", $1, $2, $4, $4 - $2,
		100 * ($4 - $2) / $2, $6, $6 - $2, 100 * ($6 - $2) / $2 }'
