// The --target / --target-level options shared by `gaps` and `plan`, and their resolution against
// the scored agency with the messages and exit codes of the CLI.
#pragma once

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

} // namespace spbe::cli
