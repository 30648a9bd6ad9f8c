// Cohort statistics of a batch of indices under one rubric pack: count, exact mean and median,
// extremes, population standard deviation (exact variance, correctly rounded root) and predicates;
// the batch summary per rubric and group, gathered row by row; competition ranks.
#pragma once

#include "model/evidence.hpp"
#include "model/pack.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

struct BatchStats {
    size_t count = 0;
    Rational mean;
    Rational median; // the middle value, or the mean of the two middle values
    Rational min;
    Rational max;
    size_t min_pos = 0; // position in the input of the first minimum / maximum
    size_t max_pos = 0;
    Rational variance;                    // population variance Σ(x − mean)² / n, exact
    std::vector<size_t> predicate_counts; // parallel to Pack::predicates (highest band first)
};

// Statistics of `values` (non-empty) under `pack`'s predicate bands.
BatchStats compute_batch_stats(const Pack& pack, const std::vector<Rational>& values);

// The same for values given as integers over one denominator (value_i = units[i] / den), the
// compact form a large batch keeps: 8 bytes an agency. `units` is reordered (for the median).
BatchStats compute_batch_stats(const Pack& pack, std::vector<long long>& units, Rational::Int den);

// √v rounded half-up to `precision` decimals, exactly (integer square root, no floating point):
// the result is the decimal nearest to the true root, ties away from zero. v must be ≥ 0.
std::string decimal_sqrt(const Rational& v, int precision);

enum class GroupBy { none, province, type, year };

struct SummaryPart {
    std::string key; // group value ("" = not given); empty for the whole rubric
    BatchStats stats;
    std::string min_agency, min_path, max_agency, max_path;
};

struct RubricSummary {
    const Pack* pack = nullptr;
    SummaryPart all;
    std::vector<SummaryPart> groups; // with --group-by, sorted by key, "not given" last
};

struct BatchSummary {
    GroupBy group_by = GroupBy::none;
    size_t scored = 0;
    size_t invalid = 0;
    std::vector<RubricSummary> rubrics; // sorted by pack id
};

// Statistics per rubric (and per group), gathered one row at a time so that a batch never keeps
// its rows: per agency only the exact index (for the median) stays, plus the current extremes.
// Rows must be added in path order: the first minimum/maximum in path order is the one named.
class BatchSummarizer {
public:
    // `expected`: the number of rows to come, when known, so the one pack's values are allocated once.
    explicit BatchSummarizer(GroupBy by, size_t expected = 0) : by_(by), expected_(expected) {}
    // One scored agency: its pack, agency and year (for the group), index, and the path that names it.
    void add(const Pack& pack, const Agency& agency, const std::optional<int>& year, const Rational& index,
             const std::string& path);
    BatchSummary finish(size_t invalid);
    size_t scored() const { return scored_; }
    // The distinct packs seen so far, in order of first use.
    const std::vector<const Pack*>& packs() const { return packs_; }

private:
    // Values are kept as integers over a common denominator (8 bytes each), widened when a value
    // needs a finer one. Beyond 64 bits the exact variance (n²·den² in 128 bits) could not be
    // computed either, so that throws RationalOverflow.
    struct Part {
        std::vector<long long> units;
        Rational::Int den = 1;
        size_t count = 0;
        Rational min, max;
        std::string min_agency, min_path, max_agency, max_path;
        void add(const Rational& index, const std::string& agency, const std::string& path, size_t expected);
        bool push_units(const Rational& x, size_t expected);
        SummaryPart finish(const Pack& pack, std::string key);
    };
    struct PerPack {
        const Pack* pack = nullptr;
        Part all;
        std::map<std::string, Part> groups;
    };
    GroupBy by_;
    size_t expected_ = 0;
    size_t scored_ = 0;
    std::map<std::string, PerPack> by_rubric_;
    std::vector<const Pack*> packs_;
};

// Standard competition ranking ("1, 2, 2, 4") of items already sorted by descending exact index;
// `index_of(item)` gives an item's index.
template <typename T, typename IndexOf>
std::vector<int> competition_ranks(const std::vector<T>& sorted, IndexOf index_of) {
    std::vector<int> ranks(sorted.size());
    for (size_t i = 0; i < sorted.size(); ++i)
        ranks[i] = i > 0 && index_of(sorted[i]) == index_of(sorted[i - 1]) ? ranks[i - 1] : static_cast<int>(i) + 1;
    return ranks;
}

} // namespace spbe
