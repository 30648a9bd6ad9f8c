// Renderers of a finished batch summary (analysis/batch_stats.hpp): the table and Markdown blocks
// printed after the rows, and the JSON object of spbe.batch/1 (also the JSON Lines summary line).
#pragma once

#include "analysis/batch_stats.hpp"
#include "report/json_writer.hpp"
#include "report/score_report.hpp"

#include <string>

namespace spbe {

std::string render_summary_table(const BatchSummary& s, const ReportOptions& opt);
std::string render_summary_markdown(const BatchSummary& s, const ReportOptions& opt);
// The summary's fields into an open JSON object.
void write_summary_json(JsonWriter& w, const BatchSummary& s, Lang lang);

} // namespace spbe
