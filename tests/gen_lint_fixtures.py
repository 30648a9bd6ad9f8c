#!/usr/bin/env python3
# Regenerates the pack fixtures of `spbe lint` (tests/lint/<rule>/bad and good): a small valid pack
# and, per rule, a copy with one change that triggers it. Run from the repository root; the files
# are committed, so the tests need no Python.
import os, shutil
root = 'tests/lint'
MANIFEST = '''id: contoh
title: {id: Paket Uji, en: Test pack}
display: {precision: 2, rounding: half-up}
hierarchy:
  - {id: domain, plural: domains, name: {id: Domain, en: Domain}}
  - {id: aspect, plural: aspects, name: {id: Aspek, en: Aspect}}
scales:
  proses:
    name: {id: Proses, en: Process}
    levels:
      - {value: 1, name: {id: Rintisan, en: Initial}, criteria: "Tanpa perencanaan."}
      - {value: 2, name: {id: Terkelola, en: Managed}, criteria: "Sebagian unit kerja."}
      - {value: 3, name: {id: Terdefinisi, en: Defined}, criteria: "Semua unit kerja."}
predicates:
  - {name: {id: Baik, en: Good}, min: 2.5}
  - {name: {id: Cukup, en: Fair}, min: 1.5}
  - {name: {id: Kurang, en: Poor}, min: 1}
files: [kebijakan.yaml, layanan.yaml]
'''
KEBIJAKAN = '''id: kebijakan
name: {id: Kebijakan, en: Policy}
weight: 40
aspects:
  - id: "1"
    name: {id: Kebijakan Internal, en: Internal policy}
    weight: 40
    indicators:
      - id: "1"
        name: {id: Arsitektur, en: Architecture}
        weight: 25
      - id: "2"
        name: {id: Peta Rencana, en: Roadmap}
        weight: 15
'''
LAYANAN = '''id: layanan
name: {id: Layanan, en: Services}
weight: 60
aspects:
  - id: "2"
    name: {id: Layanan Publik, en: Public services}
    weight: 60
    indicators:
      - id: "3"
        name: {id: Pengaduan, en: Complaints}
        weight: 30
      - id: "4"
        name: {id: Perizinan, en: Licensing}
        weight: 30
'''
def write(d, files):
    os.makedirs(d, exist_ok=True)
    for n, t in files.items():
        with open(os.path.join(d, n), 'w') as f: f.write(t)
def sub(text, a, b):
    assert a in text, (a, text)
    return text.replace(a, b, 1)
base = {'pack.yaml': MANIFEST, 'kebijakan.yaml': KEBIJAKAN, 'layanan.yaml': LAYANAN}
cases = {}
def case(rule, file, a, b, good=None, extra=None, remove=None):
    bad = dict(base); bad[file] = sub(bad[file], a, b)
    if extra: bad.update(extra)
    if remove:
        for r in remove: del bad[r]
    cases[rule] = (bad, good or dict(base))
case('yaml-syntax', 'layanan.yaml', 'weight: 30\n      - id: "4"', 'weight: [30\n      - id: "4"')
case('empty-file', 'layanan.yaml', LAYANAN, '# to be written\n')
case('key-type', 'kebijakan.yaml', 'weight: 40\naspects', 'weight: 40\n[a, b]: 1\naspects')
case('duplicate-key', 'kebijakan.yaml', '        weight: 15\n', '        weight: 15\n        weight: 10\n')
case('unknown-key', 'layanan.yaml', '        weight: 30\n      - id: "4"', '        weight: 30\n        bobot: 30\n      - id: "4"')
case('missing-key', 'layanan.yaml', '        name: {id: Perizinan, en: Licensing}\n', '')
case('type', 'pack.yaml', 'files: [kebijakan.yaml, layanan.yaml]', 'files: kebijakan.yaml')
good_d = dict(base); good_d['kebijakan.yaml'] = sub(KEBIJAKAN, 'weight: 25', 'weight: 25.0')
case('decimal-comma', 'kebijakan.yaml', 'weight: 25', 'weight: 25,0', good=good_d)
case('not-integer', 'kebijakan.yaml', 'name: {id: Kebijakan, en: Policy}', 'number: 1.5\nname: {id: Kebijakan, en: Policy}')
good_w = dict(base); good_w['kebijakan.yaml'] = sub(sub(KEBIJAKAN, 'weight: 25', 'weight: 70/3'), 'weight: 15', 'weight: 50/3')
case('weights-sum', 'kebijakan.yaml', 'weight: 15', 'weight: 14.99', good=good_w)
case('weight-positive', 'layanan.yaml', 'weight: 30\n      - id: "4"', 'weight: 0\n      - id: "4"')
case('duplicate-id', 'layanan.yaml', 'id: "4"', 'id: "1"')
case('criteria', 'pack.yaml', ', criteria: "Semua unit kerja."}', '}')
case('predicate-bands', 'pack.yaml', 'min: 1}', 'min: 1.2}\n  - {name: {id: Sedang, en: Medium}, min: 2.5}\n  - {name: {id: Istimewa, en: Excellent}, min: 3.5}')
case('unknown-scale', 'kebijakan.yaml', '        weight: 15\n', '        weight: 15\n        scale: proses2\n')
case('scale', 'pack.yaml', 'criteria: "Semua unit kerja."}', 'criteria: "Semua unit kerja."}\n      - {value: 5, name: {id: Optimum, en: Optimal}, criteria: "Berkelanjutan."}')
case('hierarchy', 'pack.yaml', '''  - {id: aspect, plural: aspects, name: {id: Aspek, en: Aspect}}''', '''  - {id: aspect, plural: aspects, name: {id: Aspek, en: Aspect}}
  - {id: indicator, plural: indicators}''')
case('pack-files', 'pack.yaml', 'files: [kebijakan.yaml, layanan.yaml]', 'files: [kebijakan.yaml, layanan.yml]')
case('display', 'pack.yaml', 'rounding: half-up', 'rounding: half-even')
case('display-declared', 'pack.yaml', 'display: {precision: 2, rounding: half-up}\n', '')
case('stray-file', 'pack.yaml', 'files: [kebijakan.yaml, layanan.yaml]', 'files: [kebijakan.yaml, layanan.yaml]', extra={'layanan-lama.yaml': LAYANAN})
case('missing-translation', 'layanan.yaml', 'name: {id: Pengaduan, en: Complaints}', 'name: Pengaduan')
# A pack with findings of several rules, for the output formats.
multi = dict(base)
multi['pack.yaml'] = sub(sub(MANIFEST, 'display: {precision: 2, rounding: half-up}\n', ''), 'title:', 'titel: typo\ntitle:')
multi['kebijakan.yaml'] = sub(sub(KEBIJAKAN, 'weight: 15', 'weight: 14.99'), 'name: {id: Peta Rencana, en: Roadmap}', 'name: "Peta Rencana, 2024: revisi"')
multi['catatan.yaml'] = 'note: not part of the pack\n'
shutil.rmtree(root, ignore_errors=True)
for rule, (bad, good) in cases.items():
    write(f'{root}/{rule}/bad', bad)
    write(f'{root}/{rule}/good', good)
write(f'{root}/formats/bad', multi)
