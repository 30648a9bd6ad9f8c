// Reading rubric packs (manifest + one file per top-level group) and validating their structure:
// exact weight sums, unique ids, complete criteria, predicate bands. See docs/rubric-format.md.
#pragma once

#include "model/pack.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

// Returns the text of a file of the pack by its name relative to the pack folder, or nullopt when
// it cannot be read (the loader reports it as an I/O problem).
using PackFileReader = std::function<std::optional<std::string>(const std::string& name)>;

struct PackLoadOptions {
    // Keep questions, criteria and guidance text. Scoring does not need it.
    bool with_text = true;
    // For `spbe lint`: go on after errors to report as much as possible, report listed files that
    // cannot be read as findings (pack-files) rather than I/O failures, and add the authoring
    // warnings (display-declared, missing-translation).
    bool lint = false;
};

struct PackLoad {
    std::optional<Pack> pack; // set only when there are no errors
    std::vector<Diagnostic> diags; // `file` is the name within the pack ("pack.yaml", "policy.yaml")
    bool io_error = false;
    std::vector<std::string> files; // the manifest's `files` list as read (for the stray-file check)
};

inline constexpr const char* kManifestName = "pack.yaml";

PackLoad load_pack(const PackFileReader& read, const PackLoadOptions& options = {});

} // namespace spbe
