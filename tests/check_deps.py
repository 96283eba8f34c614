#!/usr/bin/env python3
"""check_deps.py - keeps micac's dependencies pointing one way.

  check_deps.py OBJDIR

Two rules (docs/architecture.md):

1. Includes never reach up. Each folder of compiler/ has a level; a file may
   include headers of its own folder and of lower levels only. Generated
   headers (parser.h, lexer.h) and the backend's (mica_*.h) are below all.
2. No cycles between source files. An edge A -> B means that A's object
   uses a symbol B's object defines (read with nm, so calls through any
   header count); a strongly connected component of more than one file is
   a cycle, reported with its files.

Exit status 0 when both hold, 1 with one line per violation otherwise.
"""
import os
import re
import subprocess
import sys

# Lowest first. The driver (compiler/frontend.c) sits between the stages
# and the commands; main.c is the program on top.
LEVELS = ['util', 'diag', 'syntax', 'sema', 'blob', 'flow', 'print',
          'scenario', 'verify', 'diff', '.', 'lsp', 'cmd', 'main']
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def level_of(path):
    """Level of a file under compiler/, by its folder."""
    rel = os.path.relpath(path, 'compiler')
    if rel == 'main.c':
        return LEVELS.index('main')
    folder = os.path.dirname(rel) or '.'
    if folder not in LEVELS:
        return None
    return LEVELS.index(folder)


def header_level(name):
    folder = os.path.dirname(name)
    if not folder:
        if os.path.exists(os.path.join('compiler', name)):
            return LEVELS.index('.')
        return -1           # generated or backend header: below everything
    return LEVELS.index(folder) if folder in LEVELS else None


def check_includes():
    errors = []
    for root, _, files in os.walk('compiler'):
        for f in sorted(files):
            if not re.search(r'\.(c|h|l|y|def)$', f):
                continue
            path = os.path.join(root, f)
            own = level_of(path)
            if own is None:
                errors.append('%s: folder has no level in tests/check_deps.py' % path)
                continue
            text = open(path, encoding='utf-8').read()
            for m in INCLUDE.finditer(text):
                lvl = header_level(m.group(1))
                line = text.count('\n', 0, m.start()) + 1
                if lvl is None:
                    errors.append('%s:%d: include "%s" names no stage folder'
                                  % (path, line, m.group(1)))
                elif lvl > own:
                    errors.append('%s:%d: include "%s" reaches up (%s above %s)'
                                  % (path, line, m.group(1), LEVELS[lvl],
                                     LEVELS[own]))
    return errors


def symbols(obj):
    out = subprocess.run(['nm', obj], capture_output=True, text=True,
                         check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'U':
            used.add(parts[1])
        elif len(parts) == 3 and parts[1] in 'TDBRC':
            defined.add(parts[2])
    return defined, used


def sccs(nodes, edges):
    """Tarjan's algorithm; returns the components of more than one node."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def check_cycles(objdir):
    objs = {}
    for root, _, files in os.walk(os.path.join(objdir, 'compiler')):
        for f in files:
            if f.endswith('.o'):
                path = os.path.join(root, f)
                src = os.path.relpath(path, objdir)[:-2] + '.c'
                objs[src] = symbols(path)
    if not objs:
        return ['%s: no objects under compiler/ (build first)' % objdir]
    owner = {}
    for src, (defined, _) in objs.items():
        for s in defined:
            owner[s] = src
    edges = {src: {owner[s] for s in used if s in owner and owner[s] != src}
             for src, (_, used) in objs.items()}
    return ['cycle: %s' % ' <-> '.join(c) for c in sccs(objs.keys(), edges)]


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    errors = check_includes() + check_cycles(sys.argv[1])
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
