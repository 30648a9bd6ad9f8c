// What `score` and `report` share when they read a batch: the --levels-csv files, a CSV row scored
// through the general path, the rule that the same agency counts once, and noting the inputs so
// that -o never replaces one of them.
#pragma once

#include "cli/agency_input.hpp"
#include "cli/csv_fast_path.hpp"
#include "cli/path_list.hpp"
#include "cli/score_feed.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace spbe::cli {

// Reads every --levels-csv argument (`-` is standard input, named <stdin>): usable ones go to `out`,
// problems to `diags`; `code` is raised to the exit code and `invalid` counts the unusable files.
void read_levels_csvs(const std::vector<std::string>& args, std::vector<CsvSource>& out, std::vector<Diagnostic>& diags,
                      int& code, size_t& invalid);

// One CSV row scored on the general path. A header that does not fit the row's pack sets
// `header_key` (CsvChecks::key; its messages are reported once per key) and gives no diagnostics.
InputOutcome score_csv_row(const std::vector<CsvSource>& csvs, int csv, size_t index, CsvChecks& checks,
                           const PackLookup& lookup, const std::string& rubric, Basis basis, std::string& header_key);

// The same agency (code, or name without a code) for the same year and pack counts once: the first
// row in input order. first() returns nullopt for that one and the warning naming both for a later one.
class AgencyOnce {
public:
    std::optional<Diagnostic> first(const Pack& pack, const Agency& agency, const std::optional<int>& year,
                                    const std::string& path);

private:
    std::unordered_map<std::string, std::string> paths_; // (pack, year, code or name) -> the row that counts
};

// Notes the batch's files, @lists, the stdin list and the --rubric folder as inputs, then checks -o.
int check_batch_output(const PathList& files, const std::vector<std::string>& inputs, const std::string& rubric,
                       const OutputOptions& out);

} // namespace spbe::cli
