// User-facing labels of the batch reports (row columns, summary block, group names) in Bahasa
// Indonesia and English, beside the shared report labels.
#pragma once

#include "analysis/batch_stats.hpp"
#include "model/text.hpp"

#include <string>

namespace spbe {

struct BatchLabels {
    const char* rank;
    const char* rank_word;
    const char* file;
    const char* summary;
    const char* agency;
    const char* agencies;
    const char* count;
    const char* mean;
    const char* median;
    const char* min;
    const char* max;
    const char* stddev;
    const char* none;
    const char* province;
    const char* type;
    const char* invalid;
};

const BatchLabels& batch_labels(Lang lang);

// The group's name in JSON ("province", …) and its column heading; empty for GroupBy::none.
const char* group_by_name(GroupBy by);
std::string group_by_label(GroupBy by, Lang lang);
// A group's value as shown: "(not given)" for an empty key.
std::string key_text(const std::string& key, Lang lang);

} // namespace spbe
