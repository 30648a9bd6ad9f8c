#!/usr/bin/env python3
# Writes docs/rules.md from the rule registry in src/analysis/findings.cpp and the golden outputs
# of tests/golden/{lint,check}-<rule>/ (run from the repository root after updating them).
import re, os
src = open('src/analysis/findings.cpp').read()
body = src[src.index('std::vector<RuleInfo> rules = {'):src.index('std::sort(rules.begin()')]
# Tokenize: string literals (with escapes) and S::/R:: tokens, grouped by top-level { } entries.
entries = []
i = body.index('{') + 1
while True:
    start = body.find('{"', i)
    if start < 0: break
    j = start + 1
    toks = []; cur = None
    while True:
        c = body[j]
        if c == '"':
            k = j + 1; s = ''
            while body[k] != '"':
                if body[k] == '\\': s += body[k+1]; k += 2
                else: s += body[k]; k += 1
            if cur is None: cur = s
            else: cur += s
            j = k + 1
            continue
        if c == ',':
            if cur is not None: toks.append(cur); cur = None
        m = re.match(r'(S|R)::(\w+)', body[j:])
        if m: toks.append(m.group(0)); j += len(m.group(0)); continue
        if c == '}':
            if cur is not None: toks.append(cur)
            break
        j += 1
    entries.append(toks)
    i = j + 1
rules = []
for t in entries:
    rid, sev, scope, summary, help_ = t[0], t[1][3:], t[2][3:], t[3], t[4]
    rules.append((rid, sev, scope, summary, help_))
rules.sort()
def example(rid, scope):
    cands = []
    if scope in ('lint', 'common'): cands.append(f'tests/golden/lint-{rid}')
    if scope in ('check', 'common'): cands.append(f'tests/golden/check-{rid}')
    if rid == 'config': cands = ['tests/golden/lint-config-invalid']
    for c in cands:
        if not os.path.isdir(c): continue
        out = open(f'{c}/expected_stdout').read() + open(f'{c}/expected_stderr').read()
        lines = [l for l in out.splitlines() if f'[{rid}]' in l or (rid == 'config' and 'error' in l)]
        if lines:
            return c, open(f'{c}/args').read().strip(), lines[:2]
    return None
scope_name = {'common': '`lint` and `check`', 'lint': '`lint`', 'check': '`check`'}
out = ['# Rules of `spbe lint` and `spbe check`', '',
 'Every finding names its rule in brackets (`[weights-sum]`), in the `title` of GitHub annotations, as',
 '`ruleId` in SARIF and as `rule` in JSON. Severities are the defaults; change them or switch rules off in',
 '`.spbe.yaml` (see README, "spbe lint"). Each rule has a failing and a passing fixture under',
 '`tests/lint/<rule>/` (packs) or `tests/check/<rule>/` (evidence files) and a golden test in',
 '`tests/golden/lint-<rule>/` or `tests/golden/check-<rule>/`; the examples below are that test\'s real output.',
 '(Generated from the registry in src/analysis/findings.cpp and the golden outputs.)', '',
 '| Rule | Severity | Command | What it reports |', '|---|---|---|---|']
for rid, sev, scope, summary, help_ in rules:
    out.append(f'| [`{rid}`](#{rid}) | {sev} | {scope_name[scope]} | {summary} |')
out.append('')
for rid, sev, scope, summary, help_ in rules:
    out += [f'### `{rid}`', '', f'**{sev}** · {scope_name[scope]} · {summary}.', '', help_, '']
    ex = example(rid, scope)
    if ex:
        case, args, lines = ex
        out += [f'Example (`spbe {args}`):', '', '```', *lines, '```', '']
open('docs/rules.md', 'w').write('\n'.join(out))
print(len(rules))
