// Cohort statistics of a batch of indices under one rubric pack: count, exact mean and median,
// extremes, population standard deviation (exact variance, correctly rounded root) and predicates.
#pragma once

#include "model/pack.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace spbe {

struct BatchStats {
    size_t count = 0;
    Rational mean;
    Rational median;   // the middle value, or the mean of the two middle values
    Rational min;
    Rational max;
    size_t min_pos = 0; // position in the input of the first minimum / maximum
    size_t max_pos = 0;
    Rational variance;  // population variance Σ(x − mean)² / n, exact
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

} // namespace spbe
