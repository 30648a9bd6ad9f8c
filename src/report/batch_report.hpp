// The renderer of a scored batch: one compact row per agency (with a rank when sorted by index), then
// the cohort summary, in table, Markdown, CSV, JSON (spbe.batch/1) and JSON Lines.
#pragma once

#include "analysis/batch_stats.hpp"
#include "report/batch_row.hpp"
#include "report/batch_summary_report.hpp"
#include "report/json_writer.hpp"
#include "report/score_report.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace spbe {

inline constexpr const char* kBatchJsonSchema = "spbe.batch/1";

enum class BatchFormat { table, markdown, csv, json, jsonl };

struct BatchReportOptions {
    ReportOptions base;
    bool ranked = false;        // --sort index: rank column
    bool summary = true;        // print the summary block
    bool detail_blocks = false; // rows carry pre-rendered detailed blocks (table/markdown --detail)
};

// The per-agency fragments the worker threads pre-render so that results need not be kept.
std::string agency_json_fragment(const AgencyResult& r, const ReportOptions& opt, bool pretty);

// Renders a batch piece by piece, so that rows can be written out as they are read back:
//   header() once, then row() per row in output order, then footer(summary).
// The columns depend only on the set of packs in the batch. A plain table also needs its column
// widths, so when needs_widths() every row goes through widen() before header() is called.
class BatchRenderer {
public:
    BatchRenderer(BatchFormat format, const BatchReportOptions& opt, const std::vector<const Pack*>& packs);
    bool needs_widths() const { return format_ == BatchFormat::table && !opt_.detail_blocks; }
    void widen(const BatchRow& row);
    std::string header();
    std::string row(const BatchRow& row);
    std::string footer(const BatchSummary& s);

    // Rows rendered ahead of time, in parallel, by a renderer made for the row's pack alone:
    // row(r) == place(row_text(r)) whenever the batch's packs give the same columns, and always
    // for JSON and JSON Lines, whose rows do not depend on the columns. Not for tables (widths)
    // or rankings (the rank is known only at the end).
    bool prerenderable() const { return !opt_.ranked && format_ != BatchFormat::table; }
    bool columns_matter() const { return format_ != BatchFormat::json && format_ != BatchFormat::jsonl; }
    std::string row_text(const BatchRow& row) const;
    std::string place(std::string_view text);

private:
    std::vector<std::string> table_cells(const BatchRow& r) const;
    void append_top_cells(std::vector<std::string>& cells, const BatchRow& r) const;
    BatchFormat format_;
    BatchReportOptions opt_;
    bool mixed_ = false;                             // more than one pack: a rubric column
    std::vector<std::string> cols_;                  // top-tier group ids
    std::map<const Pack*, std::vector<int>> col_of_; // per pack: its top-tier group index for each column, or -1
    std::vector<bool> right_;                        // table alignment
    std::vector<size_t> widths_;
    size_t rows_ = 0;
    JsonWriter json_;
};

} // namespace spbe
