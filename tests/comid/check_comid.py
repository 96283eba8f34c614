#!/usr/bin/env python3
"""check_comid.py - checks `micac endorse` output against the CCA realm
CoMID shape and against the policy it came from.

  check_comid.py schema-selftest
      the schema accepts veraison_style_example.json (a CoMID written in the
      shape of Veraison's cocli templates and corim test cases) and refuses
      broken variants of it: the schema describes their format, not ours;
  check_comid.py COMID.json POLICY_DUMP.json RPV_HEX [CORIM.json]
      COMID.json validates, and holds exactly one triple per distinct
      measurement of the policy (POLICY_DUMP.json: `micac dump --format
      json`), whose class id and cca.rim are that RIM with the Named
      Information id of its length, and whose cca.rpv is RPV_HEX; CORIM.json
      names the same id and the CCA realm profile (as a typed URI, the form
      of corim since 5985ee8; tests/comid/corim_shapes.py checks the shapes
      against corim's Go types)."""
import base64
import copy
import json
import os
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
NI_ALG = {32: 1, 48: 7, 64: 8}
PROFILE = "tag:arm.com,2025:cca_realm#1.0.0"


def load(path):
    with open(path) as f:
        return json.load(f)


SCHEMA = load(os.path.join(HERE, "cca_realm_comid.schema.json"))


def valid(doc):
    try:
        jsonschema.validate(doc, SCHEMA)
        return True
    except jsonschema.ValidationError:
        return False


def b64url(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def selftest():
    good = load(os.path.join(HERE, "veraison_style_example.json"))
    assert valid(good), "the schema refuses the Veraison-style example"
    breakers = [
        lambda d: d.pop("tag-identity"),
        lambda d: d["triples"]["reference-values"][0]["measurements"].pop(0),  # no cca.rim
        lambda d: d["triples"]["reference-values"][0]["measurements"][0]["value"]["digests"][0].__setitem__(0, 2),
        lambda d: d["triples"]["reference-values"][0]["measurements"][0]["value"]["digests"].append([1, "AA"]),
        lambda d: d["triples"]["reference-values"][0]["measurements"][2]["value"].__setitem__(
            "digests", [[1, "AA"]]),
        lambda d: d["triples"]["reference-values"][0]["measurements"][2]["key"].__setitem__("value", "cca.pv"),
        lambda d: d["triples"]["reference-values"][0]["environment"]["class"]["id"].__setitem__("type", "uuid"),
        lambda d: d["triples"]["reference-values"][0]["measurements"][0]["value"]["digests"][0].__setitem__(
            1, "not/base64url="),
    ]
    for i, brk in enumerate(breakers):
        bad = copy.deepcopy(good)
        brk(bad)
        assert not valid(bad), "the schema accepts broken variant %d" % i
    print("schema accepts the Veraison-style example and refuses %d broken variants" % len(breakers))


def check(comid_path, dump_path, rpv_hex, corim_path=None):
    comid = load(comid_path)
    jsonschema.validate(comid, SCHEMA)
    rpv = bytes.fromhex(rpv_hex)
    assert len(rpv) == 64
    want = {bytes.fromhex(r["measurement"]) for r in load(dump_path).get("realms", {}).values()
            if "measurement" in r}
    seen = set()
    for t in comid["triples"]["reference-values"]:
        rim = base64.b64decode(t["environment"]["class"]["id"]["value"], validate=True)
        ms = {m["key"]["value"]: m["value"] for m in t["measurements"]}
        assert sorted(ms) == ["cca.rim", "cca.rpv"], ms.keys()
        alg, digest = ms["cca.rim"]["digests"][0]
        assert b64url(digest) == rim, "cca.rim differs from the class id"
        assert NI_ALG[len(rim)] == alg, "alg %d for a %d-byte RIM" % (alg, len(rim))
        assert base64.b64decode(ms["cca.rpv"]["raw-value"]["value"], validate=True) == rpv
        assert rim not in seen, "two triples for one RIM"
        seen.add(rim)
    assert seen == want, "RIMs %s, policy has %s" % (len(seen), len(want))
    if corim_path:
        corim = load(corim_path)
        assert corim == {"corim-id": comid["tag-identity"]["id"],
                         "profile": {"type": "uri", "value": PROFILE}}, corim
    print("%s: %d triples, RIMs and RPV as in the policy" % (comid_path, len(seen)))


if __name__ == "__main__":
    if sys.argv[1:] == ["schema-selftest"]:
        selftest()
    else:
        check(*sys.argv[1:])
