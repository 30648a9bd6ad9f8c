// Turning an evidence file path into a scored agency: read, parse, find the pack, validate,
// score. Every command that starts from evidence files goes through here.
#pragma once

#include "cli/common.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "scoring/score.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spbe::cli {

struct InputOutcome {
    std::optional<AgencyResult> result; // only when the file is fully valid
    std::vector<Diagnostic> diags;      // with file paths attached
    int exit_code = kOk;                // kInvalidInput or kIoError when `result` is empty
};

// `rubric_override` (from --rubric) replaces the file's own `rubric:`; empty = use the file's.
InputOutcome load_agency(const std::string& path, PackRegistry& registry, const std::string& rubric_override,
                         Basis basis);

// The same from text already in memory (stdin, tests).
InputOutcome load_agency_text(const std::string& path, const std::string& text, PackRegistry& registry,
                              const std::string& rubric_override, Basis basis);

// A .csv file given as an evidence file: the one message to give instead of its YAML errors (the file
// did not parse as YAML), naming --levels-csv; nullopt for any other path.
std::optional<Diagnostic> csv_as_evidence(const std::string& path);

// Whether a document an evidence file lists (`file:`) exists: absolute as given, else relative to the
// evidence file's folder. For the gaps engine's GapsOptions::file_exists.
std::function<bool(const std::string&)> evidence_file_probe(const std::string& evidence_path);

// Finds a pack by reference (PackRegistry::get's contract); batch scoring passes a guarded one.
using PackLookup = std::function<const Pack*(const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error)>;

// The steps after parsing, shared by YAML files and levels-CSV rows: find the pack, validate, score.
InputOutcome score_parsed(const std::string& path, EvidenceParse parsed, const PackLookup& lookup,
                          const std::string& rubric_override, Basis basis);

} // namespace spbe::cli
