// Structure-only copies of rubric pack files: the same YAML format without the questions, criteria
// and guidance text that scoring never reads. Built at compile time for the built-in packs (spbe_packc).
#pragma once

#include "model/pack.hpp"

#include <optional>
#include <string>

namespace spbe {

// The keys of an indicator that hold text only (dropped from structure-only files).
inline constexpr const char* kIndicatorTextKeys[] = {"question",         "description", "criteria", "assessment",
                                                     "example_evidence", "levels_2024", "guide",    "note"};

// Strips the text of one pack file: for the manifest ("pack.yaml") the provenance and the generic
// criteria of scale levels, for a group file the text keys of every indicator. Comments go too.
// nullopt when the text is not YAML (the caller validates the pack with load_pack first).
std::optional<std::string> strip_pack_file(const std::string& text, bool is_manifest);

// Everything of a pack that scoring and score reports read (ids, names, weights, tiers, group tree,
// scales, predicates, display), one line per item. Equal for a pack and its structure-only copy.
std::string pack_structure(const Pack& pack);

} // namespace spbe
