// The subcommand table entries, one per cmd_*.cpp file.
#pragma once

#include "cli/common.hpp"

namespace spbe::cli {

CommandSpec score_command();
CommandSpec explain_command();
CommandSpec rubrics_command();
CommandSpec gaps_command();
CommandSpec plan_command();
CommandSpec whatif_command();
CommandSpec diff_command();
CommandSpec schema_command();
CommandSpec init_command();
CommandSpec lint_command();
CommandSpec check_command();
CommandSpec rules_command();
CommandSpec report_command();
CommandSpec help_command();

// Parses argv, runs the chosen subcommand and returns the process exit code.
int run(int argc, char** argv);

} // namespace spbe::cli
