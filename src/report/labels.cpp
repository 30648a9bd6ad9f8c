// The labels most reports share, each in Bahasa Indonesia and English.
#include "report/labels.hpp"

#include "report/text_util.hpp"

#include <fmt/format.h>

namespace spbe {

const Labels& labels(Lang lang) {
    static const LabelSet<Labels> set({
        {"Bobot", "Weight"},                                                      // weight
        {"Indeks", "Index"},                                                      // index
        {"Predikat", "Predicate"},                                                // predicate
        {"Indikator", "Indicator"},                                               // indicator
        {"Tingkat", "Level"},                                                     // level
        {"mandiri", "self"},                                                      // self
        {"verifikasi", "verified"},                                               // verified
        {"Kontribusi", "Contribution"},                                           // contribution
        {"Rubrik", "Rubric"},                                                     // rubric
        {"Tahun", "Year"},                                                        // year
        {"Instansi", "Agency"},                                                   // agency
        {"Indeks penilaian mandiri", "Self-assessment index"},                    // self_index
        {"Indeks hasil verifikasi", "Verified index"},                            // verified_index
        {"Pertanyaan", "Question"},                                               // question
        {"Kriteria", "Criteria"},                                                 // criteria
        {"Kriteria pemenuhan", "Fulfilment criteria"},                            // fulfilment
        {"Bukti dukung yang diharapkan", "Expected evidence"},                    // evidence
        {"Ketentuan penilaian", "Assessment rule"},                               // assessment
        {"Contoh bukti dukung", "Example evidence"},                              // example_evidence
        {"Rumusan 2024", "2024 wording"},                                         // criteria_revised
        {"Skala", "Scale"},                                                       // scale
        {"Catatan", "Note"},                                                      // note
        {"Kondisi", "Conditions"},                                                // conditions
        {"Deskripsi", "Description"},                                             // description
        {"Nilai dari indeks instansi lain", "Value from another agency's index"}, // external
        {"Catatan sumber: paket {} bersumber sekunder; naskah resmi {} belum dapat dibaca. Periksa angka "
         "terhadap naskah resmi sebelum dipakai dalam surat.",
         "Source note: the {} pack is secondary-sourced; the official text of {} could not be read. Check "
         "the numbers against the official text before using them in letters."}, // secondary
    });
    return set.get(lang);
}

std::string source_notice(const Pack& pack, Lang lang) {
    if (!pack.source.secondary()) return {};
    return fmt::format(fmt::runtime(labels(lang).secondary), pack.id,
                       pack.source.regulation.empty() ? pack.id : pack.source.regulation);
}

std::string conversion_formula(const ExternalIndex& x, Lang lang) {
    bool en = lang == Lang::en;
    if (x.offset == Rational(0) && x.factor == Rational(1)) return en ? "value = index" : "nilai = indeks";
    return fmt::format("{} = {} + {} × {}", en ? "value" : "nilai", x.offset.to_exact_string(),
                       x.factor.to_exact_string(), en ? "index" : "indeks");
}

std::string source_footer(const Pack& pack, Lang lang, bool markdown) {
    std::string notice = source_notice(pack, lang);
    if (notice.empty()) return {};
    return markdown ? "\n*" + notice + "*\n" : "\n" + wrap_text(notice, 100, "");
}

} // namespace spbe
