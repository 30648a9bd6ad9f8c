// What `spbe lint` and `spbe check` share: their options (--format table|github|sarif|junit|json,
// --fail-on, --config), finding and reading .spbe.yaml, expanding path arguments, and turning the
// findings into a report and an exit code.
#pragma once

#include "analysis/findings.hpp"
#include "cli/common.hpp"

#include <string>
#include <vector>

namespace spbe::cli {

struct FindingsOptions {
    std::string fail_on = "error";
    std::string config;          // --config FILE; empty = search for .spbe.yaml
    std::size_t max_repeats = 5; // text format: findings of one rule shown per file (0 = all)
    OutputOptions out;
    CLI::Option* format_option = nullptr; // to tell an explicit --format from the default
};

void add_findings_options(CLI::App& app, FindingsOptions& opt);

// Reads --config or the nearest .spbe.yaml. Returns kOk, or kIoError / kUsage after printing why.
int load_findings_config(const FindingsOptions& opt, FindingsConfig& config);

// Whether the ignore glob `pattern` covers `path` (relative to the config folder): `*` and `?`
// match across folders, and a pattern naming a folder covers everything under it.
bool path_matches(const std::string& pattern, const std::string& path);

// apply_config's filter for the ignore entries of `config` (which must outlive it): a finding's path
// is taken relative to the config folder, both resolved against the working folder.
IgnoreFilter ignore_filter(const FindingsConfig& config);

// Expands one command-line path: a glob (when no such file exists and it has * ? or [) into its
// sorted matches; anything else is returned as is. Empty when a glob matches nothing.
std::vector<std::string> expand_glob(const std::string& arg);

// Normalised display form of a path: "a/./b" -> "a/b", no trailing slash.
std::string display_path(const std::string& path);

// Applies the configuration, renders in the chosen format, writes the report and returns the exit
// code: 4 when a file could not be read, 3 when one is not even YAML, 1 when a finding is at or
// above --fail-on, else 0.
// `input_code` raises the result for problems that are not findings of a file (an unusable pack).
int finish_findings(const std::string& command, std::vector<std::string> files, std::vector<Finding> findings,
                    const FindingsOptions& opt, const FindingsConfig& config, int input_code = kOk,
                    std::map<std::string, std::pair<std::size_t, std::size_t>> filled = {});

} // namespace spbe::cli
