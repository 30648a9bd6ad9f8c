// Gap analysis: per indicator, how far it is below its target, what the next level requires, and
// which of the agency's listed evidence will not hold up (expired, no file, file missing).
#pragma once

#include "analysis/plan.hpp"
#include "analysis/target.hpp"
#include "scoring/score.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

enum class EvidenceProblem { expired, no_file, file_missing };

// One listed evidence item with everything wrong with it (in the order expired, no file, missing).
struct EvidenceIssue {
    const EvidenceItem* item = nullptr;
    std::vector<EvidenceProblem> problems;
};

// Levels are stored values (Pack::step: hundredths in a pack with decimals); next_level is a whole level.
struct GapRow {
    int indicator = 0; // index into pack.indicators
    int current = 0;   // the level that counts (basis)
    std::optional<int> self;
    std::optional<int> verified;
    int target = 0;
    Rational gain_level; // weight / total weight
    Rational gain_total; // gain_level × (target − current)
    int next_level = 0;
    const std::string* criteria = nullptr;          // of next_level (pack text)
    const std::string* expected_evidence = nullptr; // of next_level, empty when the pack has none
    const std::string* conditions = nullptr;        // of next_level ("Kondisi"), empty when the pack has none
    std::vector<EvidenceIssue> evidence_issues;     // of the agency's listed evidence
};

enum class FlagKind {
    self_above_verified,    // self-assessed level above the evaluator's
    claim_without_evidence, // self-assessed level ≥ 2 with no evidence listed
};

struct GapFlag {
    int indicator = 0;
    FlagKind kind = FlagKind::self_above_verified;
    int self = 0;
    std::optional<int> verified;
};

struct GapsResult {
    Target target;
    Rational current_index;
    const Predicate* current_predicate = nullptr;
    Rational index_after; // with every row at its target
    const Predicate* predicate_after = nullptr;
    bool target_met = true;     // index targets: index_after reaches the target
    std::optional<Plan> plan;   // index targets: the plan the target levels come from
    std::vector<GapRow> rows;   // by gain_total desc, ties in pack order
    std::vector<GapFlag> flags; // in pack order, self_above_verified first per indicator
    Date as_of;
};

struct GapsOptions {
    Date as_of;
    // Whether a listed evidence file exists (the CLI checks the disk relative to the evidence file's
    // folder); nullptr = do not check.
    std::function<bool(const std::string&)> file_exists;
};

// What is wrong with one listed evidence item on `options.as_of` (no problems: it holds up).
EvidenceIssue evidence_issue(const EvidenceItem& item, const GapsOptions& options);

// One listed evidence item of the agency's file, with its indicator and problems.
struct EvidenceRow {
    int indicator = 0; // index into pack.indicators
    EvidenceIssue issue;
};

// Every evidence item the file lists, in pack order of the indicators, then file order.
std::vector<EvidenceRow> list_evidence(const AgencyResult& agency, const GapsOptions& options);

// The levels that count once every gap row is at its target (the rest as they are).
std::vector<int> levels_at_target(const AgencyResult& agency, const GapsResult& gaps);

// Target levels: for an index target, the levels of the minimum-effort plan (plan_to_index with the
// file's efforts); for a levels target, the given levels. Rows only for indicators below target.
GapsResult analyse_gaps(const AgencyResult& agency, const Target& target, const GapsOptions& options);

} // namespace spbe
