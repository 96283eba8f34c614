#!/bin/bash
# backend/rmm_blob/tf-rmm/tests/check_patch.sh - checks, without TF-RMM, that
# 0001-mica-enforcement.patch carries only our own lines: a unified diff
# with zero context (git diff -U0) where every hunk inserts and nothing is
# removed or quoted, hunk line counts that add up (git apply --unidiff-zero
# relies on them), and every Mica symbol the hooks call declared in
# lib/mica/include/mica_rmm.h. Each bad_patches/*.patch breaks one rule and
# must be refused. Results go through tests/lib.sh.
. "$(dirname "$0")/../../../../tests/lib.sh"
here=$(cd "$(dirname "$0")/.." && pwd)

# shape FILE: prints the first violation and fails, or succeeds silently.
shape() {
	awk '
	function fail(msg) { printf "%s:%d: %s\n", FILENAME, NR, msg; bad = 1; exit 1 }
	/^diff --git a\/[^ ]+ b\/[^ ]+$/ {
		if (want > 0) fail("hunk ends early: " want " lines missing")
		seen = 1; inhunk = 0; files++; next
	}
	!seen { next }	# free text before the first diff
	/^--- a\// || /^\+\+\+ b\// {
		if (want > 0) fail("hunk ends early")
		inhunk = 0; next
	}
	/^@@ / {
		if (want > 0) fail("hunk ends early: " want " lines missing")
		if ($0 !~ /^@@ -[0-9]+,0 \+[0-9]+(,[0-9]+)? @@$/)
			fail("hunk header is not a pure insertion without context: " $0)
		n = $0; sub(/^@@ -[0-9]+,0 \+[0-9]+/, "", n); sub(/ @@$/, "", n)
		want = (n == "") ? 1 : substr(n, 2) + 0
		if (want == 0) fail("empty hunk")
		hunks++; inhunk = 1; next
	}
	/^\+/ {
		if (!inhunk || want == 0) fail("added line outside a hunk")
		want--; added++; next
	}
	{ fail("not an added line: " $0) }
	END {
		if (bad) exit 1
		if (want > 0) { printf "%s: last hunk ends early\n", FILENAME; exit 1 }
		if (!files || !hunks) { printf "%s: no hunks\n", FILENAME; exit 1 }
		printf "%d files, %d hunks, %d added lines\n", files, hunks, added
	}' "$1"
}

# symbols FILE: every Mica symbol the patch uses must be declared in one of
# the headers our hooks come from.
headers() {
	cat "$here/lib/mica/include/mica_rmm.h" \
	    "$here/app/attestation/rmm_stub/include/attest_mica_hash.h"
}
symbols() {
	local missing=0 s
	for s in $(grep -oE '\b(mica_rmm_|smc_mica_|handle_rsi_mica_|SMC_R[MS]I_MICA_|ATTEST_MICA_)[A-Za-z0-9_]*' "$1" | sort -u); do
		headers | grep -q "\b$s\b" && continue
		echo "$1: $s is not declared in our headers"; missing=1
	done
	# HANDLER(MICA_X, ...) names SMC_RMI_MICA_X
	for s in $(sed -n 's/.*HANDLER(\(MICA_[A-Z_]*\),.*/SMC_RMI_\1/p' "$1"); do
		headers | grep -q "\b$s\b" && continue
		echo "$1: $s is not declared in our headers"; missing=1
	done
	return $missing
}

# sources FILE: every "src/....c" the patch adds to a CMakeLists.txt is one
# of our files, at that path below the CMakeLists.txt's directory.
sources() {
	local missing=0 dir f
	while read -r dir f; do
		[ -f "$here/$dir/$f" ] && continue
		echo "$1: $dir/$f is not in backend/rmm_blob/tf-rmm"; missing=1
	done < <(awk '
		/^diff --git a\// { d = $3; sub(/^a\//, "", d)
			cm = (d ~ /CMakeLists\.txt$/); sub(/\/?CMakeLists\.txt$/, "", d) }
		cm && /^\+.*"src\/[^"]*\.c"/ { match($0, /"src\/[^"]*\.c"/)
			print (d == "" ? "." : d), substr($0, RSTART + 1, RLENGTH - 2) }' "$1")
	return $missing
}

patch=$here/0001-mica-enforcement.patch
if out=$(shape "$patch"); then t_pass; echo "patch: $out"; else t_fail "$out"; fi
if out=$(symbols "$patch"); then t_pass; else t_fail "$out"; fi
if out=$(sources "$patch"); then t_pass; else t_fail "$out"; fi
# No path of the machine it was made on, in the patch or our files.
if out=$(grep -rnE '/(work|root|home|tmp)/' "$here" --include='*.patch' \
		--include='*.c' --include='*.h' --include='*.txt'); then
	t_fail "machine paths: $out"
else
	t_pass
fi

# Each bad patch names, on its first line, the complaint it must draw.
for bad in "$here"/tests/bad_patches/*.patch; do
	want=$(sed -n '1s/^expect: //p' "$bad")
	[ -n "$want" ] || { t_fail "$bad: no expect line"; continue; }
	out=$( { shape "$bad" && symbols "$bad" && sources "$bad"; } 2>&1)
	case $out in
	*"$want"*) t_pass ;;
	*) t_fail "$bad: wanted '$want', got '$out'" ;;
	esac
done
t_done tfrmm-patch
