// What a batch keeps of one scored agency: the result row (index, predicate, top-tier groups and
// the pre-rendered per-agency text its format needs), not the evidence file.
#pragma once

#include "report/score_report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spbe {

struct BatchRow {
    std::string path; // the file, or "levels.csv:12" for a row of a levels CSV
    const Pack* pack = nullptr;
    Agency agency;
    std::optional<int> year;
    Rational index;
    const Predicate* predicate = nullptr;
    std::vector<Rational> top; // top-tier group indices, in Pack::groups_of_tier(0) order
    std::string fragment;      // pre-rendered per-agency JSON object or detailed block, when the format needs it
    int rank = 0;              // 1-based, with --sort index
};

BatchRow make_batch_row(const AgencyResult& r);

} // namespace spbe
