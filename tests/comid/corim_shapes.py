#!/usr/bin/env python3
"""corim_shapes.py - `micac endorse` output against the Go types of
veraison/corim at commit 53b3014 (main, 2026-07-02), the version micac
writes for (docs/attestation.md, "Veraison").

  corim_shapes.py COMID.json CORIM.json   check both, then encode the CoRIM
                                          (with the CoMID in it) to CBOR
  corim_shapes.py selftest                broken variants are refused

Every shape below is transcribed from a Go declaration of that commit,
named next to it: the JSON name of each struct field (its `json:"..."`
tag), its CBOR key (`cbor:"N,keyasint"`), whether it may be omitted
(`omitempty`), and how its (Un)MarshalJSON reads the value. The CCA realm
profile's rules are those of profiles/cca/realm.go. The CBOR encoding uses
the same keys and tags and python3-cbor2 (Debian); decoding it again must
give the same document.
"""
import base64
import binascii
import json
import re
import sys

import cbor2

# name: (cbor key, shape, required). Shapes are dicts (structs), or
# functions that check a JSON value and return its CBOR form.


def fail(msg):
    raise ValueError(msg)


def b64std(s, what):
    # Go encodes []byte in JSON as padded standard base64 (encoding/json).
    if not isinstance(s, str) or not re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", s) or len(s) % 4:
        fail("%s: not padded standard base64: %r" % (what, s))
    return base64.b64decode(s, validate=True)


def b64url(s, what):
    # comid/digest.go Digest.UnmarshalJSON: base64.RawURLEncoding
    if not isinstance(s, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", s):
        fail("%s: not unpadded base64url: %r" % (what, s))
    try:
        return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
    except binascii.Error:
        fail("%s: bad base64url" % what)


# comid/digest.go: algToValueLen (Named Information ids) and stringToAlg.
ALG_LEN = {1: 32, 2: 16, 3: 15, 4: 12, 5: 8, 6: 4, 7: 48, 8: 64, 9: 28, 10: 32, 11: 48, 12: 64}
ALG_NAME = {"sha-256": 1, "sha-384": 7, "sha-512": 8}


def digest(v, what):
    # comid/digest.go Digest: `cbor:",toarray"` {Algorithm, Value};
    # MarshalJSON: [alg, base64.RawURLEncoding(value)].
    if not isinstance(v, list) or len(v) != 2:
        fail("%s: a digest is [alg, value]" % what)
    alg = ALG_NAME.get(v[0], v[0]) if isinstance(v[0], str) else v[0]
    if not isinstance(alg, int) or isinstance(alg, bool) or alg not in ALG_LEN:
        fail("%s: unknown algorithm %r" % (what, v[0]))
    raw = b64url(v[1], what)
    if len(raw) != ALG_LEN[alg]:
        fail("%s: %d bytes for algorithm %d (%d expected)" % (what, len(raw), alg, ALG_LEN[alg]))
    return [v[0], raw]


def type_value(types, what_kind):
    # extensions.TypeChoiceValueMarshalJSON / encoding.TypeAndValue:
    # {"type": name, "value": ...}; TYPES maps each name to (CBOR tag,
    # value reader).
    def check(v, what):
        if not isinstance(v, dict) or sorted(v) != ["type", "value"]:
            fail("%s: a %s is {\"type\", \"value\"}" % (what, what_kind))
        if v["type"] not in types:
            fail("%s: %s type %r is not one of %s" % (what, what_kind, v["type"], sorted(types)))
        tag, reader = types[v["type"]]
        val = reader(v["value"], what)
        return cbor2.CBORTag(tag, val) if tag is not None else val
    return check


def text(v, what):
    if not isinstance(v, str):
        fail("%s: not a string" % what)
    return v


def uint(v, what):
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        fail("%s: not an unsigned integer" % what)
    return v


def uri(v, what):
    # comid/uri.go TaggedURI.Valid: an absolute URI
    if not isinstance(v, str) or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", v):
        fail("%s: not an absolute URI: %r" % (what, v))
    return v


def list_of(shape):
    def check(v, what):
        if not isinstance(v, list):
            fail("%s: not an array" % what)
        return [convert(x, shape, "%s[%d]" % (what, i)) for i, x in enumerate(v)]
    return check


# comid/classid.go (type "bytes" registered at tag 560, comid/cbor.go)
CLASS_ID = type_value({"bytes": (560, b64std)}, "class id")
# comid/measurement.go: Mkey types "uuid", "oid", "uint", "string" (StringType)
MKEY = type_value({"string": (None, text), "uint": (None, uint)}, "mkey")
# comid/rawvalue.go: RawValue types "bytes" (TaggedBytes, 560) and "masked"
RAW_VALUE = type_value({"bytes": (560, b64std)}, "raw value")
# corim/profile.go profileValueRegister: "oid" (111) and "uri" (32, comid/cbor.go)
PROFILE = type_value({"uri": (32, uri)}, "profile")

# comid/class.go Class
CLASS = {"id": (0, CLASS_ID, False), "vendor": (1, text, False), "model": (2, text, False),
         "layer": (3, uint, False), "index": (4, uint, False)}
# comid/environment.go Environment
ENVIRONMENT = {"class": (0, CLASS, False)}
# comid/measurement.go Mval (the fields endorse may write)
MVAL = {"version": (0, None, False), "svn": (1, None, False),
        "digests": (2, list_of(digest), False), "raw-value": (4, RAW_VALUE, False)}
# comid/measurement.go Measurement
MEASUREMENT = {"key": (0, MKEY, False), "value": (1, MVAL, True)}
# comid/valuetriple.go ValueTriple: `cbor:",toarray"` [environment, measurements]
VALUE_TRIPLE = ("toarray", [("environment", ENVIRONMENT), ("measurements", list_of(MEASUREMENT))])
# comid/triples.go Triples
TRIPLES = {"reference-values": (0, list_of(VALUE_TRIPLE), False)}
# comid/tagidentity.go TagIdentity
TAG_IDENTITY = {"id": (0, text, True), "version": (1, uint, False)}
# comid/comid.go Comid
COMID = {"lang": (0, text, False), "tag-identity": (1, TAG_IDENTITY, True),
         "triples": (4, TRIPLES, True)}
# corim/unsignedcorim.go UnsignedCorim (tags are added by cocli from the CoMIDs)
CORIM = {"corim-id": (0, text, True), "profile": (3, PROFILE, False)}


def convert(v, shape, what):
    """Checks V against SHAPE; returns its CBOR form."""
    if isinstance(shape, tuple) and shape[0] == "toarray":
        if not isinstance(v, dict) or sorted(v) != sorted(n for n, _ in shape[1]):
            fail("%s: expected exactly %s" % (what, [n for n, _ in shape[1]]))
        return [convert(v[n], s, "%s.%s" % (what, n)) for n, s in shape[1]]
    if isinstance(shape, dict):
        if not isinstance(v, dict):
            fail("%s: not an object" % what)
        out = {}
        for k in v:
            if k not in shape or shape[k][1] is None:
                fail("%s: field %r is not one the Go type reads" % (what, k))
        for k, (key, sub, required) in shape.items():
            if k in v:
                out[key] = convert(v[k], sub, "%s.%s" % (what, k))
            elif required:
                fail("%s: required field %r missing" % (what, k))
        return out
    return shape(v, what)


# profiles/cca/realm.go
REALM_PROFILE = "tag:arm.com,2025:cca_realm#1.0.0"
REALM_MKEYS = {"cca.rim", "cca.rem0", "cca.rem1", "cca.rem2", "cca.rem3", "cca.rpv"}


def cca_realm_rules(comid):
    for i, t in enumerate(comid["triples"].get("reference-values", [])):
        what = "reference-values[%d]" % i
        cid = t["environment"].get("class", {}).get("id")
        if not cid or cid["type"] != "bytes" or len(b64std(cid["value"], what)) not in (32, 48, 64):
            fail("%s: the class id (RIM) must be 32, 48 or 64 tagged bytes" % what)
        keys = [m.get("key", {}).get("value") for m in t["measurements"]]
        if "cca.rim" not in keys:
            fail("%s: cca.rim is mandatory" % what)
        for m in t["measurements"]:
            k = m.get("key", {})
            if k.get("type") != "string" or k.get("value") not in REALM_MKEYS:
                fail("%s: mkey %r is not one of %s" % (what, k, sorted(REALM_MKEYS)))
            if k["value"] == "cca.rpv":
                if "raw-value" not in m["value"]:
                    fail("%s: cca.rpv needs a raw-value" % what)
            elif len(m["value"].get("digests", [])) != 1:
                fail("%s: %s needs exactly one digest" % (what, k["value"]))


def check(comid, corim):
    comid_cbor = convert(comid, COMID, "comid")
    cca_realm_rules(comid)
    corim_cbor = convert(corim, CORIM, "corim")
    if corim.get("profile", {}).get("value") != REALM_PROFILE:
        fail("corim: the profile is not the CCA realm profile")
    if corim["corim-id"] != comid["tag-identity"]["id"]:
        fail("corim: corim-id is not the CoMID's tag id")
    # corim/cbor.go: unsigned-corim 501, CoMID 506 around its bytes.
    corim_cbor[1] = [cbor2.CBORTag(506, cbor2.dumps(comid_cbor))]
    whole = cbor2.CBORTag(501, corim_cbor)
    data = cbor2.dumps(whole)
    back = cbor2.loads(data)
    if back != whole or cbor2.loads(back.value[1][0].value) != comid_cbor:
        fail("the CoRIM does not round-trip through CBOR")
    return len(data)


def selftest(comid, corim):
    import copy
    rv = lambda d: d["triples"]["reference-values"][0]
    breakers = {
        "plain-string profile (corim before 5985ee8)": lambda c, r: r.__setitem__("profile", REALM_PROFILE),
        "profile of type oid": lambda c, r: r["profile"].__setitem__("type", "oid"),
        "string digest (swid HashEntry form before 88dde1b)": lambda c, r: rv(c)["measurements"][0]["value"]["digests"].__setitem__(0, "sha-256;AAAA"),
        "padded base64url digest": lambda c, r: rv(c)["measurements"][0]["value"]["digests"][0].__setitem__(1, rv(c)["measurements"][0]["value"]["digests"][0][1] + "="),
        "digest of the wrong size": lambda c, r: rv(c)["measurements"][0]["value"]["digests"][0].__setitem__(0, 8 if rv(c)["measurements"][0]["value"]["digests"][0][0] != 8 else 1),
        "unknown field": lambda c, r: rv(c)["environment"]["class"].__setitem__("rim", "x"),
        "raw-value untyped": lambda c, r: rv(c)["measurements"][1]["value"].__setitem__("raw-value", "AAAA"),
        "no tag-identity": lambda c, r: c.pop("tag-identity"),
        "class id not bytes": lambda c, r: rv(c)["environment"]["class"]["id"].__setitem__("type", "uuid"),
        "unknown mkey": lambda c, r: rv(c)["measurements"][1]["key"].__setitem__("value", "cca.pv"),
        "two digests": lambda c, r: rv(c)["measurements"][0]["value"]["digests"].append(rv(c)["measurements"][0]["value"]["digests"][0]),
        "corim-id not the tag id": lambda c, r: r.__setitem__("corim-id", "other"),
    }
    check(comid, corim)
    for name, brk in breakers.items():
        c, r = copy.deepcopy(comid), copy.deepcopy(corim)
        brk(c, r)
        try:
            check(c, r)
        except ValueError:
            continue
        fail("a broken variant passes: %s" % name)
    print("corim 53b3014 shapes: endorse output passes, %d broken variants refused" % len(breakers))


if __name__ == "__main__":
    if sys.argv[1] == "selftest":
        selftest(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])))
    else:
        n = check(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
        print("%s: fits corim 53b3014; the CoRIM is %d bytes of CBOR and round-trips" % (sys.argv[1], n))
