#!/usr/bin/env python3
"""tests/editors/check_schema.py MICAC - docs/mica-policy.schema.json against
micac's own YAML front end, on every YAML policy of the examples and tests.

The files are read as YAML 1.2 (core schema), as yaml-language-server reads
them, and validated with python3-jsonschema. micac is the oracle: for each
file, `micac check --format json` says which errors it has, and

  - a file micac accepts (no error) must pass the schema: the schema never
    flags a policy that compiles;
  - a file with an error the schema is meant to catch (the codes in
    SCHEMA_CATCHES: wrong key, wrong shape, unknown value word, number
    spelling, missing property, bad name or measurement) must fail it;
  - a file whose errors are all beyond a schema (duplicates, undeclared
    names, layout, flows, YAML anchors) must pass it, because a schema that
    rejects it would be guessing;
  - E0214, E0301, E0302, E0204 and E0215 are caught when written as plain
    integers or names, so either verdict is allowed;
  - a file that is not YAML at all must be one micac reports as YAML syntax;
  - `micac dump --format yaml|json` of every Mica example must pass it.

tests/editors/schema_bad/*.yaml add one mistake each; their second line
`# schema: /json/pointer` is where the schema must report it (every error
it reports must be there). Prints PASS/FAIL lines for tests/lib.sh."""
import glob
import json
import os
import re
import subprocess
import sys

import yaml
from jsonschema import validators

SCHEMA = "docs/mica-policy.schema.json"
SCHEMA_CATCHES = {"E0101", "E0105", "E0106", "E0110", "E0201", "E0211", "E0212", "E0213", "E0217"}
SCHEMA_MAY_CATCH = {"E0204", "E0214", "E0215", "E0301", "E0302"}
INPUTS = ["examples/policies/*.yaml", "examples/policies/bad/*.yaml", "tests/golden/*/*.yaml",
          "tests/golden/*/*.json", "tests/editors/schema_bad/*.yaml"]
# Scenarios (docs/scenarios.md) are YAML too, but not policies.
NOT_POLICIES = ["tests/golden/enforce/"]


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1 (yes/no/on/off are booleans, 0o17 and 1_000 are
    numbers); yaml-language-server, like the YAML 1.2 core schema, does not."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in
        ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for tag, rx, first in [
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
        ("tag:yaml.org,2002:float",
         r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
         "-+.0123456789")]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(rx), list(first))


def construct_int12(loader, node):
    v = loader.construct_scalar(node)
    return int(v, 8 if v.startswith("0o") else 16 if v.startswith("0x") else 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int12)


def micac_codes(micac, path):
    out = subprocess.run([micac, "check", "--format", "json", path], capture_output=True, text=True)
    doc = json.loads(out.stdout)
    return [(d["code"], d["message"]) for d in doc["diagnostics"] if d["severity"] == "error"]


def verdict(ok, what, why=""):
    print(("PASS " if ok else "FAIL ") + what + ("" if ok else ": " + why), flush=True)


def dumps(micac):
    """micac's own YAML and JSON renderings of the Mica examples."""
    for f in sorted(glob.glob("examples/policies/*.mica")):
        for fmt in ("yaml", "json"):
            out = subprocess.run([micac, "dump", "--format", fmt, f], capture_output=True, text=True)
            yield "micac dump --format %s %s" % (fmt, f), out.stdout


def main():
    micac = sys.argv[1]
    schema = json.load(open(SCHEMA))
    cls = validators.validator_for(schema)
    try:
        cls.check_schema(schema)
        verdict(True, SCHEMA + " is a valid " + schema["$schema"] + " schema")
    except Exception as e:  # noqa: BLE001 - any schema error is the verdict
        verdict(False, SCHEMA + " is a valid schema", str(e).splitlines()[0])
        return
    v = cls(schema)
    for what, text in dumps(micac):
        found = list(v.iter_errors(yaml.load(text, Loader=Yaml12Loader)))
        verdict(bool(text) and not found, what + " passes the schema",
                "; ".join(e.message[:80] for e in found) or "no output")
    files = sorted({f for pat in INPUTS for f in glob.glob(pat)
                    if not any(f.startswith(p) for p in NOT_POLICIES)})
    for f in files:
        errors = micac_codes(micac, f)
        codes = {c for c, _ in errors}
        try:
            doc = yaml.load(open(f, encoding="utf-8"), Loader=Yaml12Loader)
        except yaml.YAMLError as e:
            syntax = any(c == "E0110" and m.startswith("YAML: ") for c, m in errors)
            verdict(syntax, f + ": not YAML, and micac says so",
                    "the YAML loader fails (%s), micac reports %s" % (str(e).splitlines()[0], sorted(codes)))
            continue
        found = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
        paths = ["/" + "/".join(map(str, e.absolute_path)) for e in found]
        catches = {c for c, m in errors if c in SCHEMA_CATCHES and not m.startswith("YAML")}
        if not errors:
            verdict(not found, f + ": micac accepts it, so must the schema",
                    "; ".join("%s: %s" % (p, e.message) for p, e in zip(paths, found)))
        elif catches:
            verdict(bool(found), f + ": micac reports %s, the schema must reject it" % sorted(catches),
                    "the schema accepts it")
        elif not codes & SCHEMA_MAY_CATCH:
            verdict(not found, f + ": micac's errors %s are beyond a schema" % sorted(codes),
                    "the schema rejects it: " + "; ".join(paths))
        if f.startswith("tests/editors/schema_bad/"):
            want = re.search(r"^# schema:(.*)$", open(f).read(), re.M)
            want = "/" + want.group(1).strip().lstrip("/") if want else None
            verdict(bool(found) and want is not None and set(paths) == {want},
                    f + ": rejected at %s" % want,
                    "errors at %s: %s" % (paths, "; ".join(e.message[:80] for e in found)))


if __name__ == "__main__":
    main()
