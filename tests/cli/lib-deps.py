"""lib-deps.py LIBRARY: the calls between lib/'s modules, read from the
static library's symbols (nm), and the cycles among them.  The store's
files (store.c, store-*.c) are one module behind one private header.
Prints one "module -> modules it calls" line each, then each cycle as
"cycle: a b ..."; exits 1 when there is a cycle."""
import collections
import re
import subprocess
import sys


def module(obj):
    name = re.search(r'lib_([a-z0-9-]+)\.c\.o', obj).group(1)
    return 'store' if name.startswith('store') else name


defs, uses = {}, collections.defaultdict(set)
nm = subprocess.run(['nm', '-A', sys.argv[1]], capture_output=True,
                    text=True, check=True).stdout
for line in nm.splitlines():
    # libgendan.a:lib_dates.c.o:0000000000000000 T gd_date_parse
    parts = line.split(':', 2)
    if len(parts) != 3:
        continue
    obj, f = parts[1], parts[2].split()
    if len(f) == 3 and f[1] in 'TDBRC':
        defs[f[2]] = module(obj)
    elif len(f) == 2 and f[0] == 'U':
        uses[module(obj)].add(f[1])
calls = {m: sorted({defs[s] for s in syms if s in defs and defs[s] != m})
         for m, syms in uses.items()}
for m in sorted(calls):
    print(m, '->', ' '.join(calls[m]))

# Tarjan's strongly connected components: a component of more than one
# module is a cycle
index, low, stack, on, cycles = {}, {}, [], set(), []


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in calls.get(v, ()):
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
            cycles.append(sorted(comp))


for v in sorted(calls):
    if v not in index:
        visit(v)
for c in cycles:
    print('cycle:', ' '.join(c))
sys.exit(1 if cycles else 0)
