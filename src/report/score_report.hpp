// Renderers of scored agencies: table (terminal and logs), JSON (versioned, docs/json-output.md),
// CSV (one row per agency) and Markdown. Each returns the whole text; the caller writes it.
#pragma once

#include "model/text.hpp"
#include "scoring/score.hpp"

#include <string>
#include <vector>

namespace spbe {

struct ReportOptions {
    Lang lang = Lang::id;
    bool color = false;
    bool detail = false; // per-indicator table
};

inline constexpr const char* kScoreJsonSchema = "spbe.score/1";

std::string render_score_table(const std::vector<AgencyResult>& results, const ReportOptions& opt);
std::string render_score_json(const std::vector<AgencyResult>& results, const ReportOptions& opt);
std::string render_score_csv(const std::vector<AgencyResult>& results, const ReportOptions& opt);
std::string render_score_markdown(const std::vector<AgencyResult>& results, const ReportOptions& opt);

// Pieces reused by other reports (gaps, whatif, diff).
class JsonWriter;
void write_agency_json(JsonWriter& w, const AgencyResult& r, const ReportOptions& opt);
// "file", "rubric", "agency" (the object of score), "agency_name" (the name, kept for one schema version), "year"
// and "basis" of one scored file: the opening fields of the gaps, plan and diff reports.
void write_file_fields_json(JsonWriter& w, const AgencyResult& r);
// "Pemerintah Kabupaten Contoh · 2024 · spbe-2020 (PermenPANRB 59/2020)"
std::string agency_heading(const AgencyResult& r);
std::string level_text(const Pack& pack, const IndicatorEntry* entry, int level, Basis basis, Lang lang);

} // namespace spbe
