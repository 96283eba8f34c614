#!/bin/bash
# bench/run.sh MICAC BENCHDIR MAX - the tables of docs/performance.md.
# Each size is generated once (bench/gen_pipeline.py) and every measurement
# is taken on that same file: reading it (cat), hashing it (sha512sum),
# scanning it (scan_only: flex alone) and compiling it (micac compile).
# Times are the best of BENCH_REPEAT runs (wall clock, including process
# start); memory is the peak
# RSS of the compile. The growth exponent between rows is
# log(t2/t1) / log(N2/N1): 1.0 is linear.
set -e
micac=$(realpath "$1") dir=$(realpath "$2") max=$3
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
repeat=${BENCH_REPEAT:-3}

# best SECONDS of CMD over $repeat runs (wall clock, ns resolution); the
# peak RSS (KiB) of the last run is left in $work/rss and the least CPU
# time (user + system seconds, all threads) in $work/cpu (/usr/bin/time).
best() {
	local t0 t1 t c b= bc=
	for _ in $(seq "$repeat"); do
		t0=$(date +%s%N)
		/usr/bin/time -f '%M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/err" ||
			{ cat "$work/err" >&2; return 1; }
		t1=$(date +%s%N)
		t=$(awk "BEGIN{printf \"%.4f\", ($t1 - $t0) / 1e9}")
		if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
		c=$(awk '{printf "%.2f", $2 + $3}' "$work/time")
		if [ -z "$bc" ] || awk "BEGIN{exit !($c < $bc)}"; then bc=$c; fi
	done
	awk '{print $1}' "$work/time" >"$work/rss"
	echo "$bc" >"$work/cpu"
	echo "$b"
}

echo "## Compile (Mica source, N realms and N regions)"
echo
echo "| N | source | blob | compile s | growth | peak RSS | RSS/source | read s | sha512 s | scan s | compile/scan | compile/sha512 | compile/read | compile CPU s | scan CPU s | CPU compile/scan |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
prev_n= prev_t=
for n in 100 1000 10000 100000 1000000; do
	[ "$n" -le "$max" ] || break
	python3 bench/gen_pipeline.py "$n" >"$work/p.mica"
	# The input's own writeback (296 MB at 1M) must not land in the
	# timings: the compile fsyncs its blob, the scan writes nothing.
	sync
	size=$(stat -c %s "$work/p.mica")
	t_read=$(best cat "$work/p.mica")
	t_sha=$(best sha512sum "$work/p.mica")
	t_scan=$(best "$dir/scan_only" "$work/p.mica")
	c_scan=$(cat "$work/cpu")
	t_comp=$(best "$micac" compile -q "$work/p.mica" -o "$work/p.pol")
	c_comp=$(cat "$work/cpu")
	rss=$(tail -1 "$work/rss")
	blob=$(stat -c %s "$work/p.pol")
	growth=-
	[ -n "$prev_n" ] && growth=$(awk "BEGIN{ if ($prev_t > 0) printf \"%.2f\", log($t_comp/$prev_t)/log($n/$prev_n); else print \"-\" }")
	awk -v n="$n" -v s="$size" -v b="$blob" -v tc="$t_comp" -v g="$growth" -v rss="$rss" \
		-v tr="$t_read" -v th="$t_sha" -v ts="$t_scan" -v cc="$c_comp" -v cs="$c_scan" \
		'function r(a, b) { return b > 0 ? sprintf("%.1f", a / b) : "-" }
		function r2(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
		BEGIN { printf "| %d | %.1f MB | %.1f MB | %.3f | %s | %.0f MB | %s | %.3f | %.3f | %.3f | %s | %s | %s | %.2f | %.2f | %s |\n",
			n, s / 1e6, b / 1e6, tc, g, rss / 1024, r(rss * 1024, s), tr, th, ts, r2(tc, ts), r(tc, th), r(tc, tr),
			cc, cs, r2(cc, cs) }'
	prev_n=$n prev_t=$t_comp
done
rm -f "$work/p.mica" "$work/p.pol"

echo
echo "## YAML at N = $((max < 100000 ? max : 100000))"
echo
n=$((max < 100000 ? max : 100000))
python3 bench/gen_pipeline.py "$n" --yaml >"$work/p.yaml"
t=$(best "$micac" compile -q "$work/p.yaml" -o "$work/p.pol")
rss=$(tail -1 "$work/rss")
echo "compile $t s, peak RSS $((rss / 1024)) MB, source $(($(stat -c %s "$work/p.yaml") / 1000000)) MB"
rm -f "$work/p.yaml"

echo
echo "## Backend: instructions per query (callgrind, K = 10000, 16 realms)"
echo
echo "| regions | blob | find_realm | ns_map | region_perm | may_share | may_call | hostcall | rim | validate s | validate MB/s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
k=10000
for m in 10 100 1000 10000 100000; do
	python3 bench/gen_pipeline.py 16 --regions "$m" >"$work/b.mica"
	"$micac" compile -q "$work/b.mica" -o "$work/b.pol"
	row="| $m | $(($(stat -c %s "$work/b.pol") / 1024)) KiB"
	for kind in find_realm ns_map region_perm may_share may_call hostcall rim; do
		valgrind --tool=callgrind --callgrind-out-file="$work/cg" \
			--toggle-collect=run_queries "$dir/query_bench" "$work/b.pol" "$kind" "$k" \
			>/dev/null 2>&1
		ir=$(sed -n 's/^summary: \([0-9]*\).*/\1/p' "$work/cg")
		row="$row | $((ir / k))"
	done
	reps=$((2000000 / m + 3))
	read -r bytes _ secs _ < <("$dir/query_bench" "$work/b.pol" validate "$reps")
	row="$row | $(awk "BEGIN{printf \"%.6f | %.0f\", $secs, $bytes / $secs / 1e6}") |"
	echo "$row"
done
