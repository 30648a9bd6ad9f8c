// Reading rubric packs (manifest + one file per top-level group) and validating their structure:
// exact weight sums, unique ids, complete criteria, predicate bands. See docs/rubric-format.md.
#pragma once

#include "model/pack.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

// What a PackFileReader gives for one file: its text, or why there is none. Converts from a bare
// optional (nullopt: the file does not exist), which is all an in-memory reader needs.
struct PackFileText {
    std::optional<std::string> text;
    std::string error;      // empty when the file does not exist; else the reason ("is a directory")
    bool too_large = false; // refused by the caller's size limit: invalid input, not an I/O error
    PackFileText(std::optional<std::string> t = std::nullopt) : text(std::move(t)) {} // NOLINT: implicit on purpose
};

// Returns the text of a file of the pack by its name relative to the pack folder (the loader
// reports a file that cannot be read as an I/O problem, one above the size limit as invalid).
using PackFileReader = std::function<PackFileText(const std::string& name)>;

struct PackLoadOptions {
    // Keep questions, criteria and guidance text. Scoring does not need it.
    bool with_text = true;
    // For `spbe lint`: go on after errors to report as much as possible, report listed files that
    // cannot be read as findings (pack-files) rather than I/O failures, and add the authoring
    // warnings (display-declared, missing-translation).
    bool lint = false;
};

struct PackLoad {
    std::optional<Pack> pack;      // set only when there are no errors
    std::vector<Diagnostic> diags; // `file` is the name within the pack ("pack.yaml", "policy.yaml")
    bool io_error = false;
    std::vector<std::string> files; // the manifest's `files` list as read (for the stray-file check)
};

inline constexpr const char* kManifestName = "pack.yaml";

PackLoad load_pack(const PackFileReader& read, const PackLoadOptions& options = {});

} // namespace spbe
