// The cheapest set of one-level steps that lifts the exact index to a target: a grouped knapsack
// (per indicator, how many levels to raise) solved exactly by dynamic programming.
#pragma once

#include "model/evidence.hpp"
#include "model/pack.hpp"

#include <optional>
#include <stdexcept>
#include <vector>

namespace spbe {

// Raised when the weights are so fine-grained that exact planning would need too much memory.
class PlanTooLarge : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Levels are stored values (Pack::step); a step always ends on a whole level.
struct PlanStep {
    int indicator = 0; // index into pack.indicators
    int from = 0;
    int to = 0;
    Rational effort;
    Rational gain;        // weight / total weight: the exact index gain of this step
    Rational index_after; // running index after this step
    const Predicate* predicate_after = nullptr;
};

struct Plan {
    bool reachable = true;
    Rational start_index;
    Rational target;
    Rational final_index;   // after every step of the plan
    Rational best_possible; // the highest index reachable (within --max-steps); equals final_index when unreachable
    Rational total_effort;
    std::vector<int> raise;      // parallel to pack.indicators: how many levels each indicator goes up
    std::vector<PlanStep> steps; // in display order (see plan_to_index)
};

// Minimum-effort plan from `levels` (parallel to pack.indicators) to an index of at least `target`.
// `efforts` is parallel to pack.indicators (a default Effort costs 1 per step); every step stays on
// the indicator's scale and at most `max_steps` steps are taken.
//
// Optimality and ties, in this order: least total effort (exact); then fewest steps; then the plan
// that raises indicators earlier in pack order (its steps, sorted by pack position and level, are
// lexicographically smallest). When the target cannot be met the plan is the cheapest way to the
// best possible index, with `reachable` false.
//
// Display order: repeatedly the next step (an indicator's steps stay in level order) with the
// largest gain per unit of effort (zero effort first), ties by larger gain, then pack order.
//
// `floors` (parallel to pack.indicators, may be empty) are per-indicator target levels that the plan
// must reach whatever the index needs: their steps are always part of the plan. Throws
// std::invalid_argument when they alone need more than `max_steps` steps.
Plan plan_to_index(const Pack& pack, const std::vector<int>& levels, const std::vector<Effort>& efforts,
                   const Rational& target, std::optional<int> max_steps = std::nullopt,
                   const std::vector<std::optional<int>>& floors = {});

// The stored value of an indicator at `value` raised by `raise` steps (each to the next whole level).
int raised_value(const Pack& pack, int value, int raise);

// Efforts parallel to pack.indicators from an evidence file (`effort:` entries; default 1 per step).
std::vector<Effort> efforts_from_file(const Pack& pack, const EvidenceFile& file);

// Total effort of raising indicator `i` from `from` to `to`.
Rational effort_between(const Effort& e, int from, int to);

} // namespace spbe
