// Reading the `.spbe.yaml` configuration of `spbe lint` / `spbe check`, and finding it: from the
// current folder upward to the repository root (the folder holding .git).
#pragma once

#include "model/findings_config.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spbe {

inline constexpr const char* kConfigName = ".spbe.yaml";

// Parses the configuration text:
//   rules: {weights-sum: error, stray-file: off, no-evidence: info}
//   ignore: [{path: "legacy/*.yaml", rules: [no-evidence]}, {path: drafts}]
// Rule ids are not checked here (see validate_config). Diagnostics carry positions only.
FindingsConfig parse_config(const std::string& text, std::vector<Diagnostic>& diags);

// The nearest .spbe.yaml from `start` upward, stopping at the first folder that holds .git (the
// repository root) or at the filesystem root; nullopt when there is none.
std::optional<std::string> find_config(const std::string& start);

} // namespace spbe
