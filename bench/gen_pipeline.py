#!/usr/bin/env python3
"""gen_pipeline.py - writes a large, realistic Mica pipeline to stdout.

    gen_pipeline.py N [--yaml] [--regions M] [--bare]

N realms in stages of STAGE realms: stage k's realms write a protected
region that stage k+1 reads (several grants per region), each realm calls
the next in its stage, the first stage ingests from an unprotected region,
the last stage exits to the host with hostcall, every realm is measured
(so no warning floods the output). Trust is `trusted` everywhere, so the pipeline is clean (no flow
error) and the compiler does its whole job: parse, check, place, flow,
encode, digest. --regions M sets the region count (default N: realms and
regions grow together). --bare writes only realm declarations with no
measurement and nothing else (the limits test: the quickest file that
reaches the realm count check). Output is deterministic.
"""
import sys

STAGE = 8


def meas(i):
    """A 64-hex-digit measurement that differs per realm."""
    return ("%016x" % (i * 0x9E3779B97F4A7C15 % (1 << 64))) * 4


def realms_mica(n, out):
    for i in range(n):
        last = (i // STAGE) == (n - 1) // STAGE
        out.append("realm r%d {\n    trust trusted;\n" % i)
        out.append('    measurement "%s";\n' % meas(i))
        if last:
            out.append("    hostcall;\n")
        out.append("}\n")


def region_grants(j, n):
    """Region j: the writers of one stage, the readers of the next."""
    stage = j % max(1, (n + STAGE - 1) // STAGE)
    lo = stage * STAGE
    writers = [lo + k for k in range(2) if lo + k < n]
    nxt = lo + STAGE if lo + STAGE < n else 0
    readers = [nxt + k for k in range(2) if nxt + k < n and nxt + k not in writers]
    grants = [(w, "write") for w in writers] + [(r, "read") for r in readers]
    kind = "unprotected" if j % 16 == 0 else "protected"
    return kind, grants


def regions_mica(n, m, out):
    for j in range(m):
        kind, grants = region_grants(j, n)
        out.append("region g%d {\n    kind %s;\n    size 4KiB;\n" % (j, kind))
        for realm, perm in grants:
            out.append("    grant r%d %s;\n" % (realm, perm))
        out.append("}\n")


def calls(n):
    for i in range(n):
        if i % STAGE != STAGE - 1 and i + 1 < n:
            yield i, i + 1, i % 3 == 0


def mica(n, m, bare):
    out = []
    if bare:
        out.append("policy bench { version 1; }\n")
        out.extend("realm r%d { trust trusted; }\n" % i for i in range(n))
        return out
    out.append("policy bench {\n    version 1;\n    digest sha512;\n    ipa_bits 48;\n}\n")
    realms_mica(n, out)
    regions_mica(n, m, out)
    for a, b, oneway in calls(n):
        out.append("call r%d -> r%d%s;\n" % (a, b, " oneway" if oneway else ""))
    return out


def yaml(n, m):
    out = ["policy:\n  name: bench\n  version: 1\n  digest: sha512\n  ipa_bits: 48\n",
           "realms:\n"]
    for i in range(n):
        last = (i // STAGE) == (n - 1) // STAGE
        out.append("  r%d:\n    trust: trusted\n" % i)
        out.append('    measurement: "%s"\n' % meas(i))
        if last:
            out.append("    hostcall: true\n")
    out.append("regions:\n")
    for j in range(m):
        kind, grants = region_grants(j, n)
        g = ", ".join("r%d: %s" % (r, p) for r, p in grants)
        out.append("  g%d:\n    kind: %s\n    size: 4KiB\n    grants: {%s}\n" % (j, kind, g))
    out.append("calls:\n")
    for a, b, oneway in calls(n):
        out.append("  - {from: r%d, to: r%d%s}\n" % (a, b, ", oneway: true" if oneway else ""))
    return out


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    n = int(args[0])
    m = n
    if "--regions" in argv:
        m = int(argv[argv.index("--regions") + 1])
        args.remove(str(m))
    lines = yaml(n, m) if "--yaml" in argv else mica(n, m, "--bare" in argv)
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main(sys.argv)
