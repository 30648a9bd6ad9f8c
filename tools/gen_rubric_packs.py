#!/usr/bin/env python3
"""Generate the SPBE rubric packs under rubrics/.

rubrics/spbe-2020/ is built from two reference files:

  * ../shared/reference/permenpanrb-59-2020-indicators.yaml  (PermenPANRB 59/2020: structure, weights,
    level scales, predicates, questions and level criteria, verbatim)
  * ../shared/reference/pedoman-3-2024-bukti-dukung.md       (Pedoman Menteri PANRB 3/2024: Ketentuan
    Penilaian, Contoh Bukti Dukung and the per-level fulfilment / evidence table)

rubrics/spbe-2018/ is built from the PermenPANRB 5/2018 facts listed in ../shared/fixtures/README.md,
transcribed into PACK_2018_* below (the regulation text itself was not available).

Usage:
  python3 tools/gen_rubric_packs.py                 # write the packs, then validate them
  python3 tools/gen_rubric_packs.py --check         # write nothing; fail if the files on disk are stale
                                                    # or do not validate
Paths default to locations relative to the repository root; see --help.

The YAML is emitted by hand (not yaml.dump) so that it stays readable: block style, two-space indent,
"double-quoted" one-line strings for short text, `>-` folded blocks for long one-paragraph text and `|-`
literal blocks for text with line breaks. The output is deterministic.
"""

import argparse
import os
import re
import sys
from decimal import Decimal
from fractions import Fraction

import yaml

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INDICATORS = os.path.join(REPO_ROOT, "..", "shared", "reference", "permenpanrb-59-2020-indicators.yaml")
DEFAULT_PEDOMAN = os.path.join(REPO_ROOT, "..", "shared", "reference", "pedoman-3-2024-bukti-dukung.md")
DEFAULT_FIXTURES = os.path.join(REPO_ROOT, "..", "shared", "fixtures")
DEFAULT_OUT = os.path.join(REPO_ROOT, "rubrics")

WIDTH = 110  # target line width for folded blocks; one-line quoted strings may run to QUOTED_MAX
QUOTED_MAX = 132


# ---------------------------------------------------------------------------------------------------------
# English names (informal translations; the Indonesian text is authoritative)
# ---------------------------------------------------------------------------------------------------------

DOMAIN_IDS_2020 = {1: "policy", 2: "governance", 3: "management", 4: "services"}
DOMAIN_FILES_2020 = {1: "policy.yaml", 2: "governance.yaml", 3: "management.yaml", 4: "services.yaml"}

DOMAIN_EN_2020 = {
    1: "Internal SPBE Policy",
    2: "SPBE Governance",
    3: "SPBE Management",
    4: "SPBE Services",
}

ASPECT_EN_2020 = {
    1: "Internal policy on SPBE governance",
    2: "SPBE strategic planning",
    3: "Information and communication technology",
    4: "SPBE organisers",
    5: "Implementation of SPBE management",
    6: "ICT audit",
    7: "Electronic government administration services",
    8: "Electronic public services",
}

INDICATOR_EN_2020 = {
    1: "Maturity of the internal policy on the agency's SPBE architecture",
    2: "Maturity of the internal policy on the agency's SPBE roadmap",
    3: "Maturity of the internal policy on data management",
    4: "Maturity of the internal policy on SPBE application development",
    5: "Maturity of the internal policy on data centre services",
    6: "Maturity of the internal policy on the agency's intranet services",
    7: "Maturity of the internal policy on use of the agency's service connector system",
    8: "Maturity of the internal policy on information security management",
    9: "Maturity of the internal policy on ICT audit",
    10: "Maturity of the internal policy on the agency's SPBE coordination team",
    11: "Maturity of the agency's SPBE architecture",
    12: "Maturity of the agency's SPBE roadmap",
    13: "Maturity of integrated SPBE planning and budgeting",
    14: "Maturity of SPBE business process innovation",
    15: "Maturity of SPBE application development",
    16: "Maturity of data centre services",
    17: "Maturity of the agency's intranet services",
    18: "Maturity of use of the agency's service connector system",
    19: "Maturity of the operation of the agency's SPBE coordination team",
    20: "Maturity of collaboration in SPBE implementation",
    21: "Maturity of SPBE risk management",
    22: "Maturity of information security management",
    23: "Maturity of data management",
    24: "Maturity of ICT asset management",
    25: "Maturity of human resource competence",
    26: "Maturity of knowledge management",
    27: "Maturity of change management",
    28: "Maturity of SPBE service management",
    29: "Maturity of SPBE infrastructure audits",
    30: "Maturity of SPBE application audits",
    31: "Maturity of SPBE security audits",
    32: "Maturity of the planning service",
    33: "Maturity of the budgeting service",
    34: "Maturity of the financial management service",
    35: "Maturity of the procurement of goods and services service",
    36: "Maturity of the personnel management service",
    37: "Maturity of the active records management service",
    38: "Maturity of the state/regional property management service",
    39: "Maturity of the government internal oversight service",
    40: "Maturity of the organisational performance accountability service",
    41: "Maturity of the employee performance service",
    42: "Maturity of the public service complaints service",
    43: "Maturity of the open data service",
    44: "Maturity of the Legal Documentation and Information Network (JDIH)",
    45: "Maturity of sectoral public service 1",
    46: "Maturity of sectoral public service 2",
    47: "Maturity of sectoral public service 3",
}

SCALE_EN = {
    "process": "Process capability maturity",
    "service": "Service capability maturity",
}

LEVEL_EN = {
    "process": {1: "Initial", 2: "Managed", 3: "Defined", 4: "Integrated and measured", 5: "Optimal"},
    "service": {1: "Information", 2: "Interaction", 3: "Transaction", 4: "Collaboration", 5: "Optimal"},
}

PREDICATE_EN = {
    "Memuaskan": "Excellent",  # above "Very good" for an English reader; "Satisfactory" read as below "Good"
    "Sangat Baik": "Very good",
    "Baik": "Good",
    "Cukup": "Fair",
    "Kurang": "Poor",
}

INDONESIAN_MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}

HIERARCHY = [
    {"id": "domain", "plural": "domains", "name": ("Domain", "Domain")},
    {"id": "aspect", "plural": "aspects", "name": ("Aspek", "Aspect")},
]


# ---------------------------------------------------------------------------------------------------------
# PermenPANRB 5/2018 facts (from ../shared/fixtures/README.md)
# ---------------------------------------------------------------------------------------------------------

PACK_2018_PROVENANCE = """\
Source of every number and name in this pack: the PermenPANRB 5/2018 facts recorded in
../shared/fixtures/README.md, taken from a municipal database that reproduces the official national
SPBE indices (2018 = 1.98, 2020 = 2.26). The text of PermenPANRB 5/2018 itself was not available.
Confirmed: the structure (3 domains, 7 aspects, indicators 1-34 plus indicator 35 scored for three
public services as 35-1, 35-2, 35-3), the weights (domains 17/28/55 %; indicators 1 % for 1-17,
4 % for 18-24, 5 % for 25-31, 20/6 % for 32-35-3), the indicator names and the 0-5 level range.
Scoring with these weights reproduces the published Kota Denpasar 2018 result (index 2.64, Baik).
The domain names are the short names recorded there (Kebijakan Internal, Tata Kelola, Layanan).
Not confirmed: the level names, the level criteria and the predicate bands. Levels 1-5 reuse the
level names of the PermenPANRB 59/2020 process scale and level 0 is named "Belum Ada"; the level
criteria are placeholders derived from the 2020 generic process scale (Tabel 1), not regulation text.
Indicators have no questions or per-indicator criteria here; the scale criteria apply.
Only the 2.6 lower bound of Baik is confirmed for 2018; the predicate bands reuse the 2020 bands
(Tabel 13 of PermenPANRB 59/2020), with Kurang starting at the scale's lowest value 0.
English names are informal translations made for this tool."""

PACK_2018_SCALE_LEVELS = [
    # value, name id, name en, placeholder criteria (derived from PermenPANRB 59/2020 Tabel 1)
    (0, "Belum Ada", "Not present", "Belum ada penerapan SPBE untuk indikator ini."),
    (1, "Rintisan", "Initial", "Proses penerapan SPBE dilakukan tanpa perencanaan dan sewaktu-waktu."),
    (2, "Terkelola", "Managed",
     "Proses penerapan SPBE dilakukan sesuai dengan fungsi manajemen dan diterapkan pada sebagian unit kerja."),
    (3, "Terdefinisi", "Defined",
     "Proses penerapan SPBE dilakukan sesuai pedoman/standar dan diterapkan pada semua unit kerja."),
    (4, "Terpadu dan Terukur", "Integrated and measured",
     "Proses penerapan SPBE terpadu, berkontribusi pada kinerja organisasi, dan kinerjanya diukur melalui "
     "reviu dan evaluasi."),
    (5, "Optimum", "Optimal",
     "Proses penerapan SPBE ditingkatkan kualitasnya secara berkesinambungan berdasarkan hasil reviu dan "
     "evaluasi."),
]

# (number, machine id, file, name id, name en, weight, aspects)
# aspect: (number, name id, name en, weight, indicators); indicator: (id, name id, name en, weight)
_KI = "Kebijakan Internal "
_W20_6 = "20/6"
PACK_2018_DOMAINS = [
    (1, "policy", "policy.yaml", "Kebijakan Internal", "Internal Policy", 17, [
        (1, "Kebijakan Internal Tata Kelola SPBE", "Internal policy on SPBE governance", 7, [
            ("1", _KI + "Tim Pengarah SPBE", "Internal policy on the SPBE steering team", 1),
            ("2", _KI + "Inovasi Proses Bisnis Terintegrasi", "Internal policy on integrated business process innovation", 1),
            ("3", _KI + "Rencana Induk SPBE", "Internal policy on the SPBE master plan", 1),
            ("4", _KI + "Anggaran dan Belanja TIK", "Internal policy on the ICT budget and spending", 1),
            ("5", _KI + "Pengoperasian Pusat Data", "Internal policy on data centre operation", 1),
            ("6", _KI + "Integrasi Sistem Aplikasi", "Internal policy on application system integration", 1),
            ("7", _KI + "Penggunaan Aplikasi Umum Berbagi Pakai", "Internal policy on the use of shared general applications", 1),
        ]),
        (2, "Kebijakan Internal Layanan SPBE", "Internal policy on SPBE services", 10, [
            ("8", _KI + "Naskah Dinas", "Internal policy on official documents", 1),
            ("9", _KI + "Manajemen Kepegawaian", "Internal policy on personnel management", 1),
            ("10", _KI + "Manajemen Perencanaan dan Penganggaran", "Internal policy on planning and budgeting management", 1),
            ("11", _KI + "Manajemen Keuangan", "Internal policy on financial management", 1),
            ("12", _KI + "Manajemen Kinerja", "Internal policy on performance management", 1),
            ("13", _KI + "Pengadaan", "Internal policy on procurement", 1),
            ("14", _KI + "Pengaduan Publik", "Internal policy on public complaints", 1),
            ("15", _KI + "Dokumentasi dan Informasi Hukum", "Internal policy on legal documentation and information", 1),
            ("16", _KI + "Whistle Blowing System", "Internal policy on the whistle-blowing system", 1),
            ("17", _KI + "Layanan Publik Instansi Pemerintah", "Internal policy on the agency's public services", 1),
        ]),
    ]),
    (2, "governance", "governance.yaml", "Tata Kelola", "Governance", 28, [
        (3, "Kelembagaan", "Institutional arrangements", 8, [
            ("18", "Tim Pengarah SPBE", "SPBE steering team", 4),
            ("19", "Inovasi Proses Bisnis Terintegrasi", "Integrated business process innovation", 4),
        ]),
        (4, "Strategi dan Perencanaan", "Strategy and planning", 8, [
            ("20", "Rencana Induk SPBE", "SPBE master plan", 4),
            ("21", "Anggaran dan Belanja TIK", "ICT budget and spending", 4),
        ]),
        (5, "Teknologi Informasi dan Komunikasi", "Information and communication technology", 12, [
            ("22", "Pengoperasian Pusat Data", "Data centre operation", 4),
            ("23", "Integrasi Sistem Aplikasi", "Application system integration", 4),
            ("24", "Penggunaan Aplikasi Umum Berbagi Pakai", "Use of shared general applications", 4),
        ]),
    ]),
    (3, "services", "services.yaml", "Layanan", "Services", 55, [
        (6, "Layanan Administrasi Pemerintahan Berbasis Elektronik", "Electronic government administration services", 35, [
            ("25", "Layanan Naskah Dinas", "Official documents service", 5),
            ("26", "Layanan Manajemen Kepegawaian", "Personnel management service", 5),
            ("27", "Layanan Manajemen Perencanaan", "Planning management service", 5),
            ("28", "Layanan Manajemen Penganggaran", "Budgeting management service", 5),
            ("29", "Layanan Manajemen Keuangan", "Financial management service", 5),
            ("30", "Layanan Manajemen Kinerja", "Performance management service", 5),
            ("31", "Layanan Pengadaan", "Procurement service", 5),
        ]),
        (7, "Layanan Publik Berbasis Elektronik", "Electronic public services", 20, [
            ("32", "Layanan Pengaduan Publik", "Public complaints service", _W20_6),
            ("33", "Layanan Dokumentasi dan Informasi Hukum", "Legal documentation and information service", _W20_6),
            ("34", "Layanan Whistle Blowing System", "Whistle-blowing system service", _W20_6),
            ("35-1", "Layanan Publik Instansi Pemerintah 1", "Agency public service 1", _W20_6),
            ("35-2", "Layanan Publik Instansi Pemerintah 2", "Agency public service 2", _W20_6),
            ("35-3", "Layanan Publik Instansi Pemerintah 3", "Agency public service 3", _W20_6),
        ]),
    ]),
]


# ---------------------------------------------------------------------------------------------------------
# Minimal YAML emitter
# ---------------------------------------------------------------------------------------------------------

class Flow(dict):
    """A mapping emitted in flow style: {a: "x", b: 1}."""


class FlowList(list):
    """A sequence emitted in flow style: [a, b]."""


class Plain(str):
    """A string emitted unquoted (only for simple identifiers / file names)."""


class Num(str):
    """A number emitted unquoted, given as its exact decimal text."""


PLAIN_RE = re.compile(r"^[a-z][a-z0-9._-]*$")
YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}


def num(value):
    """Exact plain decimal text for an int/float/Decimal/str weight: 13.0 -> 13, 1.30 -> 1.3."""
    if isinstance(value, bool):
        raise TypeError(value)
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return Num(str(int(d)))
    text = format(d.normalize(), "f")
    return Num(text)


def dq(text):
    """Double-quoted YAML scalar."""
    for ch in text:
        if ord(ch) < 0x20 and ch != "\n":
            raise ValueError("control character in %r" % text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def wrap(text, width):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = w if not cur else cur + " " + w
    lines.append(cur)
    return lines


def scalar_inline(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Num):
        return str(v)
    if isinstance(v, Plain):
        if not PLAIN_RE.match(v) or v.lower() in YAML_WORDS:
            raise ValueError("not a safe plain scalar: %r" % v)
        return str(v)
    if isinstance(v, str):
        if "\n" in v:
            raise ValueError("multi-line text in a flow context: %r" % v)
        return dq(v)
    raise TypeError("unsupported scalar %r" % (v,))


def flow(v):
    if isinstance(v, dict):
        return "{" + ", ".join("%s: %s" % (k, flow(x)) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return scalar_inline(v)


def emit_value(prefix, v, indent):
    """Lines for `prefix` (e.g. '  key:') followed by value v; indent = indentation of the key."""
    if isinstance(v, (Flow, FlowList)):
        return [prefix + " " + flow(v)]
    if isinstance(v, dict):
        return [prefix] + emit_mapping(v, indent + 2)
    if isinstance(v, list):
        return [prefix] + emit_sequence(v, indent + 2)
    if isinstance(v, str) and not isinstance(v, (Plain, Num)):
        pad = " " * (indent + 2)
        if "\n" in v:
            lines = v.split("\n")
            for ln in lines:
                if ln != ln.rstrip() or ln.startswith(" "):
                    raise ValueError("leading/trailing blank in literal block line: %r" % ln)
            if not lines[0]:
                raise ValueError("literal block starting with an empty line: %r" % v)
            return [prefix + " |-"] + [(pad + ln) if ln else "" for ln in lines]
        quoted = dq(v)
        if len(prefix) + 1 + len(quoted) <= QUOTED_MAX:
            return [prefix + " " + quoted]
        if v != v.strip() or "  " in v or "\t" in v:
            raise ValueError("text unsuitable for a folded block: %r" % v)
        return [prefix + " >-"] + [pad + ln for ln in wrap(v, WIDTH - len(pad))]
    return [prefix + " " + scalar_inline(v)]


def emit_mapping(m, indent):
    out = []
    pad = " " * indent
    for k, v in m.items():
        if isinstance(k, bool) or not isinstance(k, (int, str)):
            raise TypeError(k)
        key = str(k)
        if isinstance(k, str) and not PLAIN_RE.match(key.lower().replace("_", "-")):
            raise ValueError("unexpected key %r" % key)
        out += emit_value(pad + key + ":", v, indent)
    return out


def emit_sequence(seq, indent):
    out = []
    pad = " " * indent
    for item in seq:
        if isinstance(item, dict) and not isinstance(item, Flow):
            lines = emit_mapping(item, indent + 2)
            lines[0] = pad + "- " + lines[0][indent + 2:]
            out += lines
        elif isinstance(item, (Flow, FlowList)):
            out.append(pad + "- " + flow(item))
        else:
            out += emit_value(pad + "-", item, indent)
    return out


def render(header_lines, doc):
    return "\n".join(["# " + h if h else "#" for h in header_lines] + emit_mapping(doc, 0)) + "\n"


def names(id_text, en_text, style=dict):
    return style([("id", id_text), ("en", en_text)])


# ---------------------------------------------------------------------------------------------------------
# Reading the references
# ---------------------------------------------------------------------------------------------------------

def br(text):
    """Pedoman cells separate list items with <br>: turn them into line breaks."""
    # One <br> in the reference splits "sesuai huruf c." (letter c of a list) as if "c." began a list
    # item (indicator 20, Contoh Bukti Dukung); that one is a space, not a break.
    text = text.replace("huruf<br>", "huruf ")
    return text.replace("<br>", "\n")


def read_pedoman(path):
    text = open(path, encoding="utf-8").read()
    out = {}
    cur = None
    for line in text.splitlines():
        m = re.match(r"^### Indikator (\d+) — (.+)$", line)
        if m:
            n = int(m.group(1))
            if n in out:
                raise ValueError("indicator %d twice in %s" % (n, path))
            cur = out[n] = {"heading": m.group(2).strip(), "levels": {}}
            continue
        if cur is None:
            continue
        m = re.match(r"^Aspek (\d+) \((.+?)\); weight ([0-9.]+)%; (process|service) scale; Pedoman p\. (\d+)\.(.*)$",
                     line)
        if m:
            cur.update(aspect=int(m.group(1)), aspect_name=m.group(2), weight=m.group(3), scale=m.group(4),
                       page=int(m.group(5)))
            rest = m.group(6).strip()
            if rest:
                m2 = re.match(r"^Tabel 9 name \(PermenPANRB 59/2020\): \*(.+)\*\.$", rest)
                if not m2:
                    raise ValueError("unexpected text after the Aspek line: %r" % rest)
                cur["tabel9_name"] = m2.group(1)
            continue
        m = re.match(r"^- \*\*Ketentuan Penilaian:\*\* (.+)$", line)
        if m:
            cur["assessment"] = br(m.group(1).strip())
            continue
        m = re.match(r"^- \*\*Contoh Bukti Dukung:\*\* (.+)$", line)
        if m:
            cur["example_evidence"] = br(m.group(1).strip())
            continue
        m = re.match(r"^\| ([1-5])( †)? \| (.*) \|$", line)
        if m:
            cells = [c.strip() for c in m.group(3).split(" | ")]
            if len(cells) != 3 or not all(cells):
                raise ValueError("bad table row: %r" % line[:120])
            level = int(m.group(1))
            cur["levels"][level] = {"changed": bool(m.group(2)), "criteria": br(cells[0]),
                                    "fulfilment": br(cells[1]), "evidence": br(cells[2])}
            continue
        if line.startswith("## ") or line.startswith("|") or not line.strip():
            continue
        raise ValueError("unexpected line in %s: %r" % (path, line[:120]))
    return out


def parse_date(text):
    m = re.search(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text)
    if not m:
        raise ValueError("no date in %r" % text)
    return "%s-%02d-%02d" % (m.group(3), INDONESIAN_MONTHS[m.group(2).lower()], int(m.group(1)))


def same_name(a, b):
    """Names equal up to the PDF-extraction space after a slash ('Pusat/ Pemerintah')."""
    def norm(s):
        return re.sub(r"/ +", "/", " ".join(s.split()))
    return norm(a) == norm(b)


# ---------------------------------------------------------------------------------------------------------
# spbe-2020
# ---------------------------------------------------------------------------------------------------------

def build_2020(ref, ped, ref_label, ped_label):
    src = ref["source"]
    inds = {i["number"]: i for i in ref["indicators"]}
    if sorted(inds) != list(range(1, 48)):
        raise ValueError("expected indicators 1..47 in the reference")
    if sorted(ped) != list(range(1, 48)):
        raise ValueError("expected indicators 1..47 in the Pedoman file")

    scales = {}
    for key in ("process", "service"):
        sc = ref["level_scales"][key]
        levels = []
        for lv in sc["levels"]:
            levels.append(dict([
                ("value", lv["level"]),
                ("name", names(lv["name"], LEVEL_EN[key][lv["level"]], Flow)),
                ("criteria", lv["criteria"]),
            ]))
        scales[key] = dict([("name", names(sc["label"], SCALE_EN[key], Flow)), ("levels", levels)])
    lowest = min(lv["level"] for lv in ref["level_scales"]["process"]["levels"])

    predicates = []
    for p in sorted(ref["predicates"], key=lambda p: p["rank"]):
        lo = p["min"] if p["min"] is not None else lowest
        predicates.append(Flow([("name", names(p["predikat"], PREDICATE_EN[p["predikat"]], Flow)),
                                ("min", num(lo))]))

    header = [
        "Generated by tools/gen_rubric_packs.py from %s — edit the generator, not this file" % ref_label,
        "Source: %s; Pedoman Menteri PANRB Nomor 3 Tahun 2024 (via %s)." % (src["short"], ped_label),
    ]

    provenance = "\n".join([
        "Structure, weights, level scales, predicates, questions and level criteria: %s," % src["short"],
        "Lampiran I Bab II (Tabel 1-2 level scales, Tabel 7-9 weights, Tabel 13 predicates, E. Kuesioner",
        "questions and level criteria), verbatim with the typos of the original, as transcribed from the",
        "PDF text layer of the official copy in %s." % ref_label,
        "assessment, example_evidence and levels_2024 (fulfilment, evidence, and the 2024 wording of a level",
        "criterion where it differs from 2020): Pedoman Menteri PANRB Nomor 3 Tahun 2024, Bab II C,",
        "as transcribed in %s." % ped_label,
        "Confirmed: indicator weights add up exactly to the aspect weights, aspect weights to the domain",
        "weights and those to 100 (checked by the generator); scoring with these weights reproduces the",
        "worked examples of Lampiran II.B.4 (Tabel 10-12) and published results (Kab. Asmat 2024, index",
        "1.03; Kab. Aceh Tengah 2025, index 2.59). Predicate bands are lower-bound inclusive (the official",
        "2024 report shows Kab. Pacitan at 3.50 as Baik because its unrounded index is 3.4986).",
        "Tabel 13 gives Kurang as \"< 1,8\" with no lower bound; here it starts at the scale's lowest value %d." % lowest,
        "English names are informal translations made for this tool; the Indonesian text is authoritative.",
    ])

    pack = dict([
        ("id", Plain("spbe-2020")),
        ("title", names("Evaluasi SPBE menurut %s" % src["short"], "SPBE evaluation under %s" % src["short"])),
        ("index_name", names("Indeks SPBE", "SPBE index")),
        ("source", dict([
            ("regulation", src["short"]),
            ("title", src["regulation"]),
            ("date", parse_date(src["ditetapkan"])),
            ("evidence", "Pedoman Menteri PANRB Nomor 3 Tahun 2024"),
        ])),
        ("provenance", provenance),
        ("total_weight", num(sum(Fraction(str(d["weight"])) for d in ref["domains"]))),
        ("display", dict([("precision", 2), ("rounding", Plain("half-up"))])),
        ("hierarchy", [dict([("id", Plain(h["id"])), ("plural", Plain(h["plural"])),
                             ("name", names(*h["name"], style=Flow))]) for h in HIERARCHY]),
        ("scales", scales),
        ("default_scale", Plain("process")),
        ("predicates", predicates),
        ("files", FlowList(Plain(DOMAIN_FILES_2020[d["number"]]) for d in ref["domains"])),
    ])
    files = {"pack.yaml": render(header, pack)}

    for d in ref["domains"]:
        aspects = []
        dsum = Fraction(0)
        for a in d["aspects"]:
            indicators = []
            asum = Fraction(0)
            for n in a["indicators"]:
                i = inds[n]
                p = ped[n]
                if i["domain"] != d["number"] or i["aspect"] != a["number"]:
                    raise ValueError("indicator %d: domain/aspect mismatch" % n)
                if p["aspect"] != a["number"] or Fraction(p["weight"]) != Fraction(str(i["weight"])) \
                        or p["scale"] != i["scale"]:
                    raise ValueError("indicator %d: Pedoman aspect/weight/scale differ from the reference" % n)
                asum += Fraction(str(i["weight"]))
                ind = dict([
                    ("id", str(n)),
                    ("name", names(i["name"], INDICATOR_EN_2020[n])),
                    ("weight", num(i["weight"])),
                ])
                if i["scale"] != "process":
                    ind["scale"] = Plain(i["scale"])
                ind["question"] = i["question"]
                if sorted(i["levels"]) != [1, 2, 3, 4, 5]:
                    raise ValueError("indicator %d: levels are not 1..5" % n)
                ind["criteria"] = dict((lv, i["levels"][lv]) for lv in range(1, 6))
                ind["assessment"] = p["assessment"]
                ind["example_evidence"] = p["example_evidence"]
                if sorted(p["levels"]) != [1, 2, 3, 4, 5]:
                    raise ValueError("indicator %d: Pedoman levels are not 1..5" % n)
                l24 = {}
                for lv in range(1, 6):
                    row = p["levels"][lv]
                    entry = {}
                    if row["changed"]:
                        entry["criteria"] = row["criteria"]
                    entry["fulfilment"] = row["fulfilment"]
                    entry["evidence"] = row["evidence"]
                    l24[lv] = entry
                ind["levels_2024"] = l24
                notes = []
                if i.get("note"):
                    notes.append(i["note"])
                if "tabel9_name" in p:
                    if p["tabel9_name"] != i["name"]:
                        raise ValueError("indicator %d: Pedoman's Tabel 9 name differs from the reference" % n)
                    notes.append("Pedoman 3/2024 name: %s" % p["heading"])
                elif not same_name(p["heading"], i["name"]):
                    raise ValueError("indicator %d: unflagged name difference %r" % (n, p["heading"]))
                if notes:
                    ind["note"] = "\n".join(notes)
                indicators.append(ind)
            if asum != Fraction(str(a["weight"])):
                raise ValueError("aspect %d: indicator weights add up to %s" % (a["number"], asum))
            dsum += asum
            aspects.append(dict([
                ("id", str(a["number"])),
                ("name", names(a["name"], ASPECT_EN_2020[a["number"]], Flow)),
                ("weight", num(a["weight"])),
                ("indicators", indicators),
            ]))
        if dsum != Fraction(str(d["weight"])):
            raise ValueError("domain %d: aspect weights add up to %s" % (d["number"], dsum))
        doc = dict([
            ("id", Plain(DOMAIN_IDS_2020[d["number"]])),
            ("number", d["number"]),
            ("name", names(d["name"], DOMAIN_EN_2020[d["number"]])),
            ("weight", num(d["weight"])),
            ("aspects", aspects),
        ])
        files[DOMAIN_FILES_2020[d["number"]]] = render(header, doc)
    return files


# ---------------------------------------------------------------------------------------------------------
# spbe-2018
# ---------------------------------------------------------------------------------------------------------

def weight_2018(w):
    return w if isinstance(w, str) else num(w)


def build_2018(fixtures_label):
    header = [
        "Generated by tools/gen_rubric_packs.py from %s — edit the generator, not this file" % fixtures_label,
        "Source: PermenPANRB 5/2018 facts listed there, transcribed into the generator; only structure,",
        "weights and names are confirmed (see provenance).",
    ]
    pack = dict([
        ("id", Plain("spbe-2018")),
        ("title", names("Evaluasi SPBE menurut PermenPANRB 5/2018", "SPBE evaluation under PermenPANRB 5/2018")),
        ("index_name", names("Indeks SPBE", "SPBE index")),
        ("source", dict([
            ("regulation", "PermenPANRB 5/2018"),
            ("title", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia "
                      "Nomor 5 Tahun 2018 tentang Pedoman Evaluasi Sistem Pemerintahan Berbasis Elektronik"),
        ])),
        ("provenance", PACK_2018_PROVENANCE),
        ("total_weight", num(sum(d[5] for d in PACK_2018_DOMAINS))),
        ("display", dict([("precision", 2), ("rounding", Plain("half-up"))])),
        ("hierarchy", [dict([("id", Plain(h["id"])), ("plural", Plain(h["plural"])),
                             ("name", names(*h["name"], style=Flow))]) for h in HIERARCHY]),
        ("scales", dict([("maturity", dict([
            ("name", names("Tingkat Kematangan", "Maturity level", Flow)),
            ("levels", [dict([("value", v), ("name", names(nid, nen, Flow)), ("criteria", crit)])
                        for v, nid, nen, crit in PACK_2018_SCALE_LEVELS]),
        ]))])),
        ("default_scale", Plain("maturity")),
        ("predicates", [Flow([("name", names(pid, PREDICATE_EN[pid], Flow)), ("min", num(lo))])
                        for pid, lo in [("Memuaskan", "4.2"), ("Sangat Baik", "3.5"), ("Baik", "2.6"),
                                        ("Cukup", "1.8"), ("Kurang", 0)]]),
        ("files", FlowList(Plain(d[2]) for d in PACK_2018_DOMAINS)),
    ])
    files = {"pack.yaml": render(header, pack)}
    for number, did, fname, nid, nen, dweight, aspects in PACK_2018_DOMAINS:
        dsum = Fraction(0)
        out_aspects = []
        for anum, aid, aen, aweight, indicators in aspects:
            asum = sum(Fraction(w) for _, _, _, w in indicators)
            if asum != aweight:
                raise ValueError("2018 aspect %d: indicators add up to %s, not %s" % (anum, asum, aweight))
            dsum += asum
            out_aspects.append(dict([
                ("id", str(anum)),
                ("name", names(aid, aen, Flow)),
                ("weight", num(aweight)),
                ("indicators", [dict([("id", iid), ("name", names(iname, ien)), ("weight", weight_2018(w))])
                                for iid, iname, ien, w in indicators]),
            ]))
        if dsum != dweight:
            raise ValueError("2018 domain %s: aspects add up to %s" % (did, dsum))
        doc = dict([
            ("id", Plain(did)),
            ("number", number),
            ("name", names(nid, nen)),
            ("weight", num(dweight)),
            ("aspects", out_aspects),
        ])
        files[fname] = render(header, doc)
    return files


# ---------------------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------------------

PACK_KEYS = {"id", "title", "index_name", "source", "provenance", "total_weight", "display", "hierarchy", "scales",
             "default_scale", "predicates", "files"}
SOURCE_KEYS = {"regulation", "title", "date", "evidence"}
DOMAIN_KEYS = {"id", "number", "name", "weight", "aspects"}
ASPECT_KEYS = {"id", "name", "weight", "indicators"}
INDICATOR_KEYS = {"id", "name", "weight", "scale", "question", "criteria", "assessment", "example_evidence",
                  "levels_2024", "note"}
LEVEL_2024_KEYS = {"criteria", "fulfilment", "evidence"}


class Checker:
    def __init__(self):
        self.errors = []
        self.lines = []

    def fail(self, msg):
        self.errors.append(msg)

    def ok(self, cond, msg):
        if not cond:
            self.fail(msg)
        return cond

    def info(self, msg):
        self.lines.append(msg)


def W(x):
    """Exact weight from a loaded YAML value (plain decimal or "a/b" string)."""
    if isinstance(x, bool):
        raise TypeError(x)
    return Fraction(str(x))


def ws(s):
    return " ".join(str(s).split())


def is_names(v):
    return isinstance(v, dict) and set(v) == {"id", "en"} and all(isinstance(x, str) and x for x in v.values())


def load_pack(c, pack_dir):
    path = os.path.join(pack_dir, "pack.yaml")
    pack = yaml.safe_load(open(path, encoding="utf-8"))
    c.ok(set(pack) <= PACK_KEYS, "%s: unknown keys %s" % (path, set(pack) - PACK_KEYS))
    c.ok(set(pack["source"]) <= SOURCE_KEYS, "%s: unknown source keys" % path)
    c.ok(is_names(pack["title"]), "%s: title" % path)
    for sname, sc in pack["scales"].items():
        c.ok(set(sc) == {"name", "levels"} and is_names(sc["name"]), "scale %s keys/name" % sname)
        for lv in sc["levels"]:
            c.ok(set(lv) == {"value", "name", "criteria"} and isinstance(lv["value"], int)
                 and is_names(lv["name"]) and isinstance(lv["criteria"], str), "scale %s level %r" % (sname, lv))
    c.ok(pack["default_scale"] in pack["scales"], "default_scale")
    mins = [W(p["min"]) for p in pack["predicates"]]
    c.ok(mins == sorted(mins, reverse=True), "predicates not listed highest first")
    lowest = min(lv["value"] for sc in pack["scales"].values() for lv in sc["levels"])
    c.ok(mins[-1] == lowest, "lowest predicate min %s != lowest scale value %s" % (mins[-1], lowest))
    for p in pack["predicates"]:
        c.ok(set(p) == {"name", "min"} and is_names(p["name"]), "predicate %r" % p)
    domains = []
    for f in pack["files"]:
        fp = os.path.join(pack_dir, f)
        d = yaml.safe_load(open(fp, encoding="utf-8"))
        c.ok(set(d) <= DOMAIN_KEYS, "%s: unknown keys %s" % (fp, set(d) - DOMAIN_KEYS))
        c.ok(is_names(d["name"]), "%s: name" % fp)
        domains.append(d)
    return pack, domains


def check_sums(c, label, pack, domains):
    total = Fraction(0)
    n = 0
    for d in domains:
        dsum = Fraction(0)
        for a in d["aspects"]:
            c.ok(set(a) <= ASPECT_KEYS and isinstance(a["id"], str) and is_names(a["name"]),
                 "%s aspect %r keys/id/name" % (label, a.get("id")))
            asum = sum((W(i["weight"]) for i in a["indicators"]), Fraction(0))
            c.ok(asum == W(a["weight"]), "%s aspect %s: indicators sum %s != %s" % (label, a["id"], asum, a["weight"]))
            dsum += W(a["weight"])
            for i in a["indicators"]:
                n += 1
                c.ok(set(i) <= INDICATOR_KEYS, "%s indicator %s: unknown keys %s" % (label, i["id"], set(i) - INDICATOR_KEYS))
                c.ok(isinstance(i["id"], str) and is_names(i["name"]), "%s indicator %r id/name" % (label, i["id"]))
                c.ok(i.get("scale", pack["default_scale"]) in pack["scales"], "%s indicator %s scale" % (label, i["id"]))
        c.ok(dsum == W(d["weight"]), "%s domain %s: aspects sum %s != %s" % (label, d["id"], dsum, d["weight"]))
        total += W(d["weight"])
    c.ok(total == W(pack["total_weight"]) == 100, "%s: domains sum %s, total_weight %s" % (label, total, pack["total_weight"]))
    c.info("%s: %d domains, %d aspects, %d indicators; weights sum exactly: indicator->aspect->domain->%s"
           % (label, len(domains), sum(len(d["aspects"]) for d in domains), n, total))


def check_2020(c, pack_dir, ref, ped):
    pack, domains = load_pack(c, pack_dir)
    check_sums(c, "spbe-2020", pack, domains)
    inds = [i for d in domains for a in d["aspects"] for i in a["indicators"]]
    c.ok([i["id"] for i in inds] == [str(n) for n in range(1, 48)], "spbe-2020: indicator ids are not '1'..'47'")
    refi = {str(i["number"]): i for i in ref["indicators"]}
    exact = norm_only = changed_2024 = 0
    for d in domains:
        for a in d["aspects"]:
            for i in a["indicators"]:
                r = refi[i["id"]]
                p = ped[int(i["id"])]
                c.ok(i["name"]["id"] == r["name"], "indicator %s name differs from the reference" % i["id"])
                c.ok(i["question"] == r["question"], "indicator %s question differs" % i["id"])
                c.ok(W(i["weight"]) == W(r["weight"]), "indicator %s weight differs" % i["id"])
                c.ok(i.get("scale", pack["default_scale"]) == r["scale"], "indicator %s scale differs" % i["id"])
                c.ok(("service" == i.get("scale")) == (d["id"] == "services"), "indicator %s scale/domain" % i["id"])
                c.ok(sorted(i["criteria"]) == [1, 2, 3, 4, 5], "indicator %s criteria keys" % i["id"])
                for lv in range(1, 6):
                    got, want = i["criteria"].get(lv), r["levels"][lv]
                    if got == want:
                        exact += 1
                    elif got is not None and ws(got) == ws(want):
                        norm_only += 1
                    else:
                        c.fail("indicator %s level %d criteria differ from the reference" % (i["id"], lv))
                l24 = i["levels_2024"]
                c.ok(sorted(l24) == [1, 2, 3, 4, 5], "indicator %s levels_2024 keys" % i["id"])
                for lv in range(1, 6):
                    e = l24.get(lv, {})
                    row = p["levels"][lv]
                    c.ok(set(e) <= LEVEL_2024_KEYS and e.get("fulfilment") and e.get("evidence"),
                         "indicator %s levels_2024 %d incomplete" % (i["id"], lv))
                    c.ok(e.get("fulfilment") == row["fulfilment"] and e.get("evidence") == row["evidence"],
                         "indicator %s levels_2024 %d differs from the Pedoman" % (i["id"], lv))
                    if row["changed"]:
                        changed_2024 += 1
                        c.ok(e.get("criteria") == row["criteria"], "indicator %s levels_2024 %d criteria" % (i["id"], lv))
                    else:
                        c.ok("criteria" not in e, "indicator %s levels_2024 %d: criteria without dagger" % (i["id"], lv))
                c.ok(i.get("assessment") == p["assessment"] and i.get("example_evidence") == p["example_evidence"],
                     "indicator %s assessment/example_evidence" % i["id"])
    c.info("spbe-2020: criteria vs reference: %d of 235 identical, %d equal after whitespace normalisation"
           % (exact, norm_only))
    c.info("spbe-2020: every indicator has criteria 1..5 and levels_2024 1..5 with fulfilment and evidence; "
           "%d levels carry 2024 criteria wording (dagger rows)" % changed_2024)
    return pack, domains


def check_2018(c, pack_dir):
    pack, domains = load_pack(c, pack_dir)
    check_sums(c, "spbe-2018", pack, domains)
    ids = [i["id"] for d in domains for a in d["aspects"] for i in a["indicators"]]
    c.ok(ids == [str(n) for n in range(1, 35)] + ["35-1", "35-2", "35-3"], "spbe-2018 indicator ids")
    for d in domains:
        for a in d["aspects"]:
            for i in a["indicators"]:
                c.ok(set(i) == {"id", "name", "weight"}, "spbe-2018 indicator %s keys" % i["id"])
    want = {"1": 7, "2": 10, "3": 8, "4": 8, "5": 12, "6": 35, "7": 20}
    got = {a["id"]: W(a["weight"]) for d in domains for a in d["aspects"]}
    c.ok(got == want, "spbe-2018 aspect weights %s" % got)
    c.ok([W(d["weight"]) for d in domains] == [17, 28, 55], "spbe-2018 domain weights")
    c.ok(W("20/6") in {W(i["weight"]) for d in domains for a in d["aspects"] for i in a["indicators"]},
         "spbe-2018: no 20/6 weight")
    return pack, domains


def fmt2(x):
    n = (x * 100 + Fraction(1, 2)).__floor__()
    return "%d.%02d" % (n // 100, n % 100)


def score(pack, domains, levels):
    out = {}
    total = Fraction(0)
    for d in domains:
        dsum = Fraction(0)
        for a in d["aspects"]:
            asum = sum((W(i["weight"]) * levels[i["id"]] for i in a["indicators"]), Fraction(0))
            dsum += asum / W(a["weight"]) * W(a["weight"])
        dindex = dsum / W(d["weight"])
        out[d["id"]] = dindex
        total += dindex * W(d["weight"])
    index = total / W(pack["total_weight"])
    pred = next(p["name"]["id"] for p in pack["predicates"] if index >= W(p["min"]))
    return index, pred, out


def check_fixtures(c, fixtures_dir, packs):
    csv = os.path.join(fixtures_dir, "expected.csv")
    if not os.path.exists(csv):
        c.info("fixtures: %s not found, skipped" % csv)
        return
    rows = open(csv, encoding="utf-8").read().splitlines()[1:]
    for row in rows:
        fname, rubric, index, pred, doms = row.split(",")
        fx = yaml.safe_load(open(os.path.join(fixtures_dir, fname), encoding="utf-8"))
        pack, domains = packs[rubric]
        levels = {str(k): v for k, v in fx["indicators"].items()}
        got_index, got_pred, got_doms = score(pack, domains, levels)
        got = "%s %s %s" % (fmt2(got_index), got_pred, " ".join("%s=%s" % (k, fmt2(v)) for k, v in got_doms.items()))
        want = "%s %s %s" % (index, pred, doms)
        c.ok(got == want, "fixture %s: got %s, want %s" % (fname, got, want))
        c.info("fixture %s (%s): %s [%s]" % (fname, rubric, got, "ok" if got == want else "MISMATCH"))
    # Worked examples of PermenPANRB 59/2020 Lampiran II.B.4
    pack, domains = packs["spbe-2020"]
    asp = {a["id"]: a for d in domains for a in d["aspects"]}
    t10 = sum((W(i["weight"]) * lv for i, lv in zip(asp["2"]["indicators"], [3, 4, 3, 2])), Fraction(0)) / W(asp["2"]["weight"])
    t11 = (3 * W(asp["2"]["weight"]) + 4 * W(asp["3"]["weight"]) + 3 * W(asp["4"]["weight"])) / 25
    dw = [W(d["weight"]) for d in domains]
    t12 = sum((Fraction(x) * w for x, w in zip(["3.70", "3.40", "3.00", "3.20"], dw)), Fraction(0)) / 100
    c.ok((fmt2(t10), fmt2(t11), fmt2(t12)) == ("3.00", "3.40", "3.28"), "worked examples Tabel 10-12")
    c.info("worked examples: Tabel 10 aspect 2 = %s, Tabel 11 governance = %s, Tabel 12 index = %s"
           % (fmt2(t10), fmt2(t11), fmt2(t12)))


# ---------------------------------------------------------------------------------------------------------

def label_for(path):
    rel = os.path.relpath(os.path.abspath(path), REPO_ROOT)
    return rel.replace(os.sep, "/")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--indicators", default=DEFAULT_INDICATORS,
                    help="PermenPANRB 59/2020 reference YAML (default: ../shared/reference/"
                         "permenpanrb-59-2020-indicators.yaml relative to the repository root)")
    ap.add_argument("--pedoman", default=DEFAULT_PEDOMAN,
                    help="Pedoman 3/2024 reference Markdown (default: ../shared/reference/"
                         "pedoman-3-2024-bukti-dukung.md relative to the repository root)")
    ap.add_argument("--fixtures", default=DEFAULT_FIXTURES,
                    help="fixtures folder, used to label the 2018 source and to replay expected.csv when "
                         "validating (default: ../shared/fixtures)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: rubrics/ in the repository)")
    ap.add_argument("--check", action="store_true",
                    help="write nothing: fail if the files on disk differ from what would be generated, "
                         "then validate them")
    args = ap.parse_args(argv)

    ref = yaml.safe_load(open(args.indicators, encoding="utf-8"))
    ped = read_pedoman(args.pedoman)
    outputs = {
        "spbe-2020": build_2020(ref, ped, label_for(args.indicators), label_for(args.pedoman)),
        "spbe-2018": build_2018(label_for(os.path.join(args.fixtures, "README.md"))),
    }

    stale = []
    for pack_id, files in outputs.items():
        pack_dir = os.path.join(args.out, pack_id)
        for name, text in sorted(files.items()):
            path = os.path.join(pack_dir, name)
            # Every generated file must parse back to the same data as a plain safe_load would expect.
            yaml.safe_load(text)
            if args.check:
                old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
                if old != text:
                    stale.append(path)
            else:
                os.makedirs(pack_dir, exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(text)
                print("wrote %s" % label_for(path))

    c = Checker()
    for path in stale:
        c.fail("%s is missing or stale: run tools/gen_rubric_packs.py" % label_for(path))
    packs = {}
    if not stale:
        packs["spbe-2020"] = check_2020(c, os.path.join(args.out, "spbe-2020"), ref, ped)
        packs["spbe-2018"] = check_2018(c, os.path.join(args.out, "spbe-2018"))
        if not c.errors:
            check_fixtures(c, args.fixtures, packs)
    for line in c.lines:
        print(line)
    for e in c.errors:
        print("ERROR: %s" % e, file=sys.stderr)
    if c.errors:
        print("check FAILED: %d error(s)" % len(c.errors), file=sys.stderr)
        return 1
    print("check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
