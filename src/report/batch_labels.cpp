// The batch reports' labels: one table per language, chosen by the report's language.
#include "report/batch_labels.hpp"

#include "report/labels.hpp"

namespace spbe {

const BatchLabels& batch_labels(Lang lang) {
    static const BatchLabels id{"#", "Peringkat", "Berkas", "Ringkasan", "instansi", "instansi",
                                "Jumlah", "Rata-rata", "Median", "Minimum", "Maksimum", "Simpangan baku",
                                "(tidak diisi)", "Provinsi", "Jenis", "Masukan tidak valid"};
    static const BatchLabels en{"#", "Rank", "File", "Summary", "agency", "agencies",
                                "Count", "Mean", "Median", "Minimum", "Maximum", "Std. deviation",
                                "(not given)", "Province", "Type", "Invalid inputs"};
    return lang == Lang::en ? en : id;
}

const char* group_by_name(GroupBy by) {
    switch (by) {
    case GroupBy::province: return "province";
    case GroupBy::type: return "type";
    case GroupBy::year: return "year";
    case GroupBy::none: break;
    }
    return "";
}

std::string group_by_label(GroupBy by, Lang lang) {
    const BatchLabels& B = batch_labels(lang);
    switch (by) {
    case GroupBy::province: return B.province;
    case GroupBy::type: return B.type;
    case GroupBy::year: return labels(lang).year;
    case GroupBy::none: break;
    }
    return {};
}

std::string key_text(const std::string& key, Lang lang) { return key.empty() ? batch_labels(lang).none : key; }

} // namespace spbe
