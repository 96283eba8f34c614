#!/bin/sh
# compiler/cmd/embed_text.sh IN OUT NAME - writes OUT, a C file defining
#   const char NAME[];        the bytes of IN, then a NUL
#   const size_t NAME_len;    their number
# so that the installed micac carries a document (docs/diagnostics.md, for
# `micac explain`) without needing the docs directory at run time. Only
# POSIX od and awk: nothing beyond what the build already has.
set -e
in=$1 out=$2 name=$3
{
	echo "/* Generated from $in by compiler/cmd/embed_text.sh; do not edit. */"
	echo "#include <stddef.h>"
	echo "const char $name[] = {"
	od -An -v -tu1 "$in" | awk '{ line = ""; for (i = 1; i <= NF; i++) line = line $i ","; print "\t" line }'
	echo "	0"
	echo "};"
	echo "const size_t ${name}_len = sizeof($name) - 1;"
} >"$out.tmp"
mv "$out.tmp" "$out"
