// A cohort of scored agencies for `spbe report`: per rubric pack the agencies ranked by index, the
// self-assessment against the verified index (how much each agency over-claimed), the histogram of
// the index in tenths and the summary per group. Exact arithmetic; the report layer draws it.
#pragma once

#include "analysis/batch_stats.hpp"
#include "scoring/score.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

// What a cohort keeps of one agency (not its evidence file).
struct CohortMember {
    std::string path;
    const Pack* pack = nullptr;
    Agency agency;
    std::optional<int> year;
    Rational index; // on the chosen basis
    const Predicate* predicate = nullptr;
    std::vector<Rational> group_index; // parallel to Pack::groups
    Rational self_index;               // every indicator at its self-assessed level (verified where none)
    Rational verified_index;           // every indicator at the evaluator's level (self-assessed where none)
    bool verified_any = false;         // the evaluator gave at least one level
};

CohortMember make_cohort_member(const AgencyResult& r);

// One pack's part of a cohort.
struct CohortPack {
    const Pack* pack = nullptr;
    std::vector<CohortMember> members; // by index descending, ties by path
    std::vector<int> ranks;            // competition ranks, parallel to members
    RubricSummary summary;             // with the groups of the cohort's GroupBy
    // Self-assessment minus verified index over the members the evaluator has verified.
    size_t verified_count = 0;
    size_t over_claimed = 0;          // self-assessment above the verified index
    Rational mean_inflation;          // exact mean of the differences (0 when none verified)
    std::vector<size_t> by_inflation; // indices into members: verified ones, largest difference first
    Rational histogram_low;           // the pack's lowest level
    std::vector<size_t> histogram;    // agencies per tenth of an index point, from histogram_low
};

struct Cohort {
    std::vector<CohortPack> packs; // by pack id
    size_t scored = 0;
};

// `members` in path order (the order BatchSummarizer names the first minimum and maximum in).
Cohort build_cohort(std::vector<CohortMember> members, GroupBy group_by);

// The histogram bin of an index: floor((index − low) × 10), the highest level in the last bin.
size_t histogram_bin(const Rational& index, const Rational& low, size_t bins);

} // namespace spbe
