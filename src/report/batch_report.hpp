// Renderers of a scored batch: one compact row per agency (with a rank when sorted by index) and
// the cohort summary, in table, Markdown, CSV, JSON (spbe.batch/1) and JSON Lines.
#pragma once

#include "analysis/batch_stats.hpp"
#include "report/score_report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spbe {

inline constexpr const char* kBatchJsonSchema = "spbe.batch/1";

// What a batch keeps of one scored agency: the result row, not the evidence file.
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

enum class GroupBy { none, province, type, year };

struct SummaryPart {
    std::string key;          // group value ("" = not given); empty for the whole rubric
    BatchStats stats;
    std::string min_agency, min_path, max_agency, max_path;
};

struct RubricSummary {
    const Pack* pack = nullptr;
    SummaryPart all;
    std::vector<SummaryPart> groups; // with --group-by, sorted by key, "not given" last
};

struct BatchSummary {
    GroupBy group_by = GroupBy::none;
    size_t scored = 0;
    size_t invalid = 0;
    std::vector<RubricSummary> rubrics; // sorted by pack id
};

// Statistics per rubric (and per group). `rows` in path order: the first minimum/maximum in path
// order is the one named.
BatchSummary summarize_batch(const std::vector<BatchRow>& rows, GroupBy by, size_t invalid);

// Standard competition ranking ("1, 2, 2, 4") of rows already sorted by descending index.
void assign_ranks(std::vector<BatchRow>& rows);

struct BatchReportOptions {
    ReportOptions base;
    bool ranked = false;     // --sort index: rank column
    bool summary = true;     // print the summary block
    bool detail_blocks = false; // rows carry pre-rendered detailed blocks (table/markdown --detail)
};

// The per-agency fragments the worker threads pre-render so that results need not be kept.
std::string agency_json_fragment(const AgencyResult& r, const ReportOptions& opt, bool pretty);

std::string render_batch_table(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt);
std::string render_batch_markdown(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt);
std::string render_batch_csv(const std::vector<BatchRow>& rows, const BatchReportOptions& opt);
std::string render_batch_json(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt);
std::string render_batch_jsonl(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt);
// Only the summary, for appending after single-agency reports.
std::string render_summary_table(const BatchSummary& s, const ReportOptions& opt);
std::string render_summary_markdown(const BatchSummary& s, const ReportOptions& opt);

} // namespace spbe
