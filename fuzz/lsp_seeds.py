#!/usr/bin/env python3
"""lsp_seeds.py OUTDIR POLICY... - seed sessions for fuzz_lsp (fuzz_lsp.c
gives the input format): for each policy, a session that opens it, edits
it incrementally, asks for every feature at a name's position, cancels a
request and shuts down; plus raw streams with a bad header and a bad body.

lsp_seeds.py --framed POLICY - the same session for POLICY as a client
writes it (initialize first, each message framed), on standard output:
tests/valgrind.sh runs `micac lsp` on it.
"""
import json
import os
import sys


def session(path, text):
    uri = 'file:///' + os.path.basename(path)
    lang = 'mica' if path.endswith('.mica') else 'yaml'
    td = {'uri': uri}
    at = text.find('\nrealm ')         # a declaration, not a comment
    line = text.count('\n', 0, at) + 1 if at >= 0 else 0
    pos = {'line': line, 'character': 7}
    msgs = [
        {'method': 'initialized', 'params': {}},
        {'method': 'textDocument/didOpen', 'params': {'textDocument': {
            'uri': uri, 'languageId': lang, 'version': 1, 'text': text}}},
        {'method': 'textDocument/didChange', 'params': {
            'textDocument': {'uri': uri, 'version': 2},
            'contentChanges': [{'range': {'start': pos, 'end': pos}, 'text': 'x'},
                               {'range': {'start': pos, 'end': {'line': line, 'character': 8}},
                                'text': ''}]}},
        {'id': 1, 'method': 'textDocument/hover', 'params': {'textDocument': td, 'position': pos}},
        {'id': 2, 'method': 'textDocument/definition', 'params': {'textDocument': td, 'position': pos}},
        {'id': 3, 'method': 'textDocument/references', 'params': {
            'textDocument': td, 'position': pos, 'context': {'includeDeclaration': True}}},
        {'id': 4, 'method': 'textDocument/rename', 'params': {
            'textDocument': td, 'position': pos, 'newName': 'renamed'}},
        {'id': 5, 'method': 'textDocument/documentSymbol', 'params': {'textDocument': td}},
        {'id': 6, 'method': 'textDocument/completion', 'params': {'textDocument': td, 'position': pos}},
        {'id': 7, 'method': 'textDocument/formatting', 'params': {
            'textDocument': td, 'options': {'tabSize': 4, 'insertSpaces': True}}},
        {'method': '$/cancelRequest', 'params': {'id': 8}},
        {'id': 8, 'method': 'textDocument/prepareRename', 'params': {'textDocument': td, 'position': pos}},
        {'method': 'textDocument/didSave', 'params': {'textDocument': td}},
        {'method': 'textDocument/didClose', 'params': {'textDocument': td}},
        {'id': 9, 'method': 'shutdown'},
        {'method': 'exit'},
    ]
    for m in msgs:
        m['jsonrpc'] = '2.0'
    return b'\x1e'.join(json.dumps(m, separators=(',', ':')).encode() for m in msgs)


def framed(path):
    text = open(path, encoding='utf-8', errors='replace').read()
    init = b'{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}'
    out = b''
    for body in [init] + session(path, text).split(b'\x1e'):
        out += b'Content-Length: %d\r\n\r\n' % len(body) + body
    sys.stdout.buffer.write(out)


def main():
    if sys.argv[1] == '--framed':
        framed(sys.argv[2])
        return
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        text = open(path, encoding='utf-8', errors='replace').read()
        name = path.replace('/', '_')
        # flags: initialize first, framed, fed in 7-byte chunks or at once
        for flags in (0x01, 0x01 | (1 << 2)):
            with open(os.path.join(out, '%s.%d' % (name, flags)), 'wb') as f:
                f.write(bytes([flags]) + session(path, text))
    body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'
    raw = (b'Content-Type: x\r\n\r\n' + body + b'Content-Length: %d\r\n\r\n' % len(body) + body +
           b'Content-Length: 5\r\n\r\n{"a":')
    with open(os.path.join(out, 'raw_bad_header'), 'wb') as f:
        f.write(bytes([0x02]) + raw)


if __name__ == '__main__':
    main()
