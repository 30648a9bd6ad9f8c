// The labels most reports share, each in Bahasa Indonesia and English.
#include "report/labels.hpp"

namespace spbe {

const Labels& labels(Lang lang) {
    static const LabelSet<Labels> set({
        {"Bobot", "Weight"},                                   // weight
        {"Indeks", "Index"},                                   // index
        {"Predikat", "Predicate"},                             // predicate
        {"Indikator", "Indicator"},                            // indicator
        {"Tingkat", "Level"},                                  // level
        {"mandiri", "self"},                                   // self
        {"verifikasi", "verified"},                            // verified
        {"Kontribusi", "Contribution"},                        // contribution
        {"Rubrik", "Rubric"},                                  // rubric
        {"Tahun", "Year"},                                     // year
        {"Instansi", "Agency"},                                // agency
        {"Indeks penilaian mandiri", "Self-assessment index"}, // self_index
        {"Indeks hasil verifikasi", "Verified index"},         // verified_index
        {"Pertanyaan", "Question"},                            // question
        {"Kriteria", "Criteria"},                              // criteria
        {"Kriteria pemenuhan", "Fulfilment criteria"},         // fulfilment
        {"Bukti dukung yang diharapkan", "Expected evidence"}, // evidence
        {"Ketentuan penilaian", "Assessment rule"},            // assessment
        {"Contoh bukti dukung", "Example evidence"},           // example_evidence
        {"Rumusan 2024", "2024 wording"},                      // criteria_revised
        {"Skala", "Scale"},                                    // scale
        {"Catatan", "Note"},                                   // note
    });
    return set.get(lang);
}

} // namespace spbe
