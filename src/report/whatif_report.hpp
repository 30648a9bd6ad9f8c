// Renderers of a what-if simulation: table, JSON (docs/json-output.md, "whatif"), CSV and Markdown.
#pragma once

#include "analysis/whatif.hpp"
#include "report/score_report.hpp"

#include <string>

namespace spbe {

inline constexpr const char* kWhatIfJsonSchema = "spbe.whatif/1";

// `base` is the agency as scored from its file; `w` the simulation on the same pack and basis.
std::string render_whatif_table(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt);
std::string render_whatif_json(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt);
std::string render_whatif_csv(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt);
std::string render_whatif_markdown(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt);

} // namespace spbe
