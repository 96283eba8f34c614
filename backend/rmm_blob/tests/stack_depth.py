#!/usr/bin/env python3
"""stack_depth.py FILE.ci... - the deepest stack any call chain of the
library can use, from gcc -fcallgraph-info=su output: the largest sum of
frames along a path of the call graph. Indirect calls are resolved by
function type: the core's stages (mica_validate_*) and the canonical
layer's (mica_canon_*, canon_padding), their element checks (check_*,
canon_*) and the queries' key comparisons (*_cmp, called from wherever
the always-inline mica_search is expanded: the queries and their helpers;
below -O2 the comparator stays an indirect call). A cycle (recursion) is an
error, since it would make the stack unbounded. Prints "NAME BYTES CHAIN" for
each public entry point (mica_*), deepest first."""
import re
import sys

# (caller, callees) patterns: who makes an indirect call, and whom it may call.
INDIRECT = [
    (re.compile(r"^mica_(check_tables|blob_check)$"), re.compile(r"^mica_validate_")),
    (re.compile(r"^mica_blob_validate$"), re.compile(r"^(mica_canon_|canon_padding$)")),
    (re.compile(r"^mica_check_each$"), re.compile(r"^(check_|canon_)")),
    (re.compile(r"^(mica_policy_|find_)"), re.compile(r"_cmp$")),
]

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
        else:
            targets = [t for c, t in INDIRECT if c.search(short(fn))]
            if not targets:
                sys.exit(f"{fn}: unresolved indirect call")
            yield from (f for f in frame if targets[0].search(short(f)))

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
