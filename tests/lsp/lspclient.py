"""lspclient.py - a scripted LSP client for micac's server: frames messages,
writes raw bytes when a test needs to, and reads answers with a deadline,
so a server that hangs fails the test instead of the suite."""
import json
import os
import select
import subprocess
import time


def frame(obj):
    body = json.dumps(obj, ensure_ascii=False).encode()
    return b'Content-Length: %d\r\n\r\n' % len(body) + body


def uri_of(path):
    return 'file://' + os.path.abspath(path)


class Client:
    def __init__(self, micac, timeout=20):
        self.p = subprocess.Popen([micac, 'lsp'], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.timeout = timeout
        self.buf = bytearray()
        self.next_id = 100

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj):
        obj = dict(obj, jsonrpc='2.0')
        self.raw(frame(obj))

    def notify(self, method, params=None):
        self.send({'method': method, 'params': params or {}})

    def request(self, method, params=None, msg_id=None):
        if msg_id is None:
            self.next_id += 1
            msg_id = self.next_id
        self.send({'id': msg_id, 'method': method, 'params': params or {}})
        return msg_id

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError('no answer from the server')
        r, _, _ = select.select([self.p.stdout], [], [], left)
        if not r:
            raise TimeoutError('no answer from the server')
        chunk = os.read(self.p.stdout.fileno(), 1 << 20)
        if not chunk:
            raise EOFError('the server closed its output')
        self.buf += chunk

    def recv(self):
        """The next message, header checked."""
        deadline = time.monotonic() + self.timeout
        while b'\r\n\r\n' not in self.buf:
            self._fill(deadline)
        h = self.buf.index(b'\r\n\r\n')
        head = bytes(self.buf[:h])
        assert head.startswith(b'Content-Length: '), head
        n = int(head[len(b'Content-Length: '):])
        del self.buf[:h + 4]
        while len(self.buf) < n:
            self._fill(deadline)
        body = bytes(self.buf[:n])
        del self.buf[:n]
        msg = json.loads(body)
        assert msg.pop('jsonrpc') == '2.0', msg
        return msg

    def call(self, method, params=None):
        """A request and its answer (notifications before it are kept)."""
        msg_id = self.request(method, params)
        return self.answer(msg_id)

    def answer(self, msg_id):
        self.pending = getattr(self, 'pending', [])
        while True:
            m = self.recv()
            if m.get('id') == msg_id and 'method' not in m:
                return m
            self.pending.append(m)

    def diagnostics(self, uri):
        """The next publishDiagnostics for URI."""
        self.pending = getattr(self, 'pending', [])
        for i, m in enumerate(self.pending):
            if m.get('method') == 'textDocument/publishDiagnostics' and m['params']['uri'] == uri:
                del self.pending[i]
                return m['params']['diagnostics']
        while True:
            m = self.recv()
            if m.get('method') == 'textDocument/publishDiagnostics' and m['params']['uri'] == uri:
                return m['params']['diagnostics']
            self.pending.append(m)

    def initialize(self, capabilities=None):
        return self.call('initialize', {'processId': None, 'rootUri': None,
                                        'capabilities': capabilities or {}})

    def open(self, path, text=None, lang=None):
        uri = uri_of(path)
        if text is None:
            with open(path, encoding='utf-8') as f:
                text = f.read()
        if lang is None:
            lang = 'mica' if path.endswith('.mica') else 'yaml'
        self.notify('textDocument/didOpen', {'textDocument': {
            'uri': uri, 'languageId': lang, 'version': 1, 'text': text}})
        return uri

    def wait(self):
        """Closes stdin and returns the exit status."""
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.p.wait(self.timeout)
        finally:
            self.p.stdout.close()
            self.p.stderr.close()

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
        self.wait()


def finish(suite, passed, failed):
    """Records the counts for tests/summary.sh and prints the closing line;
    returns the exit status."""
    res = os.environ.get('MICAC_RESULTS')
    if res:
        os.makedirs(res, exist_ok=True)
        with open(os.path.join(res, suite), 'w') as f:
            f.write('%d %d\n' % (passed, failed))
    print('%s: %d passed, %d failed' % (suite, passed, failed))
    return 1 if failed else 0


def yaml_detector(path):
    """In a YAML example: the line of realm detector's key, and the line and
    column of the first use of the name after it."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    decl = lines.index('  detector:')
    use = next(i for i, l in enumerate(lines) if i > decl and 'detector' in l)
    return decl, use, lines[use].index('detector')
