#!/usr/bin/env python3
"""tests/validate_json.py SCHEMA DOC... - validates JSON documents against a
JSON Schema (the schema's own draft, by python3-jsonschema). Prints the
first errors of each invalid document; exit 0 when all are valid."""
import json
import sys

from jsonschema import validators


def main():
    schema = json.load(open(sys.argv[1]))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    v = cls(schema)
    bad = 0
    for name in sys.argv[2:]:
        errs = list(v.iter_errors(json.load(open(name))))
        for e in errs[:3]:
            print('%s: %s: %s' % (name, '/'.join(map(str, e.absolute_path)), e.message))
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
