#!/bin/bash
# backend/rmm_blob/tf-rmm/tcb_lines.sh - the integration's trusted computing
# base: non-blank, non-comment lines of the C the integration compiles into
# the RMM and its attestation app (docs/rmm-integration.md, "Cost"), read
# from the same lists the build uses:
#
#   library  the files of MICA_BLOB_RMM_SOURCES in lib/mica/CMakeLists.txt
#            (backend/rmm_blob/src), and the library headers they include
#   glue     the "src/*.c" of lib/mica/CMakeLists.txt, the "src/*.c" the
#            patch adds to TF-RMM's CMakeLists.txt files (not the host test
#            under plat/host), and our headers they include
#   hooks    the lines 0001-mica-enforcement.patch adds to TF-RMM's own .c
#            and .h files (not under plat/host)
#
# Headers are followed from #include lines, transitively, among our own
# include directories; each counts once. A comment is /* ... */ (first */
# ends it) or // to the end of the line, as the doc has always counted.
#
#   tcb_lines.sh [-v] [-s SUITE] [-m MAX]
#     -v          also list every file with its two counts
#     -s SUITE    record one result through tests/lib.sh (make check),
#                 failing when the total is above MAX (default 1870, the
#                 budget of issue 11)
set -u
here=$(cd "$(dirname "$0")" && pwd)
blob=$(cd "$here/.." && pwd)
cmake=$here/lib/mica/CMakeLists.txt
patch=$here/0001-mica-enforcement.patch
verbose=0 suite= max=1870 budget=1870
while getopts vs:m: o; do
	case $o in
	v) verbose=1 ;;
	s) suite=$OPTARG ;;
	m) max=$OPTARG ;;
	*) echo "usage: $0 [-v] [-s SUITE] [-m MAX]" >&2; exit 2 ;;
	esac
done

# Where #include <x.h> / "x.h" may resolve to one of our files.
incdirs=("$here/lib/mica/include" "$blob/include" "$blob/src"
	 "$here/app/attestation/rmm_stub/include")

# sloc: "<code> <physical>" for the C text on stdin.
sloc() {
	awk '
	{ text = text $0 "\n"; phys++ }
	END {
		out = ""
		while ((i = index(text, "/*")) > 0) {
			rest = substr(text, i + 2)
			j = index(rest, "*/")
			if (j == 0) { out = out substr(text, 1, i - 1); text = ""; break }
			c = substr(rest, 1, j - 1); nl = gsub(/\n/, "\n", c)
			out = out substr(text, 1, i - 1)
			while (nl-- > 0) out = out "\n"
			text = substr(rest, j + 2)
		}
		out = out text
		n = split(out, line, "\n"); code = 0
		for (k = 1; k <= n; k++) {
			sub(/\/\/.*/, "", line[k])
			if (line[k] ~ /[^ \t\r\f\v]/) code++
		}
		print code, phys
	}'
}

# The files of MICA_BLOB_RMM_SOURCES, and the glue sources of CMakeLists.
lib_sources() {
	sed -n '/^set(MICA_BLOB_RMM_SOURCES/,/^)/s/^ *"\([^"]*\.c\)".*/\1/p' \
		"$cmake" | sed "s|^|$blob/src/|"
}
glue_sources() {
	grep -o '"src/[^"]*\.c"' "$cmake" | tr -d '"' | sed "s|^|$here/lib/mica/|"
	# "src/....c" the patch adds to a CMakeLists.txt, below its directory.
	awk '
	/^diff --git a\// { d = $3; sub(/^a\//, "", d)
		cm = (d ~ /CMakeLists\.txt$/ && d !~ /^plat\/host\//)
		sub(/\/?CMakeLists\.txt$/, "", d) }
	cm && /^\+.*"src\/[^"]*\.c"/ { match($0, /"src\/[^"]*\.c"/)
		print d "/" substr($0, RSTART + 1, RLENGTH - 2) }' "$patch" |
		sed "s|^|$here/|"
}

# with_headers FILE...: the files and the headers of ours they include,
# transitively, each once.
with_headers() {
	local -A seen=()
	local queue=("$@") f h d
	while [ ${#queue[@]} -gt 0 ]; do
		f=${queue[0]}; queue=("${queue[@]:1}")
		[ -n "${seen[$f]:-}" ] && continue
		seen[$f]=1; echo "$f"
		for h in $(sed -n 's/^#include [<"]\([^>"]*\)[>"].*/\1/p' "$f"); do
			for d in "$(dirname "$f")" "${incdirs[@]}"; do
				if [ -f "$d/$h" ]; then
					queue+=("$(cd "$d" && pwd)/$h"); break
				fi
			done
		done
	done
}

# The lines the patch adds to TF-RMM's own C files.
hook_lines() {
	awk '
	/^diff --git a\// { f = $3; keep = (f ~ /\.[ch]$/ && f !~ /^a\/plat\/host\//); next }
	/^(\+\+\+|---|@@)/ { next }
	keep && /^\+/ { print substr($0, 2) }' "$patch"
}

mapfile -t libf < <(lib_sources)
mapfile -t gluef < <(glue_sources)
for f in "${libf[@]}" "${gluef[@]}"; do
	[ -f "$f" ] || { echo "tcb_lines: no such file: ${f#"$blob"/}" >&2; exit 2; }
done
# A header of the library belongs to the library even when the glue
# includes it first.
mapfile -t libh < <(with_headers "${libf[@]}")
mapfile -t glueh < <(with_headers "${gluef[@]}" | grep -vxF -f <(printf '%s\n' "${libh[@]}"))

declare -A code phys
total_c=0 total_p=0
part() {
	local name=$1 c=0 p=0 f n; shift
	for f in "$@"; do
		read -r n m < <(sloc <"$f")
		[ "$verbose" = 1 ] && printf '  %5d (%d)  %s\n' "$n" "$m" "${f#"$blob"/}"
		c=$((c + n)); p=$((p + m))
	done
	code[$name]=$c; phys[$name]=$p
	total_c=$((total_c + c)); total_p=$((total_p + p))
}
part glue "${glueh[@]}"
part library "${libh[@]}"
read -r n m < <(hook_lines | sloc)
code[hooks]=$n; phys[hooks]=$m
total_c=$((total_c + n)); total_p=$((total_p + m))
[ "$verbose" = 1 ] && printf '  %5d (%d)  hook lines of 0001-mica-enforcement.patch\n' "$n" "$m"

printf 'tcb: glue %d (%d), library %d (%d), hooks %d (%d): total %d (%d), limit %d, budget %d\n' \
	"${code[glue]}" "${phys[glue]}" "${code[library]}" "${phys[library]}" \
	"${code[hooks]}" "${phys[hooks]}" "$total_c" "$total_p" "$max" "$budget"

[ -n "$suite" ] || exit 0
. "$blob/../../tests/lib.sh"
if [ "$total_c" -gt "$max" ]; then
	t_fail "the RMM's trusted computing base is $total_c lines, above $max"
else
	t_pass
fi
t_done "$suite"
