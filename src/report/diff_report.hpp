// Renderers of a year-over-year comparison: table, JSON (docs/json-output.md, "diff"), CSV, Markdown.
#pragma once

#include "analysis/diff.hpp"
#include "report/score_report.hpp"

#include <string>

namespace spbe {

inline constexpr const char* kDiffJsonSchema = "spbe.diff/2";

struct DiffInput {
    const AgencyResult* old_result = nullptr;
    const AgencyResult* new_result = nullptr;
    Date as_of;
    std::string crosswalk_path; // the --map file, for the note that only its pairs are compared
};

std::string render_diff_table(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt);
std::string render_diff_json(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt);
std::string render_diff_csv(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt);
std::string render_diff_markdown(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt);

} // namespace spbe
