// Levels-CSV rows on the fast path: each CSV header checked once per pack, and clean rows scored with
// the pack's LinearScorer straight from the CSV fields, without an evidence file in between.
#pragma once

#include "cli/agency_input.hpp"
#include "cli/score_feed.hpp"
#include "report/batch_row.hpp"
#include "scoring/linear_score.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace spbe::cli {

// Header of a levels CSV checked against one pack, once per (CSV, pack).
struct HeaderCheck {
    bool ok = true;
    std::vector<Diagnostic> diags;
    std::vector<int> to_pack; // when ok: pack indicator index of each indicator column
};

HeaderCheck check_header(const CsvSource& src, const Pack& pack);

// What the workers of a run share about its CSVs, behind one lock: header checks and scorers.
class CsvChecks {
public:
    explicit CsvChecks(const std::vector<CsvSource>& csvs) : csvs_(csvs) {}
    // The check of CSV number `csv` against `pack`; the reference stays valid for the run.
    const HeaderCheck& header(int csv, const Pack& pack);
    const LinearScorer& scorer(const Pack& pack);
    // What a result names a failed header by, reported once per key.
    static std::string key(int csv, const Pack& pack);
    // The diagnostics of every check made under `key`, in (CSV, pack) order.
    std::vector<std::vector<Diagnostic>> diags_of(const std::string& key);

private:
    const std::vector<CsvSource>& csvs_;
    std::mutex mutex_;
    std::map<std::pair<int, const Pack*>, HeaderCheck> headers_; // map nodes never move
    std::map<const Pack*, std::unique_ptr<LinearScorer>> scorers_;
};

// What the rows of one CSV run share on the fast path: the pack, header check and scorer of the
// last rubric seen (a CSV rarely mixes rubrics), and buffers reused from row to row.
class CsvFastPath {
public:
    // `rubric`: the --rubric option ("" = each row's own); `lookup` resolves packs.
    CsvFastPath(const std::vector<CsvSource>& csvs, const std::string& rubric, const PackLookup& lookup,
                CsvChecks& checks)
        : csvs_(csvs), rubric_(rubric), lookup_(lookup), checks_(checks) {}
    // A clean row scored into `out`. Anything unusual returns false and takes the general path,
    // which gives the same numbers and explains problems.
    bool score(int csv, size_t index, std::optional<BatchRow>& out);

private:
    const std::vector<CsvSource>& csvs_;
    const std::string& rubric_;
    const PackLookup& lookup_;
    CsvChecks& checks_;
    std::string ref_;
    const Pack* pack_ = nullptr;
    const HeaderCheck* header_ = nullptr;
    const LinearScorer* scorer_ = nullptr;
    FastCsvRow row_;
    std::vector<int> levels_;
};

} // namespace spbe::cli
