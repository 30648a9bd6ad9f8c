// The --target / --target-level options shared by `gaps` and `plan`, and their resolution against
// the scored agency with the messages and exit codes of the CLI.
#pragma once

#include "analysis/gaps.hpp"
#include "analysis/target.hpp"
#include "cli/common.hpp"
#include "scoring/score.hpp"

#include <optional>
#include <string>

namespace spbe::cli {

struct TargetCliOptions {
    std::string target;
    int target_level = 0;
    CLI::Option* target_level_opt = nullptr;
};

void add_target_options(CLI::App& app, TargetCliOptions& opt, bool with_level);

// Resolves the target (command line > evidence file > next predicate). Returns kOk and sets
// `target`, or prints the problem and returns kUsage / kInvalidInput.
int resolve_cli_target(const AgencyResult& r, const TargetCliOptions& opt, bool allow_levels,
                       std::optional<Target>& target);

// What `gaps` and `report` start from: one evidence file scored, its target resolved (command line >
// file > next predicate) and the gaps towards it with the evidence checked on `as_of` (for the file's year). Not to be
// moved once loaded: the agency points into the registry's pack, the gaps into the agency's evidence.
struct AgencyGaps {
    PackRegistry registry{PackLoadOptions{}, disk_file_reader()}; // owns the pack the agency points to
    std::optional<AgencyResult> agency;
    std::optional<Target> target;
    GapsOptions options;
    GapsResult gaps;
};

// Prints every problem; returns kOk or the exit code (the file's, kUsage for the target, kInvalidInput
// for a plan too large to search).
int load_agency_gaps(const std::string& file, const std::string& rubric, Basis basis, const TargetCliOptions& target,
                     const AsOf& as_of, AgencyGaps& out);

} // namespace spbe::cli
