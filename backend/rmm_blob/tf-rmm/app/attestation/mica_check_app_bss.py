#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Fail the build when the attestation app's .bss is not the buffer the RMM
reserves for it.

TF-RMM gives each EL0 app a .bss buffer of fixed size in the app's rmm_stub
(attest_app_bss in app/attestation/rmm_stub/src/attest.c: 3 granules) and
checks it against the size the app's header asks for only at boot, only in
Debug ("App id 211 requested 20480 bytes, got 12288 bytes", then an assert);
a Release image maps the app's .bss past the buffer. This compares the two
in the built ELF files, so the mismatch stops the build instead.

usage: mica_check_app_bss.py APP_ELF RMM_ELF SYMBOL
  APP_ELF  the app as linked (rmm-app-attestation-elf)
  RMM_ELF  the RMM as linked (rmm-runtime / rmm_core.elf)
  SYMBOL   the reservation's name in RMM_ELF (a static local: SYMBOL.N)
Exit status 0 when they are equal, 1 when not, 2 on bad input.
"""

import sys

from elftools.elf.elffile import ELFFile
from elftools.elf.sections import SymbolTableSection


def symbols(elf):
    for sec in elf.iter_sections():
        if isinstance(sec, SymbolTableSection):
            yield from sec.iter_symbols()


def app_bss(path):
    """(section size, bytes its objects use) of .bss in the app."""
    with open(path, "rb") as f:
        elf = ELFFile(f)
        bss = elf.get_section_by_name(".bss")
        if bss is None:
            raise ValueError(f"{path}: no .bss section")
        lo, hi = bss["sh_addr"], bss["sh_addr"] + bss["sh_size"]
        used = max((s["st_value"] + s["st_size"] - lo for s in symbols(elf)
                    if lo <= s["st_value"] < hi and s["st_size"] > 0),
                   default=0)
        return bss["sh_size"], used


def reserved(path, name):
    with open(path, "rb") as f:
        found = [s["st_size"] for s in symbols(ELFFile(f))
                 if s.name == name or s.name.startswith(name + ".")]
    if len(found) != 1:
        raise ValueError(f"{path}: {len(found)} symbols named {name}, "
                         "expected one")
    return found[0]


def main(argv):
    if len(argv) != 4:
        print("usage: mica_check_app_bss.py APP_ELF RMM_ELF SYMBOL",
              file=sys.stderr)
        return 2
    try:
        size, used = app_bss(argv[1])
        have = reserved(argv[2], argv[3])
    except (OSError, ValueError) as e:
        print(f"mica_check_app_bss: {e}", file=sys.stderr)
        return 2
    if size != have:
        print(f"error: the attestation app's .bss is {size} bytes "
              f"({used} used) but the RMM reserves {have} ({argv[3]}): "
              "the image would not boot. Shrink the app's .bss or change "
              "the reservation in app/attestation/rmm_stub/src/attest.c.",
              file=sys.stderr)
        return 1
    print(f"mica: attestation app .bss {used} of {have} reserved bytes used")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
