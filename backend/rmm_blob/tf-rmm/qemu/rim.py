#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The RIM TF-RMM computes for a realm that nw/e2e_main.c builds.

usage: rim.py IMAGE [IPA...]

A realm created with s2sz 40, one breakpoint, one watchpoint, SHA-256 and
no other feature (RMI_REALM_CREATE), IMAGE's pages DATA_CREATEd with
RMI_MEASURE_CONTENT at IPA 0, 4096, ..., then a zero page likewise at each
IPA given (camera's page of region frames), and one runnable REC at pc 0 with
zero registers (RMI_REC_CREATE). Follows TF-RMM's
app/attestation/rmm_stub/src/rim.c and measurement_descs.h at tag
rmm-spec-v1.x-aligned: each step hashes a zero-filled structure with only
the measured fields set. Prints the RIM in lower-case hex. The run checks it:
RMI_REALM_ACTIVATE refuses a governed realm whose RIM is not its role's
measurement, and the policy's measurements come from here.
"""

import hashlib
import struct
import sys

GRANULE = 4096


def h(data):
    return hashlib.sha256(data).digest()


def realm_params():
    p = bytearray(GRANULE)
    struct.pack_into("<Q", p, 0x00, 0)      # flags0
    struct.pack_into("<I", p, 0x08, 40)     # s2sz
    struct.pack_into("<I", p, 0x18, 1)      # num_bps
    struct.pack_into("<I", p, 0x20, 1)      # num_wps
    struct.pack_into("<B", p, 0x30, 0)      # algorithm: SHA-256
    return bytes(p)


def desc(desc_type, rim, fields):
    d = bytearray(0x100)
    struct.pack_into("<BxxxxxxxQ", d, 0, desc_type, 0x100)
    d[0x10:0x10 + len(rim)] = rim
    for off, raw in fields:
        d[off:off + len(raw)] = raw
    return bytes(d)


def rim_of(image, zero_ipas=()):
    if len(image) % GRANULE != 0:
        raise ValueError("image size is not a multiple of 4096")
    rim = h(realm_params())
    pages = [(i * GRANULE, image[i * GRANULE:(i + 1) * GRANULE])
             for i in range(len(image) // GRANULE)]
    pages += [(ipa, bytes(GRANULE)) for ipa in zero_ipas]
    for ipa, page in pages:
        rim = h(desc(0, rim, [(0x50, struct.pack("<QQ", ipa, 1)),
                              (0x60, h(page))]))
    rec = bytearray(GRANULE)
    struct.pack_into("<Q", rec, 0, 1)       # flags: runnable; pc 0, gprs 0
    return h(desc(1, rim, [(0x50, h(bytes(rec)))]))


def main(argv):
    if len(argv) < 2:
        print("usage: rim.py IMAGE [IPA...]", file=sys.stderr)
        return 2
    try:
        zero_ipas = [int(a, 0) for a in argv[2:]]
        with open(argv[1], "rb") as f:
            print(rim_of(f.read(), zero_ipas).hex())
    except (OSError, ValueError) as e:
        print(f"rim.py: {argv[1]}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
