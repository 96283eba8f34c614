#!/bin/bash
# tests/limits.sh MICAC - every documented limit gives a clear error and the
# exit code of cli.h (1: policy error, 2: I/O error), never a crash; outputs
# are written atomically. Big inputs are generated here, at test time, by
# bench/gen_pipeline.py or streamed, so nothing big is committed. Each run
# is under a time limit: a limit must be enforced quickly, not eventually.
. "$(dirname "$0")/lib.sh"
micac=$(realpath "$1")
cd "$(dirname "$0")/.." || exit 2
gen=bench/gen_pipeline.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
LIMIT_SECONDS=${LIMIT_SECONDS:-120}

# expect NAME RC PATTERN CMD...: CMD exits RC within the time limit and its
# stderr matches the extended regex PATTERN, or is empty when PATTERN is
# (an exit code of 124 is a timeout, above 128 a signal: both fail).
expect() {
	local name=$1 want=$2 pat=$3; shift 3
	timeout "$LIMIT_SECONDS" "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ "$rc" != "$want" ]; then
		t_fail "$name: exit $rc, expected $want"; head -5 "$tmp/err" >&2
	elif [ -z "$pat" ] && [ -s "$tmp/err" ]; then
		t_fail "$name: unexpected stderr"; head -5 "$tmp/err" >&2
	elif [ -n "$pat" ] && ! grep -Eq -- "$pat" "$tmp/err"; then
		t_fail "$name: stderr does not match /$pat/"; head -5 "$tmp/err" >&2
	else
		t_pass
	fi
}

# ok NAME CMD...: a shell condition that must hold.
ok() {
	local name=$1; shift
	if "$@"; then t_pass; else t_fail "$name"; fi
}

# ---- table limits ----------------------------------------------------------
max_realms=$(sed -n 's/^#define MICA_MAX_REALMS[[:space:]]*(1U << \([0-9]*\)).*/\1/p' \
	backend/rmm_blob/include/mica_blob.h)
python3 "$gen" $(((1 << max_realms) + 1)) --bare >"$tmp/realms.mica"
expect "realms: one over the limit" 1 \
	"error\[E0501\]: too many realms: $(((1 << max_realms) + 1)) \(the limit is $((1 << max_realms))\)" \
	"$micac" check "$tmp/realms.mica"
rm -f "$tmp/realms.mica"

# ---- names -----------------------------------------------------------------
n63=$(printf 'a%.0s' $(seq 63)); n64=${n63}b
printf 'policy p { version 1; }\nrealm %s { trust trusted; measurement "%s"; }\n' \
	"$n63" "$(printf '0%.0s' $(seq 64))" >"$tmp/n63.mica"
expect "name of 63 bytes is fine" 0 "W0104.*takes part in nothing" "$micac" check "$tmp/n63.mica"
printf 'policy p { version 1; }\nrealm %s { trust trusted; }\n' "$n64" >"$tmp/n64.mica"
expect "name of 64 bytes" 1 "n64.mica:2:7: error\[E0106\].*64 bytes" "$micac" check "$tmp/n64.mica"
printf 'policy:\n  name: p\n  version: 1\nrealms:\n  %s: {trust: trusted}\n' "$n64" >"$tmp/n64.yaml"
expect "YAML name of 64 bytes" 1 "n64.yaml:5:3: error\[E0106\]" "$micac" check "$tmp/n64.yaml"

# ---- source size -----------------------------------------------------------
# Too large is a property of the policy (E0505, exit 1), not an I/O error.
# A sparse file: 513 MiB that take no disk.
truncate -s 513M "$tmp/sparse.mica"
expect "file over 512 MiB" 1 "sparse.mica: error\[E0505\]: input is larger than the 512 MiB limit" "$micac" check "$tmp/sparse.mica"
rm -f "$tmp/sparse.mica"
expect "stream over 512 MiB" 1 "<stdin>: error\[E0505\]: input is larger than the 512 MiB limit" \
	sh -c "yes realm | head -c 600M | '$micac' check -"
# A 100 MB source within the limit: read and scanned whole, and the one
# mistake at its end reported with its exact line and column.
python3 -c '
import sys
out = sys.stdout
out.write("policy p { version 1; }\n")
line = "// " + "x" * 60 + "\n"
out.write(line * 1600000)
out.write("realm a { trust trusted }\n")' >"$tmp/big.mica"
"$micac" check "$tmp/big.mica" >"$tmp/big.out" 2>&1
rc=$?
printf '%s\n' \
	"$tmp/big.mica:1600002:24: error[E0110]: expected ';' after 'trusted'" \
	"1600002 | realm a { trust trusted }" \
	"        |                        ^" \
	"  help: every statement ends with ';'" >"$tmp/big.want"
if [ $rc -eq 1 ] && diff -u "$tmp/big.want" "$tmp/big.out" >&2; then
	t_pass
else
	t_fail "100 MB source: exit $rc or output differs"
fi
rm -f "$tmp/big.mica"
# Endless NULs: must stop, whatever the reason it gives.
expect "endless /dev/zero" 1 "<stdin>.*error\[E0(505|107)\]" \
	sh -c "'$micac' check - </dev/zero"
printf 'policy p { version 1; }\0realm a { trust trusted; }\n' >"$tmp/nul.mica"
expect "NUL byte in source" 1 "nul.mica:1:24: error\[E0107\]: NUL byte" "$micac" check "$tmp/nul.mica"
: >"$tmp/empty.mica"
expect "empty source" 1 "empty.mica.*error\[E" "$micac" check "$tmp/empty.mica"

# ---- unreadable inputs -----------------------------------------------------
expect "directory as input" 2 "is a directory" "$micac" check tests
expect "missing input" 2 "cannot open '$tmp/none.mica'" "$micac" check "$tmp/none.mica"
# Root reads any mode-000 file, so use a file no one can read.
expect "file that read() refuses" 2 "read error" "$micac" check /proc/self/mem
if [ "$(id -u)" -ne 0 ]; then
	cp examples/policies/clean_room.mica "$tmp/secret.mica"; chmod 000 "$tmp/secret.mica"
	expect "mode 000 input" 2 "cannot open .*Permission denied" "$micac" check "$tmp/secret.mica"
else
	echo "limits: SKIPPED mode-000 input (running as root; /proc/self/mem covers read errors)" >&2
fi

# ---- outputs ---------------------------------------------------------------
good=examples/policies/clean_room.mica
bad=examples/policies/bad/clean_room_leaky.mica
mkdir "$tmp/o"
expect "failed compile" 1 "error\[" "$micac" compile "$bad" -o "$tmp/o/out.pol"
ok "failed compile leaves no output and no temporary file" test -z "$(ls -A "$tmp/o")"
printf 'previous' >"$tmp/o/out.pol"
expect "failed compile over an existing output" 1 "error\[" "$micac" compile "$bad" -o "$tmp/o/out.pol"
ok "existing output untouched" test "$(cat "$tmp/o/out.pol")" = previous
ok "and no temporary file" test "$(ls -A "$tmp/o")" = out.pol
expect "unreadable input over an existing output" 2 "cannot open" \
	"$micac" compile "$tmp/none.mica" -o "$tmp/o/out.pol"
ok "existing output untouched by an I/O error" test "$(cat "$tmp/o/out.pol")" = previous
expect "output into a missing directory" 2 "micac: error: " \
	"$micac" compile "$good" -o "$tmp/o/missing/out.pol"
expect "output onto a directory" 2 "micac: error: " "$micac" compile "$good" -o "$tmp/o"
ok "no temporary file after a refused target" test "$(ls -A "$tmp/o")" = out.pol
expect "compile replaces the output" 0 "" "$micac" compile -q "$good" -o "$tmp/o/out.pol"
ok "replaced output is a blob" test "$(head -c 7 "$tmp/o/out.pol")" = MICAPOL

# '-' for standard input and standard output: the same bytes as files.
"$micac" compile -q "$good" -o "$tmp/file.pol" 2>/dev/null
"$micac" compile - -o - <"$good" >"$tmp/stdout.pol" 2>"$tmp/stderr"
ok "stdin to stdout gives the same blob" cmp -s "$tmp/file.pol" "$tmp/stdout.pol"
ok "with -o -, the digest line goes to stderr" grep -Eq '^sha[0-9]+:[0-9a-f]+' "$tmp/stderr"
expect "a blob on stdin checks" 0 "" sh -c "'$micac' check --lang blob - <'$tmp/file.pol'"

t_done limits
