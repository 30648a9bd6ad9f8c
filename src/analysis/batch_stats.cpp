// Batch statistics in exact arithmetic. The standard deviation is irrational in general, so it is
// produced as a correctly rounded decimal from the exact variance with an integer square root.
// BatchSummarizer streams a batch's indices into these statistics per rubric and group.
#include "analysis/batch_stats.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace spbe {

namespace {

using Int = Rational::Int;
__extension__ typedef unsigned __int128 UInt;

Int mul(Int a, Int b) {
    Int r;
    if (__builtin_mul_overflow(a, b, &r)) throw RationalOverflow();
    return r;
}

Int add(Int a, Int b) {
    Int r;
    if (__builtin_add_overflow(a, b, &r)) throw RationalOverflow();
    return r;
}

// floor(√n) by Newton's iteration from above; exact for every 128-bit n.
UInt isqrt(UInt n) {
    if (n < 2) return n;
    int bits = 0;
    for (UInt t = n; t; t >>= 1) ++bits;
    UInt x = UInt(1) << ((bits + 1) / 2); // ≥ √n
    while (true) {
        UInt y = (x + n / x) / 2;
        if (y >= x) return x;
        x = y;
    }
}

} // namespace

std::string decimal_sqrt(const Rational& v, int precision) {
    if (v < Rational(0)) throw std::domain_error("square root of a negative number");
    // s = √v · 10^p. floor(2s) = isqrt(floor(4 · num · 10^(2p) / den)), and the half-up rounding
    // of s is floor(s + 1/2) = floor((floor(2s) + 1) / 2).
    Int scale = 1;
    for (int i = 0; i < 2 * precision; ++i) scale = mul(scale, 10);
    Int radicand = mul(mul(v.num(), 4), scale) / v.den();
    Int k = static_cast<Int>(isqrt(static_cast<UInt>(radicand)));
    Int rounded = (k + 1) / 2;
    Int unit = 1;
    for (int i = 0; i < precision; ++i) unit *= 10;
    return Rational(rounded, unit).to_fixed(precision);
}

BatchStats compute_batch_stats(const Pack& pack, const std::vector<Rational>& values) {
    // Over a common denominator D every value is an integer: the units form below.
    Int d = 1;
    for (const auto& x : values) d = mul(d / gcd(d, x.den()), x.den());
    std::vector<long long> units;
    units.reserve(values.size());
    for (const auto& x : values) {
        Int a = mul(x.num(), d / x.den());
        if (a > std::numeric_limits<long long>::max() || a < std::numeric_limits<long long>::min())
            throw RationalOverflow();
        units.push_back(static_cast<long long>(a));
    }
    return compute_batch_stats(pack, units, d);
}

BatchStats compute_batch_stats(const Pack& pack, std::vector<long long>& units, Rational::Int den) {
    BatchStats s;
    s.count = units.size();
    s.predicate_counts.assign(pack.predicates.size(), 0);
    if (units.empty()) return s;
    // With a_i = units[i]: mean = Σa / (n·den), variance = (nΣa² − (Σa)²) / (n²·den²), exact integers.
    Int n = static_cast<Int>(units.size());
    Int s1 = 0, s2 = 0;
    long long lo = units.front(), hi = units.front();
    for (size_t i = 0; i < units.size(); ++i) {
        Int a = units[i];
        s1 = add(s1, a);
        s2 = add(s2, mul(a, a));
        if (units[i] < lo) {
            lo = units[i];
            s.min_pos = i;
        }
        if (units[i] > hi) {
            hi = units[i];
            s.max_pos = i;
        }
        const Predicate& p = pack.predicate_for(Rational(a, den));
        ++s.predicate_counts[static_cast<size_t>(&p - pack.predicates.data())];
    }
    s.min = Rational(lo, den);
    s.max = Rational(hi, den);
    s.mean = Rational(s1, mul(n, den));
    s.variance = Rational(add(mul(n, s2), -mul(s1, s1)), mul(mul(n, n), mul(den, den)));
    size_t mid = units.size() / 2;
    std::nth_element(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(mid), units.end());
    s.median = Rational(units[mid], den);
    if (units.size() % 2 == 0) {
        long long below = *std::max_element(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(mid));
        s.median = Rational(add(below, units[mid]), mul(den, 2));
    }
    return s;
}

namespace {

std::string group_key(const Agency& agency, const std::optional<int>& year, GroupBy by) {
    switch (by) {
    case GroupBy::province: return agency.province;
    case GroupBy::type: return agency.type;
    case GroupBy::year: return year ? std::to_string(*year) : std::string();
    case GroupBy::none: break;
    }
    return {};
}

} // namespace

void BatchSummarizer::Part::add(const Rational& index, const std::string& agency, const std::string& path,
                                size_t expected) {
    // Strict comparisons: ties keep the first in path order.
    if (count == 0 || index < min) {
        min = index;
        min_agency = agency;
        min_path = path;
    }
    if (count == 0 || index > max) {
        max = index;
        max_agency = agency;
        max_path = path;
    }
    ++count;
    if (!push_units(index, expected)) throw RationalOverflow();
}

bool BatchSummarizer::Part::push_units(const Rational& x, size_t expected) {
    auto fits = [](Int v) { return v <= INT64_MAX && v >= INT64_MIN; };
    const Int d = x.den();
    if (den % d != 0) { // a finer denominator: rescale what is kept, after checking that it can be
        Int factor = d / gcd(d, den), wider;
        if (__builtin_mul_overflow(den, factor, &wider) || !fits(wider)) return false;
        for (long long u : units)
            if (!fits(static_cast<Int>(u) * factor)) return false;
        for (auto& u : units) u = static_cast<long long>(static_cast<Int>(u) * factor);
        den = wider;
    }
    Int u;
    if (__builtin_mul_overflow(x.num(), den / d, &u) || !fits(u)) return false;
    if (units.empty() && expected > 0) units.reserve(expected);
    units.push_back(static_cast<long long>(u));
    return true;
}

SummaryPart BatchSummarizer::Part::finish(const Pack& pack, std::string key) {
    SummaryPart out;
    out.key = std::move(key);
    out.stats = compute_batch_stats(pack, units, den);
    std::vector<long long>().swap(units);
    out.min_agency = std::move(min_agency);
    out.min_path = std::move(min_path);
    out.max_agency = std::move(max_agency);
    out.max_path = std::move(max_path);
    return out;
}

void BatchSummarizer::add(const Pack& pack, const Agency& agency, const std::optional<int>& year, const Rational& index,
                          const std::string& path) {
    ++scored_;
    PerPack& pp = by_rubric_[pack.id];
    if (!pp.pack) {
        pp.pack = &pack;
        packs_.push_back(&pack);
    }
    pp.all.add(index, agency.name, path, packs_.size() == 1 && by_ == GroupBy::none ? expected_ : 0);
    if (by_ != GroupBy::none) pp.groups[group_key(agency, year, by_)].add(index, agency.name, path, 0);
}

BatchSummary BatchSummarizer::finish(size_t invalid) {
    BatchSummary s;
    s.group_by = by_;
    s.scored = scored_;
    s.invalid = invalid;
    for (auto& [id, pp] : by_rubric_) { // std::map: sorted by pack id
        RubricSummary rs;
        rs.pack = pp.pack;
        rs.all = pp.all.finish(*pp.pack, "");
        for (auto& [key, g] : pp.groups)
            if (!key.empty()) rs.groups.push_back(g.finish(*pp.pack, key));
        if (auto it = pp.groups.find(""); it != pp.groups.end())
            rs.groups.push_back(it->second.finish(*pp.pack, "")); // "not given" last
        s.rubrics.push_back(std::move(rs));
    }
    return s;
}

} // namespace spbe
