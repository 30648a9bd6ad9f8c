#!/usr/bin/env python3
# Regenerates the evidence fixtures of `spbe check` (tests/check/<rule>/bad.yaml and good.yaml, the
# formats/repo folder and the pack used with --rubric). Run from the repository root after
# tests/gen_lint_fixtures.py; the files are committed, so the tests need no Python.
import os, shutil, hashlib
root = 'tests/check'
def evidence(overrides=None, head=None, drop=(), extra_lines=''):
    overrides = overrides or {}
    h = head if head is not None else 'rubric: spbe-2020\nagency:\n  name: Pemerintah Kabupaten Uji\nyear: 2024\n'
    lines = [h + 'indicators:\n']
    for i in range(1, 48):
        if i in drop: continue
        lines.append(overrides.get(i, f'  {i}: 1\n'))
    return ''.join(lines) + extra_lines
cases = {}
def case(rule, bad, good=None, files=None):
    cases[rule] = (bad, good if good is not None else evidence(), files or {})
HEAD = 'rubric: spbe-2020\nagency:\n  name: Pemerintah Kabupaten Uji\nyear: 2024\n'
case('yaml-syntax', evidence(head=HEAD.replace('year: 2024', 'year: [2024')))
case('empty-file', '')
case('key-type', evidence({5: '  [5, 6]: 2\n  5: 1\n'}))
case('duplicate-key', evidence({5: '  5: 1\n  5: 2\n'}))
case('unknown-key', evidence({5: '  5:\n    levle: 1\n    level: 1\n'}), evidence({5: '  5:\n    level: 1\n'}))
case('missing-key', evidence(head=HEAD.replace('year: 2024\n', '')))
case('type', evidence(head=HEAD.replace('agency:\n  name: Pemerintah Kabupaten Uji', 'agency: Pemerintah Kabupaten Uji')))
case('decimal-comma', evidence({5: '  5: 2,5\n'}))
case('not-integer', evidence({5: '  5: 2.5\n'}))
case('unknown-rubric', evidence(head=HEAD.replace('spbe-2020', 'spbe-2021')))
case('unknown-indicator', evidence(extra_lines='  48: 1\n'))
case('missing-indicator', evidence(drop=(46, 47)))
case('missing-level', evidence({5: '  5: null\n', 6: '  6:\n    level:\n    note: "belum dinilai"\n'}))
case('level-range', evidence({5: '  5: 0\n', 6: '  6: {level: 1, verified: 0}\n'}))
case('year-range', evidence(head=HEAD.replace('2024', '24')))
case('effort-range', evidence({5: '  5: {level: 1, effort: -2}\n'}), evidence({5: '  5: {level: 1, effort: 2}\n'}))
case('sha256-format', evidence({5: '  5:\n    level: 1\n    evidence:\n      - {title: Surat, sha256: abc123}\n'}))
case('date-format', evidence({5: '  5:\n    level: 1\n    evidence:\n      - {title: Surat, valid_until: 31-12-2026}\n'}))
case('verified-above-self', evidence({5: '  5:\n    level: 2\n    verified: 3\n    evidence: [Notulensi rapat]\n'}),
     evidence({5: '  5:\n    level: 3\n    verified: 2\n    evidence: [Notulensi rapat]\n'}))
case('no-evidence', evidence({5: '  5: 3\n', 6: '  6:\n    level: 2\n    note: "bukti menyusul"\n'}),
     evidence({5: '  5:\n    level: 3\n    evidence: [Peraturan Bupati]\n'}))
case('evidence-file-missing', evidence({5: '  5:\n    level: 2\n    evidence:\n      - {title: Perbup, file: bukti/tidak-ada.pdf}\n'}),
     evidence({5: '  5:\n    level: 2\n    evidence:\n      - {title: Perbup, file: bukti/perbup.txt}\n'}),
     {'bukti/perbup.txt': 'Peraturan Bupati Uji Nomor 1 Tahun 2024\n'})
doc = 'Surat Keputusan Tim SPBE\n'
good_hash = hashlib.sha256(doc.encode()).hexdigest()
case('sha256-mismatch', evidence({5: f'  5:\n    level: 2\n    evidence:\n      - title: SK Tim\n        file: bukti/sk-tim.txt\n        sha256: {hashlib.sha256(b"versi lama").hexdigest()}\n'}),
     evidence({5: f'  5:\n    level: 2\n    evidence:\n      - title: SK Tim\n        file: bukti/sk-tim.txt\n        sha256: {good_hash.upper()}\n'}),
     {'bukti/sk-tim.txt': doc})
case('evidence-expired', evidence({5: '  5:\n    level: 2\n    evidence:\n      - {title: SK Tim 2023, valid_until: 2024-06-30}\n'}),
     evidence({5: '  5:\n    level: 2\n    evidence:\n      - {title: SK Tim 2026, valid_until: 2026-11-30}\n'}))
# --rubric with a pack folder; the file names another rubric.
small = 'rubric: {r}\nagency: {{name: Kota Uji}}\nyear: 2025\nindicators: {{1: 1, 2: 1, 3: 1, 4: 1}}\n'
case('rubric-override', small.format(r='contoh-lama'), small.format(r='contoh'))
shutil.rmtree(root, ignore_errors=True)
for rule, (bad, good, files) in cases.items():
    d = f'{root}/{rule}'
    os.makedirs(d, exist_ok=True)
    open(f'{d}/bad.yaml', 'w').write(bad)
    open(f'{d}/good.yaml', 'w').write(good)
    for n, t in files.items():
        os.makedirs(os.path.dirname(f'{d}/{n}'), exist_ok=True)
        open(f'{d}/{n}', 'w').write(t)
# A folder of evidence files with findings of several rules, for the output formats and folder input.
d = f'{root}/formats/repo'
os.makedirs(f'{d}/2024/bukti', exist_ok=True)
os.makedirs(f'{d}/2025', exist_ok=True)
open(f'{d}/2024/bukti/sk-tim.txt', 'w').write(doc)
open(f'{d}/2024/kab-uji.yaml', 'w').write(evidence({
    3: '  3: 3\n',
    5: f'  5:\n    level: 2\n    verified: 3\n    evidence:\n      - title: "SK Tim, revisi: 2"\n        file: bukti/sk-tim.txt\n        sha256: {good_hash}\n        valid_until: 2025-06-30\n',
    9: '  9:\n    levle: 1\n'}))
open(f'{d}/2025/kab-uji.yml', 'w').write(evidence(head=HEAD.replace('2024', '2025'), extra_lines='  48: 1\n'))
open(f'{d}/2025/rusak.yaml', 'w').write('rubric: spbe-2020\nindicators: {1: 1\n')
open(f'{d}/catatan.txt', 'w').write('not an evidence file\n')
os.makedirs(f'{d}/.hidden', exist_ok=True)
open(f'{d}/.hidden/x.yaml', 'w').write('ignored: true\n')
# The pack that --rubric points to in the rubric-override case (tests/lint/*/good is the same pack).
os.makedirs(f'{root}/pack', exist_ok=True)
for n in ('pack.yaml', 'kebijakan.yaml', 'layanan.yaml'):
    shutil.copy(f'tests/lint/weights-sum/good/{n}', f'{root}/pack/{n}')
