#!/usr/bin/env python3
"""protocol.py MICAC - micac's Language Server against a scripted client:
the protocol's edge cases (lifecycle, cancel, out-of-order and malformed
messages, huge documents, positions inside characters) and each feature,
asserting the exact answers. Diagnostics are compared, for every example
and every broken policy, with `micac check --format json` (same codes,
same ranges once byte columns are turned into UTF-16 units).

Prints one line per failure and "lsp-protocol: N passed, N failed"."""
import glob
import json
import os
import subprocess
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client, finish, frame, uri_of, yaml_detector  # noqa: E402

MICAC = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
os.chdir(ROOT)
EX = 'examples/policies/'
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def eq(got, want):
    if got != want:
        raise AssertionError('got  %s\nwant %s' % (json.dumps(got, ensure_ascii=False),
                                                   json.dumps(want, ensure_ascii=False)))


def started(caps=None):
    c = Client(MICAC)
    r = c.initialize(caps)
    assert 'result' in r, r
    return c


def err(msg_id, code, message):
    return {'id': msg_id, 'error': {'code': code, 'message': message}}


def pos(line, ch):
    return {'line': line, 'character': ch}


def rng(l1, c1, l2, c2):
    return {'start': pos(l1, c1), 'end': pos(l2, c2)}


# --- lifecycle -----------------------------------------------------------

@test
def initialize_answers_capabilities():
    c = Client(MICAC)
    eq(c.initialize(), {'id': 101, 'result': {
        'capabilities': {
            'positionEncoding': 'utf-16',
            'textDocumentSync': {'openClose': True, 'change': 2, 'save': {'includeText': False}},
            'hoverProvider': True, 'definitionProvider': True, 'referencesProvider': True,
            'documentSymbolProvider': True, 'documentFormattingProvider': True,
            'renameProvider': {'prepareProvider': True},
            'completionProvider': {'triggerCharacters': [' ', '>', ':']}},
        'serverInfo': {'name': 'micac', 'version': '0.1.0'}}})
    eq(c.call('initialize', {'capabilities': {}}),
       err(102, -32600, 'the server is already initialized'))
    c.kill()


@test
def request_before_initialize_is_refused():
    c = Client(MICAC)
    c.open(EX + 'video_analytics.mica')          # dropped: not initialized
    eq(c.call('textDocument/hover', {'textDocument': {'uri': 'file:///x.mica'},
                                     'position': pos(0, 0)}),
       err(101, -32002, 'the server is not initialized yet'))
    c.initialize()
    eq(c.call('textDocument/documentSymbol',
              {'textDocument': {'uri': uri_of(EX + 'video_analytics.mica')}}),
       err(103, -32602, 'the document is not open: ' + uri_of(EX + 'video_analytics.mica')))
    c.kill()


@test
def shutdown_then_exit_is_status_0():
    c = started()
    eq(c.call('shutdown'), {'id': 102, 'result': None})
    eq(c.call('textDocument/hover', {}), err(103, -32600, 'the server is shutting down'))
    c.notify('exit')
    eq(c.wait(), 0)


@test
def exit_without_shutdown_is_status_1():
    c = started()
    c.notify('exit')
    eq(c.wait(), 1)


@test
def end_of_input_without_exit_is_status_1():
    c = started()
    eq(c.wait(), 1)


@test
def bytes_after_exit_are_ignored():
    c = started()
    c.raw(frame({'jsonrpc': '2.0', 'id': 1, 'method': 'shutdown'}) +
          frame({'jsonrpc': '2.0', 'method': 'exit'}) +
          frame({'jsonrpc': '2.0', 'id': 2, 'method': 'shutdown'}))
    eq(c.recv(), {'id': 1, 'result': None})
    eq(c.wait(), 0)
    eq(bytes(c.buf), b'')


# --- cancellation and order ----------------------------------------------

@test
def cancelled_request_is_answered_request_cancelled():
    c = started()
    uri = c.open(EX + 'video_analytics.mica')
    hover = {'jsonrpc': '2.0', 'id': 7, 'method': 'textDocument/hover',
             'params': {'textDocument': {'uri': uri}, 'position': pos(29, 7)}}
    # The request and its cancellation arrive together: the server has not
    # started on it yet, so it is cancelled.
    c.raw(frame(hover) + frame({'jsonrpc': '2.0', 'method': '$/cancelRequest',
                                'params': {'id': 7}}))
    eq(c.answer(7), err(7, -32800, 'the request was cancelled'))
    # A cancellation that comes after the answer changes nothing.
    c.raw(frame(dict(hover, id=8)))
    assert 'result' in c.answer(8)
    c.notify('$/cancelRequest', {'id': 8})
    eq(c.call('shutdown'), {'id': 102, 'result': None})
    c.kill()


@test
def out_of_order_and_unknown_messages():
    c = started()
    # A response to a request the server never sent, a change and a close
    # for a document never opened, unknown notifications: all ignored.
    c.send({'id': 55, 'result': {}})
    c.notify('textDocument/didChange', {'textDocument': {'uri': 'file:///nope.mica'},
                                        'contentChanges': [{'text': 'x'}]})
    c.notify('textDocument/didClose', {'textDocument': {'uri': 'file:///nope.mica'}})
    c.notify('$/setTrace', {'value': 'off'})
    c.notify('workspace/didChangeConfiguration', {'settings': {}})
    eq(c.call('workspace/symbol', {'query': ''}),
       err(102, -32601, "micac's server does not handle this method"))
    eq(c.call('textDocument/hover', {'position': pos(0, 0)}),
       err(103, -32602, 'params.textDocument.uri is missing'))
    c.send({'id': {'a': 1}, 'method': 'shutdown'})
    eq(c.recv(), err(None, -32600, '"id" must be a number or a string'))
    c.send({'id': 9, 'method': 42})
    eq(c.recv(), err(9, -32600, '"method" must be a string'))
    c.raw(frame([1, 2]))
    eq(c.recv(), err(None, -32600, 'a message must be a JSON object'))
    c.send({'id': 'str-id', 'method': 'shutdown'})
    eq(c.recv(), {'id': 'str-id', 'result': None})
    eq(getattr(c, 'pending', []), [])
    c.kill()


# --- framing -------------------------------------------------------------

@test
def bad_json_is_a_parse_error_and_the_stream_goes_on():
    c = started()
    c.raw(b'Content-Length: 5\r\n\r\n{oops')
    eq(c.recv(), err(None, -32700,
                     "the message is not JSON: string or '}' expected near 'oops' "
                     "(line 1, column 5)"))
    body = '"\\ud800"'.encode()            # a lone surrogate is not Unicode
    c.raw(b'Content-Length: %d\r\n\r\n' % len(body) + body)
    m = c.recv()
    eq((m['id'], m['error']['code']), (None, -32700))
    eq(c.call('shutdown'), {'id': 102, 'result': None})
    c.kill()


@test
def header_without_content_length_is_skipped():
    c = started()
    c.raw(b'Content-Type: application/vscode-jsonrpc\r\n\r\n')
    eq(c.recv(), err(None, -32700, 'message header without Content-Length was skipped'))
    # A body sent with no header runs into the next header: it is dropped,
    # the message after it is read.
    c.raw(b'{"jsonrpc":"2.0","id":1,"method":"shutdown"}' +
          frame({'jsonrpc': '2.0', 'id': 2, 'method': 'shutdown'}))
    eq(c.recv(), err(None, -32700, 'bytes before a message header were skipped'))
    eq(c.recv(), {'id': 2, 'result': None})
    c.kill()


@test
def content_length_forms():
    c = started()
    body = b'{"jsonrpc":"2.0","id":3,"method":"shutdown"}'
    c.raw(b'Content-Length: x1\r\n\r\n')
    eq(c.recv(), err(None, -32700, 'Content-Length is not a decimal number; message skipped'))
    # Case-insensitive name, other headers around it, split in every place.
    msg = b'content-type: a\r\nCONTENT-LENGTH:  %d \r\n\r\n' % len(body) + body
    for i in range(len(msg)):
        c.raw(msg[i:i + 1])
    eq(c.recv(), {'id': 3, 'result': None})
    c.kill()


@test
def message_over_the_limit_is_skipped():
    c = started()
    n = 64 * 1024 * 1024 + 1
    c.raw(b'Content-Length: %d\r\n\r\n' % n)
    eq(c.recv(), err(None, -32600, "message larger than the server's 64 MiB limit was skipped"))
    chunk = b' ' * (1 << 20)
    for _ in range(n // len(chunk)):
        c.raw(chunk)
    c.raw(b' ' * (n % len(chunk)))
    eq(c.call('shutdown'), {'id': 102, 'result': None})
    c.kill()


@test
def huge_document():
    # 100,000 realms (3.4 MB): diagnostics, then hover on the last one.
    n = 100000
    text = 'policy big { version 1; }\n' + ''.join(
        'realm r%d { trust untrusted; }\n' % i for i in range(n))
    c = started()
    c.timeout = 120
    uri = c.open('/tmp/big.mica', text)
    diags = c.diagnostics(uri)
    assert all(d['code'] == 'W0104' for d in diags), diags[:3]
    eq(len(diags), n)
    h = c.call('textDocument/hover', {'textDocument': {'uri': uri}, 'position': pos(n, 7)})
    eq(h['result']['range'], rng(n, 6, n, 6 + len('r%d' % (n - 1))))
    assert h['result']['contents']['value'].startswith('**realm r%d**' % (n - 1))
    c.kill()


# --- positions -----------------------------------------------------------

EMOJI_DOC = ('policy p { version 1; }\n'
             'realm /* 😀é */ cam { trust trustedd; }\n')


@test
def diagnostics_count_utf16_units():
    c = started()
    uri = c.open('/tmp/emoji.mica', EMOJI_DOC)
    d = c.diagnostics(uri)
    # "realm /* " is 9 units, the emoji 2, "é" 1, " */ cam { trust " 16.
    eq([(x['code'], x['range']) for x in d], [('E0217', rng(1, 28, 1, 36))])
    c.kill()


@test
def utf8_positions_when_the_client_asks():
    c = started({'general': {'positionEncodings': ['utf-8', 'utf-16']}})
    uri = c.open('/tmp/emoji.mica', EMOJI_DOC)
    d = c.diagnostics(uri)
    eq([x['range'] for x in d], [rng(1, 31, 1, 39)])
    c.kill()


@test
def positions_inside_characters_and_past_ends():
    c = started()
    uri = c.open('/tmp/emoji.mica', EMOJI_DOC.replace('trustedd', 'trusted'))
    c.diagnostics(uri)
    tdoc = {'uri': uri}
    # Between the two halves of the surrogate pair: the start of the emoji.
    c.notify('textDocument/didChange', {'textDocument': tdoc, 'contentChanges': [
        {'range': rng(1, 10, 1, 10), 'text': 'X'}]})
    c.diagnostics(uri)
    # Past the line's end: its end; past the last line: the document's end.
    c.raw(frame({'jsonrpc': '2.0', 'method': 'textDocument/didChange', 'params': {
        'textDocument': tdoc, 'contentChanges': [
        {'range': rng(0, 999, 0, 999), 'text': ' // a'},
        {'range': rng(99, 0, 99, 5), 'text': '// end\n'},
        # start after end: the same range (`cam`, after the X inserted above)
        {'range': rng(1, 20, 1, 17), 'text': 'dog'},
        {'range': {'start': pos(-1, 0), 'end': pos(0, 0)}, 'text': 'ignored'}]}}))
    m = c.recv()
    eq(m['method'], 'window/logMessage')
    eq(m['params']['message'], 'micac: a malformed content change was ignored')
    c.diagnostics(uri)
    r = c.call('textDocument/formatting', {'textDocument': tdoc, 'options': {}})
    eq(r['result'][0]['newText'],
       'policy p {\n    version 1;\n}  // a\n\n'
       'realm dog {  /* X😀é */\n    trust trusted;\n}\n// end\n')
    c.kill()


# --- diagnostics are check's ----------------------------------------------

def utf16_col(line_bytes, byte_col0):
    return len(line_bytes[:byte_col0].decode('utf-8').encode('utf-16-le')) // 2


def check_json(path):
    """`micac check`'s diagnostics of PATH, every one."""
    out = subprocess.run([MICAC, 'check', '--format', 'json', '--max-errors', '0', path],
                         capture_output=True).stdout
    return json.loads(out)['diagnostics']


def check_ranges(path):
    lines = open(path, 'rb').read().split(b'\n')
    want = []
    for d in check_json(path):
        loc = d['location']
        if loc is None:
            want.append((d['code'], rng(0, 0, 0, 0)))
            continue
        sl, el = lines[loc['line'] - 1], lines[loc['end_line'] - 1].rstrip(b'\r')
        start = utf16_col(sl, loc['column'] - 1)
        e0 = min(loc['end_column'] - 1, len(el))
        e1 = e0
        if e0 < len(el):            # past the last character (UTF-8 lead byte)
            e1 += 1
            while e1 < len(el) and (el[e1] & 0xc0) == 0x80:
                e1 += 1
        want.append((d['code'], rng(loc['line'] - 1, start, loc['end_line'] - 1,
                                    utf16_col(el, e1))))
    return want


def policies():
    for p in sorted(glob.glob(EX + '*.mica') + glob.glob(EX + '*.yaml') +
                    glob.glob(EX + 'bad/*.mica') + glob.glob(EX + 'bad/*.yaml')):
        data = open(p, 'rb').read()
        try:
            data.decode('utf-8')
        except UnicodeDecodeError:
            continue            # an editor cannot send it as JSON text
        if b'\0' in data:
            continue
        yield p


def make_same_as_check(path):
    def t():
        c = started()
        uri = c.open(path)
        got = [(d['code'], d['range']) for d in c.diagnostics(uri)]
        eq(got, check_ranges(path))
        c.kill()
    t.__name__ = 'same_as_check:' + path
    return t


for _p in policies():
    TESTS.append(make_same_as_check(_p))


@test
def related_information_for_witness_and_first_declaration():
    c = started()
    uri = c.open(EX + 'bad/realm_declared_twice.mica')
    d = c.diagnostics(uri)
    eq(d, [{'range': rng(9, 6, 9, 12), 'severity': 1, 'code': 'E0203', 'source': 'micac',
             'message': "'worker' is declared twice\nhelp: realms and regions share one "
                        "namespace: rename one of them",
             'relatedInformation': [{'location': {'uri': uri, 'range': rng(4, 6, 4, 12)},
                                     'message': 'first declared here'}]}])
    uri = c.open(EX + 'bad/leak_through_distrustful_hostcall.mica')
    d = c.diagnostics(uri)
    eq([(r['location']['range'], r['message']) for r in d[0]['relatedInformation']],
       [(rng(20, 4, 20, 23), "camera -> detector   (region 'frames': camera writes, "
                              "detector reads)"),
        (rng(14, 4, 14, 13), 'detector -> host     (detector may use hostcall)')])
    c.kill()


@test
def incremental_edits_update_diagnostics():
    c = started()
    path = EX + 'video_analytics.mica'
    uri = c.open(path)
    eq(c.diagnostics(uri), [])
    lines = open(path).read().split('\n')
    ln = lines.index('realm detector {') + 1
    assert lines[ln].startswith('    trust distrustful;'), lines[ln]
    c.notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': 2},
             'contentChanges': [{'range': rng(ln, 10, ln, 21), 'text': 'trusty'}]})
    eq([(d['code'], d['range']) for d in c.diagnostics(uri)], [('E0217', rng(ln, 10, ln, 16))])
    c.notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': 3},
             'contentChanges': [{'range': rng(ln, 10, ln, 16), 'text': 'distrustful'}]})
    eq(c.diagnostics(uri), [])
    c.notify('textDocument/didSave', {'textDocument': {'uri': uri}})
    eq(c.diagnostics(uri), [])
    c.notify('textDocument/didClose', {'textDocument': {'uri': uri}})
    eq(c.diagnostics(uri), [])
    c.kill()


@test
def language_from_percent_encoded_uri():
    # No languageId the server knows: the language comes from the URI's
    # path, percent-decoded (%2E is '.'), as `check` takes it from the name.
    c = started()
    text = 'policy:\n  name: p\n  version: 1\nrealms:\n  a:\n    trust: trustd\n'
    c.notify('textDocument/didOpen', {'textDocument': {
        'uri': 'file:///tmp/my%20policy%2Eyaml', 'languageId': 'plaintext', 'version': 1,
        'text': text}})
    eq([(d['code'], d['range']) for d in c.diagnostics('file:///tmp/my%20policy%2Eyaml')],
       [('E0217', rng(5, 11, 5, 17))])
    c.kill()


# --- features --------------------------------------------------------------

LEAK = EX + 'bad/leak_through_distrustful_hostcall.mica'


@test
def hover_on_realm_and_region():
    c = started()
    uri = c.open(LEAK)
    td = {'uri': uri}
    eq(c.call('textDocument/hover', {'textDocument': td, 'position': pos(21, 12)})['result'],
       {'contents': {'kind': 'markdown', 'value':
        '**realm detector**\n\n- trust: distrustful\n- measurement: `768412320f7b0aa5812fce4'
        '28dc4706b3cae50e02a64caa16a782249bfe8efc4b7ef1ccb126255d196047dfedf17a0a9` '
        '(96 hex digits)\n- exits to the host: hostcall\n- grants: read `frames`\n'
        '- calls: none\n'}, 'range': rng(21, 10, 21, 18)})
    eq(c.call('textDocument/hover', {'textDocument': td, 'position': pos(17, 9)})['result'],
       {'contents': {'kind': 'markdown', 'value':
        '**region frames**\n\n- kind: protected\n- size: 2MiB\n'
        '- placement: at 0x4000000000 (placed by micac)\n'
        '- grants: `camera` write, `detector` read\n'}, 'range': rng(17, 7, 17, 13)})
    # On a keyword, a comment or past the end: nothing.
    eq(c.call('textDocument/hover', {'textDocument': td, 'position': pos(17, 2)})['result'], None)
    eq(c.call('textDocument/hover', {'textDocument': td, 'position': pos(900, 0)})['result'], None)
    c.kill()


@test
def hover_calls_and_exits():
    c = started()
    uri = c.open(EX + 'video_analytics.mica')
    text = open(EX + 'video_analytics.mica').read().split('\n')
    ln = text.index('realm uploader {')
    v = c.call('textDocument/hover', {'textDocument': {'uri': uri},
                                      'position': pos(ln, 8)})['result']['contents']['value']
    eq(v, '**realm uploader**\n\n- trust: untrusted\n- measurement: none\n'
          '- exits to the host: hostcall\n- grants: read `reports`\n'
          '- calls: ← `aggregator` (oneway)\n')
    c.kill()


@test
def definition_and_references():
    c = started()
    uri = c.open(LEAK)
    td = {'uri': uri}
    eq(c.call('textDocument/definition', {'textDocument': td, 'position': pos(20, 16)})['result'],
       {'uri': uri, 'range': rng(6, 6, 6, 12)})      # cursor just after `camera`
    eq(c.call('textDocument/references', {'textDocument': td, 'position': pos(6, 8),
                                          'context': {'includeDeclaration': True}})['result'],
       [{'uri': uri, 'range': rng(6, 6, 6, 12)}, {'uri': uri, 'range': rng(20, 10, 20, 16)}])
    eq(c.call('textDocument/references', {'textDocument': td, 'position': pos(6, 8),
                                          'context': {'includeDeclaration': False}})['result'],
       [{'uri': uri, 'range': rng(20, 10, 20, 16)}])
    c.kill()


@test
def definition_in_yaml():
    c = started()
    path = EX + 'video_analytics.yaml'
    uri = c.open(path)
    decl, use, col = yaml_detector(path)
    eq(c.call('textDocument/definition', {'textDocument': {'uri': uri},
                                          'position': pos(use, col + 2)})['result'],
       {'uri': uri, 'range': rng(decl, 2, decl, 10)})
    c.kill()


@test
def rename_realm():
    c = started()
    uri = c.open(LEAK)
    td = {'uri': uri}
    eq(c.call('textDocument/prepareRename', {'textDocument': td, 'position': pos(21, 12)}),
       {'id': 102, 'result': {'range': rng(21, 10, 21, 18), 'placeholder': 'detector'}})
    eq(c.call('textDocument/rename', {'textDocument': td, 'position': pos(21, 12),
                                      'newName': 'scanner'})['result'],
       {'changes': {uri: [{'range': rng(11, 6, 11, 14), 'newText': 'scanner'},
                          {'range': rng(21, 10, 21, 18), 'newText': 'scanner'}]}})
    for name, why in (('frames', 'that name is already declared'), ('grant', 'that is a keyword'),
                      ('host', '`host` is the built-in principal'),
                      ('a-b', "a name has only ASCII letters, digits and '_'"),
                      ('9x', "a name starts with a letter or '_'")):
        r = c.call('textDocument/rename', {'textDocument': td, 'position': pos(21, 12),
                                           'newName': name})
        eq(r['error'], {'code': -32803,
                        'message': "cannot rename 'detector' to '%s': %s" % (name, why)})
    r = c.call('textDocument/rename', {'textDocument': td, 'position': pos(4, 8), 'newName': 'x'})
    eq(r['error'], {'code': -32803,
                    'message': 'only a declared realm or region can be renamed here'})
    c.kill()


@test
def document_symbols():
    c = started()
    uri = c.open('/tmp/s.mica', 'policy p { version 1; }\nrealm a { trust trusted; }\n'
                 'region m {\n  kind protected;\n  size 4KiB;\n  grant a read;\n}\n'
                 'call a -> a;\n')
    eq(c.call('textDocument/documentSymbol', {'textDocument': {'uri': uri}})['result'], [
        {'name': 'p', 'kind': 2, 'range': rng(0, 0, 0, 20), 'selectionRange': rng(0, 7, 0, 8)},
        {'name': 'a', 'kind': 5, 'range': rng(1, 0, 1, 24), 'selectionRange': rng(1, 6, 1, 7)},
        {'name': 'm', 'kind': 23, 'range': rng(2, 0, 5, 15), 'selectionRange': rng(2, 7, 2, 8),
         'children': [{'name': 'grant a read', 'kind': 8, 'range': rng(5, 2, 5, 15),
                       'selectionRange': rng(5, 8, 5, 9)}]},
        {'name': 'call a -> a', 'kind': 24, 'range': rng(7, 0, 7, 12),
         'selectionRange': rng(7, 0, 7, 12)}])
    c.kill()


def labels(r):
    return [i['label'] for i in r['result']]


@test
def completion_by_context():
    c = started()
    text = ('policy p { version 1; }\nrealm cam { trust  }\nrealm det { trust trusted; }\n'
            'region m { kind  grant cam  }\ncall det -> \nassert no flow cam -> \n')
    uri = c.open('/tmp/c.mica', text)
    td = {'uri': uri}
    eq(labels(c.call('textDocument/completion', {'textDocument': td, 'position': pos(1, 18)})),
       ['trusted', 'distrustful', 'untrusted'])
    eq(labels(c.call('textDocument/completion', {'textDocument': td, 'position': pos(3, 16)})),
       ['protected', 'unprotected'])
    eq(labels(c.call('textDocument/completion', {'textDocument': td, 'position': pos(3, 27)})),
       ['read', 'write', 'readwrite'])
    # A call cannot name the host (E0215); an assert can.
    eq(labels(c.call('textDocument/completion', {'textDocument': td, 'position': pos(4, 12)})),
       ['cam', 'det'])
    eq(labels(c.call('textDocument/completion', {'textDocument': td, 'position': pos(5, 22)})),
       ['cam', 'det', 'host'])
    every = labels(c.call('textDocument/completion', {'textDocument': td, 'position': pos(6, 0)}))
    for w in ('policy', 'realm', 'region', 'measurement', 'oneway', 'sha384', 'readwrite',
              'cam', 'm', 'host'):
        assert w in every, (w, every)
    c.kill()


@test
def formatting_is_fmt():
    c = started()
    text = 'policy p {version 1;}\n// the camera\nrealm a {trust trusted;}\n'
    uri = c.open('/tmp/f.mica', text)
    fmt = subprocess.run([MICAC, 'fmt', '-'], input=text.encode(), capture_output=True).stdout
    eq(c.call('textDocument/formatting', {'textDocument': {'uri': uri}, 'options': {}})['result'],
       [{'range': rng(0, 0, 3, 0), 'newText': fmt.decode()}])
    c.notify('textDocument/didChange', {'textDocument': {'uri': uri},
                                        'contentChanges': [{'text': fmt.decode()}]})
    eq(c.call('textDocument/formatting', {'textDocument': {'uri': uri}, 'options': {}})['result'],
       [])
    c.notify('textDocument/didChange', {'textDocument': {'uri': uri},
                                        'contentChanges': [{'text': 'policy p {'}]})
    eq(c.call('textDocument/formatting', {'textDocument': {'uri': uri}, 'options': {}})['error'],
       {'code': -32803, 'message': 'the document has syntax errors; fix them to format it'})
    y = c.open(EX + 'clean_room.yaml')
    eq(c.call('textDocument/formatting', {'textDocument': {'uri': y}, 'options': {}})['result'],
       [])
    c.kill()


def main():
    only = sys.argv[2] if len(sys.argv) > 2 else None
    passed = failed = 0
    for t in TESTS:
        if only and only not in t.__name__:
            continue
        try:
            t()
            passed += 1
        except Exception:       # noqa: BLE001 - every failure is reported
            failed += 1
            print('FAIL: lsp-protocol: %s\n%s' % (t.__name__, traceback.format_exc()),
                  file=sys.stderr)
    return finish('lsp-protocol', passed, failed)


if __name__ == '__main__':
    sys.exit(main())
