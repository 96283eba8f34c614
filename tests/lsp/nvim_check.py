#!/usr/bin/env python3
"""nvim_check.py MICAC - micac's Language Server in a real editor: Neovim's
built-in LSP client, headless (tests/lsp/nvim_test.lua), opens every example
and broken policy and must show exactly the diagnostics `micac check` reports,
at the same byte columns (after the round trip through LSP's UTF-16
positions), plus the hover text and definition jumps given below.

Prints one line per failure and "lsp-nvim: N passed, N failed"; skips, saying
so, when nvim is not installed (tests/install_deps.sh installs it)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lspclient import finish, yaml_detector  # noqa: E402
from protocol import policies, check_json  # noqa: E402

MICAC = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
EX = 'examples/policies/'

LEAK_DETECTOR = ('**realm detector**\n\n- trust: distrustful\n- measurement: `768412320f7b0aa58'
                 '12fce428dc4706b3cae50e02a64caa16a782249bfe8efc4b7ef1ccb126255d196047dfedf17a0a9'
                 '` (96 hex digits)\n- exits to the host: hostcall\n- grants: read `frames`\n'
                 '- calls: none\n')
LEAK_FRAMES = ('**region frames**\n\n- kind: protected\n- size: 2MiB\n'
               '- placement: at 0x4000000000 (placed by micac)\n'
               '- grants: `camera` write, `detector` read\n')
EXTRA = {
    EX + 'bad/leak_through_distrustful_hostcall.mica': {
        'hovers': [{'line': 21, 'col': 12, 'text': LEAK_DETECTOR},
                   {'line': 17, 'col': 9, 'text': LEAK_FRAMES}],
        'definitions': [{'line': 20, 'col': 12, 'to_line': 6, 'to_col': 6},
                        {'line': 21, 'col': 10, 'to_line': 11, 'to_col': 6}],
    },
}


def byte_diags(path):
    """check's diagnostics as vim.diagnostic holds them: 0-based lines and
    byte columns, the end exclusive."""
    lines = open(path, 'rb').read().split(b'\n')
    out = []
    for d in check_json(path):
        loc = d['location']
        if loc is None:
            out.append({'code': d['code'], 'lnum': 0, 'col': 0, 'end_lnum': 0, 'end_col': 0})
            continue
        el = lines[loc['end_line'] - 1].rstrip(b'\r')
        e = min(loc['end_column'] - 1, len(el))
        if e < len(el):
            e += 1
            while e < len(el) and (el[e] & 0xc0) == 0x80:
                e += 1
        out.append({'code': d['code'], 'lnum': loc['line'] - 1,
                    'col': min(loc['column'] - 1, len(lines[loc['line'] - 1].rstrip(b'\r'))),
                    'end_lnum': loc['end_line'] - 1, 'end_col': e})
    return out


def yaml_case():
    path = EX + 'video_analytics.yaml'
    decl, use, col = yaml_detector(os.path.join(ROOT, path))
    return path, {'definitions': [{'line': use, 'col': col + 3, 'to_line': decl, 'to_col': 2}]}


def main():
    if not shutil.which('nvim'):
        print('lsp-nvim: SKIPPED: nvim not found (tests/install_deps.sh installs neovim)',
              file=sys.stderr)
        return 0
    os.chdir(ROOT)
    extra = dict(EXTRA)
    yp, yc = yaml_case()
    extra[yp] = yc
    cases = []
    for p in policies():
        c = {'path': os.path.join(ROOT, p), 'diags': byte_diags(p)}
        c.update(extra.get(p, {}))
        cases.append(c)
    tmp = tempfile.mkdtemp()
    spec, out = os.path.join(tmp, 'spec.json'), os.path.join(tmp, 'out.txt')
    with open(spec, 'w') as f:
        json.dump({'micac': MICAC, 'root': ROOT, 'cases': cases}, f)
    env = dict(os.environ, LSP_SPEC=spec, LSP_OUT=out, XDG_CONFIG_HOME=tmp,
               XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp)
    r = subprocess.run(['nvim', '--headless', '--clean', '-n', '-c',
                        'luafile ' + os.path.join(HERE, 'nvim_test.lua')],
                       env=env, capture_output=True, timeout=600, stdin=subprocess.DEVNULL)
    passed = failed = 0
    lines = open(out).read().splitlines() if os.path.exists(out) else []
    for line in lines:
        if line.startswith('PASS '):
            passed += 1
        else:
            failed += 1
            print('FAIL: lsp-nvim: ' + line[5:], file=sys.stderr)
    want = len(cases) + sum(len(c.get('hovers', [])) + len(c.get('definitions', []))
                            for c in cases)
    if len(lines) != want:
        failed += 1
        print('FAIL: lsp-nvim: %d checks reported, %d expected (nvim exit %d)\n%s%s'
              % (len(lines), want, r.returncode, r.stdout.decode(errors='replace')[-2000:],
                 r.stderr.decode(errors='replace')[-2000:]), file=sys.stderr)
    shutil.rmtree(tmp)
    return finish('lsp-nvim', passed, failed)


if __name__ == '__main__':
    sys.exit(main())
