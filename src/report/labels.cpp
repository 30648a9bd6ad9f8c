// The two label sets (id, en).
#include "report/labels.hpp"

namespace spbe {

const Labels& labels(Lang lang) {
    static const Labels id{"Bobot", "Indeks", "Predikat", "Indikator", "Tingkat", "mandiri", "verifikasi", "Kontribusi", "Rubrik", "Tahun",
                           "Instansi", "Indeks penilaian mandiri", "Indeks hasil verifikasi", "Pertanyaan", "Kriteria", "Kriteria pemenuhan",
                           "Bukti dukung yang diharapkan", "Ketentuan penilaian", "Contoh bukti dukung", "Rumusan 2024", "Skala", "Catatan"};
    static const Labels en{"Weight", "Index", "Predicate", "Indicator", "Level", "self", "verified", "Contribution", "Rubric", "Year",
                           "Agency", "Self-assessment index", "Verified index", "Question", "Criteria", "Fulfilment criteria",
                           "Expected evidence", "Assessment rule", "Example evidence", "2024 wording", "Scale", "Note"};
    return lang == Lang::en ? en : id;
}

} // namespace spbe
