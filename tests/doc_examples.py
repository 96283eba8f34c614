#!/usr/bin/env python3
"""tests/doc_examples.py check|update DOC... - keeps the examples in the docs
true.

A line `<!-- example: PATH -->` in a Markdown file is followed, each block
right after the previous line and then a blank line, by two fenced
blocks: the input file PATH, and micac's exact output for it, which is
PATH's golden file (PATH without its extension, plus .expected; the golden
suite checks that micac still prints it). `<!-- example: PATH output-only -->`
is followed by the output block alone, for inputs that cannot be shown as
text (invalid UTF-8, NUL bytes, blobs).

`check` fails when a block differs from its file; `update` rewrites the
blocks. Every diagnostic code in compiler/diag/diag_kinds.def must also have a
heading `## CODE: title` in docs/diagnostics.md, with the catalogue's title.
"""
import os
import re
import sys

MARKER = re.compile(r'^<!-- example: (\S+)( output-only)? -->$')
FENCE_LANG = {'.mica': 'mica', '.yaml': 'yaml'}


def read_text(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def fenced(lang, text):
    if not text.endswith('\n'):
        text += '\n'
    return ['```' + lang + '\n'] + text.splitlines(keepends=True) + ['```\n']


def skip_block(lines, i):
    """Index just past the fenced block at line I and the blank line after
    it, or I itself when no block starts there."""
    if i >= len(lines) or not lines[i].startswith('```'):
        return i, False
    i += 1
    while i < len(lines) and lines[i].rstrip('\n') != '```':
        i += 1
    i += 1
    if i < len(lines) and lines[i].strip() == '':
        i += 1
    return i, True


def expected_blocks(path, output_only):
    base, ext = os.path.splitext(path)
    out = []
    if not output_only:
        out += fenced(FENCE_LANG.get(ext, 'text'), read_text(path)) + ['\n']
    return out + fenced('text', read_text(base + '.expected')) + ['\n']


def process(doc, update):
    lines = open(doc, encoding='utf-8').read().splitlines(keepends=True)
    result, errors, i = [], [], 0
    while i < len(lines):
        result.append(lines[i])
        m = MARKER.match(lines[i].rstrip('\n'))
        i += 1
        if not m:
            continue
        want = expected_blocks(m.group(1), bool(m.group(2)))
        start = i
        for _ in range(1 if m.group(2) else 2):
            i, found = skip_block(lines, i)
            if not found:
                break
        if lines[start:i] != want:
            errors.append('%s: example %s is out of date' % (doc, m.group(1)))
        result += want
    if update:
        with open(doc, 'w', encoding='utf-8') as f:
            f.writelines(result)
        return []
    return errors


def catalogue():
    text = read_text('compiler/diag/diag_kinds.def')
    return re.findall(r'^DIAG\(\w+, ([EW]\d{4}), \w+, "([^"]*)"', text, re.M)


def check_headings(doc):
    text = read_text(doc)
    errors = []
    for code, title in catalogue():
        if '\n## %s: %s\n' % (code, title) not in text:
            errors.append('%s: no heading "## %s: %s"' % (doc, code, title))
    return errors


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ('check', 'update'):
        sys.stderr.write(__doc__)
        return 2
    update = sys.argv[1] == 'update'
    errors = []
    for doc in sys.argv[2:]:
        errors += process(doc, update)
        if os.path.basename(doc) == 'diagnostics.md':
            errors += check_headings(doc)
    for e in errors:
        print('FAIL: ' + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
