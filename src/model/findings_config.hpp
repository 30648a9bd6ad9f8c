// The `.spbe.yaml` configuration of `spbe lint` and `spbe check`: per-rule severities (or off) and
// per-path ignores. Plain data; read by loader/config_loader, applied by analysis/findings.
#pragma once

#include "model/text.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

struct RuleSetting {
    std::optional<Severity> severity; // nullopt = the rule is off
    SourcePos pos;
};

// Findings in files whose path matches `path` (a glob, relative to the config file's folder) are
// dropped; only those of `rules` when given, else all.
struct IgnoreEntry {
    std::string path;
    std::vector<std::string> rules;
    SourcePos pos;
};

struct FindingsConfig {
    std::string file;     // the config file, empty when none was used
    std::string base_dir; // folder the ignore globs are relative to
    std::map<std::string, RuleSetting> rules;
    std::vector<IgnoreEntry> ignore;
};

} // namespace spbe
