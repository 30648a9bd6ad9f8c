// The index and every group index are linear in the levels (score.hpp), so for one pack they can
// be precomputed as integer coefficients over one denominator: scoring a row of levels is then an
// integer dot product per value instead of a tree of normalised fractions. Exact, and checked
// against score_levels in the unit tests; used for the rows of a levels CSV.
#pragma once

#include "model/pack.hpp"

#include <vector>

namespace spbe {

class LinearScorer {
public:
    explicit LinearScorer(const Pack& pack);
    // False when some coefficient does not fit 64 bits over the common denominator (a pack with
    // unusual weights); use score_levels then.
    bool usable() const { return usable_; }
    // `levels` parallel to pack.indicators. Results equal score_levels(pack, levels).index and its
    // top-tier group indices (in Pack::groups_of_tier(0) order).
    Rational index(const int* levels) const { return index_.apply(levels); }
    void top(const int* levels, std::vector<Rational>& out) const;

private:
    struct Form {
        std::vector<long long> coef; // per indicator
        Rational::Int den = 1;
        Rational apply(const int* levels) const;
    };
    static bool make_form(const std::vector<Rational>& coefficients, Form& out);
    Form index_;
    std::vector<Form> top_;
    bool usable_ = true;
};

} // namespace spbe
