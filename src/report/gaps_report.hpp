// Renderers of `spbe gaps` (table, JSON spbe.gaps/2, CSV, Markdown) and the pieces `spbe plan`
// shares with them (target description, wrapping, JSON of the target).
#pragma once

#include "analysis/gaps.hpp"
#include "report/score_report.hpp"

#include <string>

namespace spbe {

inline constexpr const char* kGapsJsonSchema = "spbe.gaps/2";

std::string render_gaps_table(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt);
std::string render_gaps_json(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt);
std::string render_gaps_csv(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt);
std::string render_gaps_markdown(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt);

// "Baik (≥ 2.60), next predicate" / "index ≥ 3.2, from the command line" / "level 3 for every indicator".
std::string target_description(const Pack& pack, const Target& t, Lang lang);
// The "target" object of the JSON reports.
void write_target_json(JsonWriter& w, const Pack& pack, const Target& t, Lang lang);

} // namespace spbe
