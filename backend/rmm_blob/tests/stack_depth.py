#!/usr/bin/env python3
"""stack_depth.py FILE.ci... - the deepest stack any call chain of the
library can use, from gcc -fcallgraph-info=su output: the largest sum of
frames along a path of the call graph. Indirect calls are resolved by
function type: the validator's stages (mica_validate_*), its element checks
(check_*) and the queries' key comparisons (*_cmp, called through
mica_search and find_name). A cycle (recursion) is an
error, since it would make the stack unbounded. Prints "NAME BYTES CHAIN" for
each public entry point (mica_*), deepest first."""
import re
import sys

INDIRECT = {
    "mica_blob_validate": re.compile(r"^mica_validate_"),
    "mica_check_each": re.compile(r"^check_"),
    "mica_search": re.compile(r"_cmp$"),
    "find_name": re.compile(r"_cmp$"),
}

frame, calls = {}, {}
for path in sys.argv[1:]:
    text = open(path).read()
    for name, size in re.findall(r'node: \{ title: "([^"]+)" label: "[^"]*\\n(\d+) bytes', text):
        frame[name] = int(size)
    for src, dst in re.findall(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"', text):
        calls.setdefault(src, set()).add(dst)

def short(fn):
    return fn.split(":")[-1]

def callees(fn):
    for dst in calls.get(fn, ()):
        if dst != "__indirect_call":
            yield dst
        elif short(fn) in INDIRECT:
            yield from (f for f in frame
                        if INDIRECT[short(fn)].search(short(f)))
        else:
            sys.exit(f"{fn}: unresolved indirect call")

memo = {}
def deepest(fn, stack=()):
    if fn in stack:
        sys.exit("recursion: " + " -> ".join(stack + (fn,)))
    if fn not in memo:
        best = (0, [])
        for dst in callees(fn):
            best = max(best, deepest(dst, stack + (fn,)))
        memo[fn] = (frame.get(fn, 0) + best[0], [fn] + best[1])
    return memo[fn]

entries = sorted((deepest(f) for f in frame if f.startswith("mica_")), reverse=True)
for depth, chain in entries:
    print(chain[0], depth, " > ".join(map(short, chain)))
