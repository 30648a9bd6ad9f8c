// LinearScorer: the coefficients are read off score_levels itself (the value of a unit vector of
// levels), so the fast path cannot drift from the regulation's formula as written in score.cpp.
#include "scoring/linear_score.hpp"

#include "scoring/score.hpp"

#include <cstdint>

namespace spbe {

bool LinearScorer::make_form(const std::vector<Rational>& coefficients, Form& out) {
    using Int = Rational::Int;
    Int den = 1;
    for (const auto& c : coefficients) {
        Int l = den / gcd(den, c.den());
        if (__builtin_mul_overflow(l, c.den(), &den) || den > INT64_MAX) return false;
    }
    out.den = den;
    out.coef.clear();
    for (const auto& c : coefficients) {
        Int v;
        if (__builtin_mul_overflow(c.num(), den / c.den(), &v) || v > INT64_MAX || v < INT64_MIN) return false;
        out.coef.push_back(static_cast<long long>(v));
    }
    return true;
}

Rational LinearScorer::Form::apply(const int* levels) const {
    // |coef| < 2^63 and |level| <= 1000 (the loaders' bound), so even thousands of indicators
    // cannot overflow 128 bits.
    Rational::Int sum = 0;
    for (size_t i = 0; i < coef.size(); ++i) sum += static_cast<Rational::Int>(coef[i]) * levels[i];
    return Rational(sum, den);
}

LinearScorer::LinearScorer(const Pack& pack) {
    const size_t n = pack.indicators.size();
    const std::vector<int> tops = pack.groups_of_tier(0);
    std::vector<Rational> index_coef;
    std::vector<std::vector<Rational>> top_coef(tops.size());
    try {
        std::vector<int> unit(n, 0);
        for (size_t i = 0; i < n; ++i) {
            unit[i] = 1;
            Score s = score_levels(pack, unit);
            unit[i] = 0;
            index_coef.push_back(s.index);
            for (size_t t = 0; t < tops.size(); ++t) top_coef[t].push_back(s.group_index[static_cast<size_t>(tops[t])]);
        }
    } catch (const RationalOverflow&) {
        usable_ = false;
        return;
    }
    usable_ = make_form(index_coef, index_);
    top_.resize(tops.size());
    for (size_t t = 0; t < tops.size() && usable_; ++t) usable_ = make_form(top_coef[t], top_[t]);
}

void LinearScorer::top(const int* levels, std::vector<Rational>& out) const {
    out.clear();
    for (const auto& f : top_) out.push_back(f.apply(levels));
}

} // namespace spbe
