// The review checks `spbe check` adds to the evidence loader's: levels raised by the evaluator,
// claims without evidence, evidence documents missing, changed (SHA-256) or expired.
#pragma once

#include "model/evidence.hpp"
#include "model/pack.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

// Looks up an evidence document by its `file:` text (relative to the evidence file's folder):
// nullopt when it does not exist, else its SHA-256 in lowercase hex when `want_hash`, else "".
using EvidenceProbe = std::function<std::optional<std::string>(const std::string& file, bool want_hash)>;

// Appends warnings (verified-above-self, no-evidence, evidence-file-missing, sha256-mismatch,
// evidence-expired) for `file`, positions only. With the pack, levels it cannot record (2.5 in a
// whole-level pack, already an error of validate_evidence) are not reviewed.
void review_evidence(const EvidenceFile& file, const Date& as_of, const EvidenceProbe& probe,
                     std::vector<Diagnostic>& out, const Pack* pack = nullptr);

} // namespace spbe
