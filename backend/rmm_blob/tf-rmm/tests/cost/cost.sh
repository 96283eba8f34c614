#!/bin/bash
# backend/rmm_blob/tf-rmm/tests/cost/cost.sh - what each Mica hook adds to
# its RMM handler, in instructions: callgrind on TF-RMM's host build, a
# stock tree and a patched one, the same calls (host_mica_cost.c, run with
# MICA_COST=1). docs/performance.md ("The RMM hooks") has the numbers.
#
#   cost.sh -s STOCK_SRC -p RMM_SRC -o OUTDIR
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
stock= rmm= out=
while getopts s:p:o: o; do
	case $o in
	s) stock=$OPTARG ;;
	p) rmm=$OPTARG ;;
	o) out=$OPTARG ;;
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

for t in stock mica; do
	tree=$stock; [ $t = mica ] && tree=$rmm
	b=$out/build-$t
	cmake -DRMM_CONFIG=host_defcfg -DHOST_VARIANT=host_build \
		-DCMAKE_BUILD_TYPE=Release -S "$tree" -B "$b" >"$out/$t-configure.log"
	cmake --build "$b" -j2 >"$out/$t-build.log"
	rm -f "$out/callgrind.$t"*
	# TF-RMM's host build is linked with -pg: under valgrind the gprof
	# timer ends the process at exit (SIGPROF), after the last dump.
	(cd "$b" && MICA_COST=1 valgrind --tool=callgrind \
		--callgrind-out-file="$out/callgrind.$t" ./Release/rmm_core.elf \
		>"$out/$t-run.log" 2>&1) || true
	grep -q "MICA cost: all calls made" "$out/$t-run.log"
done

# "NAME<TAB>Ir" for each client-request dump, in order.
dumps() {
	for f in $(ls "$out/callgrind.$1".* | sort -t. -k3 -n); do
		awk '/^desc: Trigger: Client Request: / { sub(/^desc: Trigger: Client Request: /, ""); n = $0 }
		     /^summary: / { print n "\t" $2 }' "$f"
	done
}
dumps stock >"$out/ir.stock"
dumps mica >"$out/ir.mica"
printf '%-34s %10s %10s %8s %8s\n' call stock patched added percent
paste "$out/ir.stock" "$out/ir.mica" | awk -F'\t' '
	$1 != $3 { print "cost.sh: the dumps differ: " $1 " / " $3 > "/dev/stderr"; exit 1 }
	{ printf "%-34s %10d %10d %8d %7.2f%%\n", $1, $2, $4, $4 - $2, 100 * ($4 - $2) / $2 }'
