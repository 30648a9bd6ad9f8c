#!/usr/bin/env python3
"""Synthetic benchmark inputs for spbe (deterministic for a given seed).

  gen_evidence.py evidence N OUT_DIR   N long-form spbe-2020 evidence files (~15 KB each) in OUT_DIR
  gen_evidence.py csv N OUT_FILE       a wide levels CSV of N agencies (name, code, type, province,
                                       year, rubric, then one column per indicator 1..47)

Every evidence file is drawn from its own random.Random(seed, agency number), so a larger set
contains the smaller one; the CSV rows come from one stream.
"""
import argparse
import hashlib
import os
import random

INDICATORS = [str(i) for i in range(1, 48)]
PROVINCES = ["Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu", "Lampung",
             "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta", "Jawa Barat", "Jawa Tengah",
             "DI Yogyakarta", "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
             "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara",
             "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo",
             "Sulawesi Barat", "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan"]
SYLLABLES = ["ba", "ta", "ma", "su", "ka", "ra", "ja", "lo", "ngi", "pa", "se", "wa", "di", "to", "nu", "gu", "lem", "ban"]
DOC_KINDS = ["Peraturan Bupati", "Peraturan Wali Kota", "Keputusan Bupati", "Surat Edaran Sekretaris Daerah",
             "Notulensi rapat", "Laporan evaluasi", "Dokumen Arsitektur SPBE", "Peta Rencana SPBE",
             "Standar Operasional Prosedur", "Laporan audit TIK", "Tangkapan layar aplikasi", "Daftar hadir rapat"]
TOPICS = ["Arsitektur SPBE", "Peta Rencana SPBE", "manajemen data", "pembangunan aplikasi", "layanan pusat data",
          "jaringan intra pemerintah", "sistem penghubung layanan", "manajemen keamanan informasi",
          "audit teknologi informasi", "layanan pengaduan publik", "layanan kepegawaian", "layanan keuangan",
          "tim koordinasi SPBE", "inovasi proses bisnis", "manajemen risiko SPBE", "manajemen pengetahuan"]
PHRASES = ["telah ditetapkan dan diterapkan pada sebagian unit kerja", "sudah direviu dan dievaluasi secara periodik",
           "masih dalam tahap penyusunan konsep", "diterapkan di seluruh perangkat daerah",
           "hasil evaluasi telah ditindaklanjuti dengan kebijakan baru", "belum memuat seluruh domain arsitektur",
           "terintegrasi dengan aplikasi umum berbagi pakai", "didukung anggaran pada APBD tahun berjalan",
           "dipantau oleh tim koordinasi SPBE setiap triwulan", "memerlukan pembaruan setelah reorganisasi"]


def agency_name(rng, n):
    # The code ends in n so that no two agencies share one: spbe counts an agency once per year and pack.
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    kind = rng.choice(["kabupaten", "kota"])
    return (f"Pemerintah {'Kabupaten' if kind == 'kabupaten' else 'Kota'} {word} {n}", kind,
            rng.choice(PROVINCES), f"{rng.randint(11, 94)}.{rng.randint(1, 79):02d}.{n}")


def sentence(rng, words):
    parts = []
    while sum(len(p) for p in parts) < words:
        parts.append(f"{rng.choice(['Kebijakan', 'Dokumen', 'Proses', 'Layanan', 'Kegiatan'])} {rng.choice(TOPICS)} {rng.choice(PHRASES)}")
    return "; ".join(parts) + "."


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def evidence_file(seed, n):
    rng = random.Random(seed * 1_000_003 + n)
    name, kind, province, code = agency_name(rng, n)
    year = rng.choice([2023, 2024, 2025])
    base = rng.uniform(1.2, 4.3)  # the agency's overall maturity; indicators scatter around it
    out = [f"# Synthetic benchmark agency {n} (bench/gen_evidence.py, seed {seed})",
           "rubric: spbe-2020", "agency:", f"  name: {yaml_quote(name)}", f'  code: "{code}"', f"  type: {kind}",
           f"  province: {yaml_quote(province)}", f"year: {year}", "indicators:"]
    for ind in INDICATORS:
        level = max(1, min(5, round(base + rng.gauss(0, 0.8))))
        out.append(f"  {ind}:")
        out.append(f"    level: {level}")
        r = rng.random()
        if r < 0.85:  # most indicators are verified; evaluators mostly confirm or lower by one
            verified = max(1, level - (1 if rng.random() < 0.3 else 0))
            out.append(f"    verified: {verified}")
        out.append("    note: >-")
        note = sentence(rng, 20)
        while note:
            cut = note.rfind(" ", 0, 96) if len(note) > 96 else len(note)
            out.append("      " + note[:cut])
            note = note[cut + 1:]
        out.append("    evidence:")
        for e in range(rng.choices([1, 2, 3], weights=[70, 25, 5])[0]):
            doc = rng.choice(DOC_KINDS)
            num = rng.randint(1, 120)
            doc_year = rng.randint(year - 4, year)
            about = f" tentang {rng.choice(TOPICS)}" if rng.random() < 0.4 else ""
            out.append(f"      - title: {yaml_quote(f'{doc} Nomor {num} Tahun {doc_year}{about}')}")
            out.append(f"        file: bukti/{int(ind):02d}/{doc.split()[0].lower()}-{num}-{doc_year}.pdf")
            if rng.random() < 0.2:
                out.append(f"        sha256: {hashlib.sha256(f'{seed}/{n}/{ind}/{e}'.encode()).hexdigest()}")
            if rng.random() < 0.3:
                out.append(f"        valid_until: {year + rng.randint(1, 4)}-12-31")
    return "\n".join(out) + "\n"


def write_evidence(n_files, out_dir, seed):
    os.makedirs(out_dir, exist_ok=True)
    width = max(5, len(str(n_files)))
    for n in range(1, n_files + 1):
        path = os.path.join(out_dir, f"agency-{n:0{width}d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(evidence_file(seed, n))


def write_csv(n_rows, out_file, seed):
    with open(out_file, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(["name", "code", "type", "province", "year", "rubric"] + INDICATORS) + "\n")
        rng = random.Random(seed)  # one stream: seeding per row would dominate the run time
        for n in range(1, n_rows + 1):
            name, kind, province, code = agency_name(rng, n)
            base = rng.uniform(1.2, 4.3)
            levels = [str(max(1, min(5, round(base + rng.gauss(0, 0.8))))) for _ in INDICATORS]
            f.write(",".join([name, code, kind, province, str(rng.choice([2023, 2024, 2025])), "spbe-2020"] + levels) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["evidence", "csv"])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2024)
    a = ap.parse_args()
    if a.kind == "evidence":
        write_evidence(a.n, a.out, a.seed)
    else:
        write_csv(a.n, a.out, a.seed)


if __name__ == "__main__":
    main()
