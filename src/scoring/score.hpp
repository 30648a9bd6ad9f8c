// The SPBE index as the regulation defines it: group index = Σ(child index × child weight) / group
// weight, innermost groups over indicator levels, overall index over the top tier. Exact rationals.
#pragma once

#include "model/evidence.hpp"
#include "model/pack.hpp"

#include <optional>
#include <vector>

namespace spbe {

enum class Basis { verified, self };

// "verified" or "self", as the command line and JSON reports spell it.
inline const char* basis_name(Basis b) { return b == Basis::verified ? "verified" : "self"; }

struct Score {
    Rational index;
    std::vector<Rational> group_index; // parallel to Pack::groups
    std::vector<int> levels;           // parallel to Pack::indicators: the levels that were scored
    const Predicate* predicate = nullptr;
};

// Scores one level per indicator (parallel to pack.indicators). Pure; the levels must be on scale.
Score score_levels(const Pack& pack, const std::vector<int>& levels);

// The level that counts for every indicator of the pack (verified where given, unless `basis` is
// self). nullopt when some indicator has no such level; validate_evidence explains which.
std::optional<std::vector<int>> levels_from_evidence(const Pack& pack, const EvidenceFile& file, Basis basis);

// The stored value of an indicator fed by an external index (ExternalIndex): offset + factor × value,
// kept within the scale and rounded half-up to the pack's decimals (the precision values are recorded
// in); the lowest level while the index is not published. nullopt when the pack knows no conversion.
std::optional<int> external_value(const Pack& pack, const Indicator& ind, const ExternalValue& given);

// Contribution of one indicator to the overall index: level × weight / total weight.
Rational index_contribution(const Pack& pack, int indicator, int value);

} // namespace spbe

namespace spbe {

// One agency scored: the evidence, the pack it was scored against, and the score on the chosen
// basis. `other` is the score on the other basis when it differs (self-assessment vs verified).
struct AgencyResult {
    std::string path;
    const Pack* pack = nullptr;
    EvidenceFile file;
    Basis basis = Basis::verified;
    Score score;
    std::optional<Score> other;
};

// Scores a validated evidence file. nullopt when a level is missing (validate_evidence says which).
std::optional<AgencyResult> score_evidence(const Pack& pack, EvidenceFile file, Basis basis);

} // namespace spbe
