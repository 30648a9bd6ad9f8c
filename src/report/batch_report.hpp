// Renderers of a scored batch: one compact row per agency (with a rank when sorted by index) and
// the cohort summary, in table, Markdown, CSV, JSON (spbe.batch/1) and JSON Lines.
#pragma once

#include "analysis/batch_stats.hpp"
#include "report/json_writer.hpp"
#include "report/score_report.hpp"

#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

// The byte form of a row in a batch's spool (a temporary file read back once the batch is done):
// `pack_no` indexes `packs`. decode_batch_row consumes one record from the front of `in`.
void encode_batch_row(std::string& out, const BatchRow& row, uint32_t pack_no);
BatchRow decode_batch_row(std::string_view& in, const std::vector<const Pack*>& packs);

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

// Statistics per rubric (and per group), gathered one row at a time so that a batch never keeps
// its rows: per agency only the exact index (for the median) stays, plus the current extremes.
// Rows must be added in path order: the first minimum/maximum in path order is the one named.
class BatchSummarizer {
public:
    // `expected`: the number of rows to come, when known, so the one pack's values are allocated once.
    explicit BatchSummarizer(GroupBy by, size_t expected = 0) : by_(by), expected_(expected) {}
    void add(const BatchRow& row);
    BatchSummary finish(size_t invalid);
    size_t scored() const { return scored_; }
    // The distinct packs seen so far, in order of first use.
    const std::vector<const Pack*>& packs() const { return packs_; }

private:
    // Values are kept as integers over a common denominator (8 bytes each), widened when a value
    // needs a finer one. Beyond 64 bits the exact variance (n²·den² in 128 bits) could not be
    // computed either, so that throws RationalOverflow.
    struct Part {
        std::vector<long long> units;
        Rational::Int den = 1;
        size_t count = 0;
        Rational min, max;
        std::string min_agency, min_path, max_agency, max_path;
        void add(const BatchRow& row, size_t expected);
        bool push_units(const Rational& x, size_t expected);
        SummaryPart finish(const Pack& pack, std::string key);
    };
    struct PerPack {
        const Pack* pack = nullptr;
        Part all;
        std::map<std::string, Part> groups;
    };
    GroupBy by_;
    size_t expected_ = 0;
    size_t scored_ = 0;
    std::map<std::string, PerPack> by_rubric_;
    std::vector<const Pack*> packs_;
};

// Standard competition ranking ("1, 2, 2, 4") of items already sorted by descending exact index;
// `index_of(item)` gives an item's index.
template <typename T, typename IndexOf>
std::vector<int> competition_ranks(const std::vector<T>& sorted, IndexOf index_of) {
    std::vector<int> ranks(sorted.size());
    for (size_t i = 0; i < sorted.size(); ++i)
        ranks[i] = i > 0 && index_of(sorted[i]) == index_of(sorted[i - 1]) ? ranks[i - 1] : static_cast<int>(i) + 1;
    return ranks;
}

enum class BatchFormat { table, markdown, csv, json, jsonl };

struct BatchReportOptions {
    ReportOptions base;
    bool ranked = false;     // --sort index: rank column
    bool summary = true;     // print the summary block
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
    bool mixed_ = false;           // more than one pack: a rubric column
    std::vector<std::string> cols_; // top-tier group ids
    std::map<const Pack*, std::vector<int>> col_of_; // per pack: its top-tier group index for each column, or -1
    std::vector<bool> right_;       // table alignment
    std::vector<size_t> widths_;
    size_t rows_ = 0;
    JsonWriter json_;
};

// Only the summary, for appending after single-agency reports.
std::string render_summary_table(const BatchSummary& s, const ReportOptions& opt);
std::string render_summary_markdown(const BatchSummary& s, const ReportOptions& opt);

} // namespace spbe
