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
};

struct PackLoad {
    std::optional<Pack> pack; // set only when there are no errors
    std::vector<Diagnostic> diags; // `file` is the name within the pack ("pack.yaml", "policy.yaml")
    bool io_error = false;
};

inline constexpr const char* kManifestName = "pack.yaml";

PackLoad load_pack(const PackFileReader& read, const PackLoadOptions& options = {});

} // namespace spbe
