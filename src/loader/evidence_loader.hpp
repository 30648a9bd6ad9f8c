// Reading agency evidence files (the contract documented in docs/evidence-format.md) from text,
// and checking them against a rubric pack.
#pragma once

#include "model/evidence.hpp"
#include "model/pack.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spbe {

struct EvidenceParse {
    std::optional<EvidenceFile> file; // set when the structure was readable (it may still have errors)
    std::vector<Diagnostic> diags;    // positions only; the caller attaches the path
};

// Parses the YAML text of an evidence file. Structural problems (syntax, types, duplicate and
// unknown keys, non-integer levels) are reported all at once.
EvidenceParse parse_evidence(const std::string& text);

// Problems that need the pack: unknown and missing indicators, levels outside the scale, levels
// not filled in (for `self_basis`, the self-assessed level must be there). Appends to `diags`,
// sorted by position.
void validate_evidence(const EvidenceFile& file, const Pack& pack, std::vector<Diagnostic>& diags,
                       bool self_basis = false);

} // namespace spbe
