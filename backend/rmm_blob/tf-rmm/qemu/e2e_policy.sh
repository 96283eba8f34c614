#!/bin/sh
# e2e_policy.sh - the emulated-CCA-machine run's policy, from an example.
#
#   e2e_policy.sh EXAMPLE.mica role=RIM... > OUT.mica
#
# Copies EXAMPLE (examples/policies/video_analytics.mica) with each named
# role's measurement replaced by the RIM of our realm image for it (the
# example's measurements are of images we do not have), and adds one region
# the example lacks: calib, unprotected, read by detector, so that a read
# grant on unprotected memory is exercised; and one two-way call, camera ->
# uploader (the example's calls are all one-way), so that a reply is
# exercised (`micac check --werror` stays clean). Everything else is the
# example.
set -eu
[ $# -ge 1 ] || { echo "usage: e2e_policy.sh EXAMPLE.mica role=RIM..." >&2; exit 2; }
example=$1; shift
awk -v subst="$*" '
BEGIN { n = split(subst, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); rim[p[1]] = p[2] } }
/^realm [a-z_]+ *\{/ { realm = $2 }
/^\}/ { realm = "" }
realm in rim && /^ *measurement "/ {
	sub(/"[0-9a-f]*"/, "\"" rim[realm] "\""); used[realm] = 1
}
{ print }
END {
	for (r in rim) if (!(r in used)) { print "e2e_policy.sh: no measurement for realm " r > "/dev/stderr"; exit 1 }
	print ""
	print "// Added for the emulated CCA machine run (e2e_policy.sh)."
	print "region calib {"
	print "    kind unprotected;"
	print "    size 8KiB;"
	print "    at 0x8000800000;"
	print "    grant detector read;"
	print "}"
	print "call camera -> uploader;"
}' "$example"
