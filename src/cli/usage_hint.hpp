// Usage errors in plain words for the common command-line mistakes: a mistyped command or option gets a
// did-you-mean, a missing argument is named by what it is, `spbe version` points at `spbe --version`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace spbe::cli {

// The names of the commands `spbe --help` lists (hidden ones left out), in its order.
std::vector<std::string> command_names(const CLI::App& app);

// The message for a parse failure of `app` on argv (without the "spbe: error: " prefix).
std::string explain_usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

} // namespace spbe::cli
