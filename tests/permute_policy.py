#!/usr/bin/env python3
"""permute_policy.py SOURCE OUTDIR COUNT - writes OUTDIR/perm-1.mica ..
perm-COUNT.mica, rewrites of a canonical Mica policy (as `micac dump`
prints it) that must all compile to the same blob.

Rewrite number N (the random seed) shuffles the top-level declarations and the
lines inside every block, respells every number (decimal, hex, binary
units, hex with a unit), drops defaults written out (digest sha512,
ipa_bits 40), drops a random subset of the asserts, flips the case of
measurement digits, and scatters comments and whitespace (tabs, blank
lines, whole blocks on one line). None of these may change a byte of the
blob (docs/language.md, Canonical form)."""
import random
import re
import sys

UNITS = (("GiB", 30), ("MiB", 20), ("KiB", 10))


def spellings(v):
    """Every way the language can write V."""
    out = [str(v), hex(v), hex(v).upper().replace("0X", "0x")]
    for unit, shift in UNITS:
        if v and v % (1 << shift) == 0:
            out.append("%d%s" % (v >> shift, unit))
            out.append("%s%s" % (hex(v >> shift), unit))
    return out


def parse_items(text):
    """Top-level items: each a list of lines (a block, or one statement)."""
    items, cur = [], None
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if cur is not None:
            cur.append(s)
            if s == "}":
                items.append(cur)
                cur = None
        elif s.endswith("{"):
            cur = [s]
        else:
            items.append([s])
    return items


def respell(line, rng):
    m = re.match(r"^(size|at|version|ipa_bits) (\S+);$", line)
    if not m:
        return line
    key, val = m.group(1), m.group(2)
    num = re.match(r"^(0x[0-9a-fA-F]+|\d+)(KiB|MiB|GiB)?$", val)
    v = int(num.group(1), 0) << dict((u, s) for u, s in UNITS).get(num.group(2), 0)
    return "%s %s;" % (key, rng.choice(spellings(v)))


def rewrite_line(line, rng):
    line = respell(line, rng)
    if line.startswith("measurement ") and rng.random() < 0.5:
        line = line.upper().replace("MEASUREMENT", "measurement")
    return line


def comment(rng):
    """A comment; a line comment brings its own newline, whatever follows."""
    return rng.choice(["// a comment\n", "/* block */", "/* multi\n   line */", "//\n"])


def sep(rng):
    return rng.choice([" ", "  ", "\t", "\n", "\n\n", " /* c */ ", "\n// note\n"])


def render_block(lines, rng):
    head, body, tail = lines[0], lines[1:-1], lines[-1]
    body = [rewrite_line(l, rng) for l in body
            if not (l == "digest sha512;" and rng.random() < 0.5)
            and not (l == "ipa_bits 40;" and rng.random() < 0.5)]
    rng.shuffle(body)
    if rng.random() < 0.3:
        return head + " " + " ".join(body) + " " + tail
    indent = rng.choice(["    ", "\t", "  ", ""])
    parts = [head]
    for l in body:
        parts.append(indent + l + (" " + comment(rng) if rng.random() < 0.2 else ""))
    parts.append(tail)
    return "\n".join(parts)


def rewrite(text, rng):
    items = parse_items(text)
    items = [it for it in items
             if not (it[0].startswith("assert ") and rng.random() < 0.5)]
    rng.shuffle(items)
    out = []
    for it in items:
        if len(it) == 1:
            out.append(it[0].replace(" ", sep(rng).replace("\n\n", "\n"), 1))
        else:
            out.append(render_block(it, rng))
        if rng.random() < 0.3:
            out.append(comment(rng))
    return sep(rng).join(out) + "\n"


def main():
    text = open(sys.argv[1]).read()
    for seed in range(1, int(sys.argv[3]) + 1):
        with open("%s/perm-%d.mica" % (sys.argv[2], seed), "w") as f:
            f.write(rewrite(text, random.Random(seed)))


main()
