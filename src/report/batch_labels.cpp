// The batch reports' labels, each Indonesian text beside its English one (LabelSet, report/labels.hpp).
#include "report/batch_labels.hpp"

#include "report/labels.hpp"

namespace spbe {

const BatchLabels& batch_labels(Lang lang) {
    static const LabelSet<BatchLabels> set({
        {"#", "#"},                                // rank
        {"Peringkat", "Rank"},                     // rank_word
        {"Berkas", "File"},                        // file
        {"Ringkasan", "Summary"},                  // summary
        {"instansi", "agency"},                    // agency
        {"instansi", "agencies"},                  // agencies
        {"Jumlah", "Count"},                       // count
        {"Rata-rata", "Mean"},                     // mean
        {"Median", "Median"},                      // median
        {"Minimum", "Minimum"},                    // min
        {"Maksimum", "Maximum"},                   // max
        {"Simpangan baku", "Std. deviation"},      // stddev
        {"(tidak diisi)", "(not given)"},          // none
        {"Provinsi", "Province"},                  // province
        {"Jenis", "Type"},                         // type
        {"Masukan tidak valid", "Invalid inputs"}, // invalid
    });
    return set.get(lang);
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
