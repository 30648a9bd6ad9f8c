// Rational arithmetic on 128-bit integers with overflow checks, plus the exact decimal formatting
// (half-up rounding, exact decimal or fraction text) that every report uses.
#include "model/rational.hpp"

#include <algorithm>

namespace spbe {

namespace {

using Int = Rational::Int;

Int abs_value(Int v) { return v < 0 ? -v : v; }

// a / g for a divisor g of a, in 64 bits when both fit (see gcd).
Int div_exact(Int a, Int g) {
    if (g == 1) return a;
    constexpr Int kMin64 = static_cast<Int>(INT64_MIN) + 1, kMax64 = static_cast<Int>(INT64_MAX);
    if (a >= kMin64 && a <= kMax64 && g <= kMax64)
        return static_cast<Int>(static_cast<std::int64_t>(a) / static_cast<std::int64_t>(g));
    return a / g;
}

Int checked_mul(Int a, Int b) {
    Int r;
    if (__builtin_mul_overflow(a, b, &r)) throw RationalOverflow();
    return r;
}

Int checked_add(Int a, Int b) {
    Int r;
    if (__builtin_add_overflow(a, b, &r)) throw RationalOverflow();
    return r;
}

} // namespace

Rational::Int gcd(Rational::Int a, Rational::Int b) {
    a = abs_value(a);
    b = abs_value(b);
    // Real weights and levels fit in 64 bits, where a remainder is one instruction instead of a
    // call into libgcc's 128-bit division: this is most of the cost of scoring a levels-CSV row.
    constexpr Int kMax64 = static_cast<Int>(~std::uint64_t{0});
    if (a <= kMax64 && b <= kMax64) {
        auto x = static_cast<std::uint64_t>(a), y = static_cast<std::uint64_t>(b);
        while (y != 0) {
            std::uint64_t t = x % y;
            x = y;
            y = t;
        }
        return static_cast<Int>(x);
    }
    while (b != 0) {
        Int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

std::string int128_to_string(Int v) {
    if (v == 0) return "0";
    bool negative = v < 0;
    std::string digits;
    // Work on negative values so that the minimum value does not overflow on negation.
    Int n = negative ? v : -v;
    while (n != 0) {
        digits.push_back(static_cast<char>('0' - static_cast<int>(n % 10)));
        n /= 10;
    }
    if (negative) digits.push_back('-');
    std::reverse(digits.begin(), digits.end());
    return digits;
}

Rational::Rational(Int num, Int den) {
    if (den == 0) throw std::domain_error("rational with zero denominator");
    if (den < 0) {
        num = -num;
        den = -den;
    }
    Int g = gcd(num, den);
    if (g > 1) {
        num = div_exact(num, g);
        den = div_exact(den, g);
    }
    num_ = num;
    den_ = den;
}

Rational operator+(const Rational& a, const Rational& b) {
    if (a.den_ == b.den_) return Rational(checked_add(a.num_, b.num_), a.den_);
    Int g = gcd(a.den_, b.den_);
    Int da = div_exact(a.den_, g);
    Int db = div_exact(b.den_, g);
    return Rational(checked_add(checked_mul(a.num_, db), checked_mul(b.num_, da)), checked_mul(a.den_, db));
}

Rational Rational::operator-() const {
    Rational r;
    r.num_ = -num_;
    r.den_ = den_;
    return r;
}

Rational operator-(const Rational& a, const Rational& b) { return a + (-b); }

Rational operator*(const Rational& a, const Rational& b) {
    // Cross-reduce first to keep intermediates small.
    Int g1 = gcd(a.num_, b.den_);
    Int g2 = gcd(b.num_, a.den_);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    return Rational(checked_mul(div_exact(a.num_, g1), div_exact(b.num_, g2)),
                    checked_mul(div_exact(a.den_, g2), div_exact(b.den_, g1)));
}

Rational operator/(const Rational& a, const Rational& b) {
    if (b.num_ == 0) throw std::domain_error("division by zero");
    return a * Rational(b.den_, b.num_);
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
    Int lhs = checked_mul(a.num_, b.den_);
    Int rhs = checked_mul(b.num_, a.den_);
    return lhs <=> rhs;
}

Rational::Int Rational::floor() const {
    Int q = num_ / den_;
    if (num_ % den_ != 0 && num_ < 0) --q;
    return q;
}

std::string Rational::to_fixed(int precision) const {
    Int scale = 1;
    for (int i = 0; i < precision; ++i) scale = checked_mul(scale, 10);
    Int scaled_num = checked_mul(abs_value(num_), scale);
    Int q = scaled_num / den_;
    Int r = scaled_num % den_;
    // Half-up: a remainder of exactly one half rounds away from zero.
    if (checked_mul(r, 2) >= den_) q = checked_add(q, 1);
    std::string digits = int128_to_string(q);
    if (precision > 0) {
        if (static_cast<int>(digits.size()) <= precision)
            digits.insert(0, static_cast<size_t>(precision + 1) - digits.size(), '0');
        digits.insert(digits.size() - static_cast<size_t>(precision), ".");
    }
    bool is_zero = q == 0;
    return (num_ < 0 && !is_zero ? "-" : "") + digits;
}

double Rational::to_rounded_double(int precision) const { return std::stod(to_fixed(precision)); }

std::string Rational::to_exact_string() const {
    // A reduced fraction has a finite decimal expansion iff its denominator is 2^a * 5^b.
    Int d = den_;
    int twos = 0;
    int fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        ++twos;
    }
    while (d % 5 == 0) {
        d /= 5;
        ++fives;
    }
    if (d != 1) return int128_to_string(num_) + "/" + int128_to_string(den_);
    int digits = std::max(twos, fives);
    if (digits == 0) return int128_to_string(num_);
    return to_fixed(digits);
}

std::optional<Rational> Rational::parse(std::string_view text) {
    if (text.empty() || text.size() > 40) return std::nullopt;
    auto parse_uint = [](std::string_view s, Int& out) {
        if (s.empty() || s.size() > 18) return false;
        out = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        return true;
    };
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    Int num = 0;
    Int den = 1;
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        if (!parse_uint(text.substr(0, slash), num) || !parse_uint(text.substr(slash + 1), den) || den == 0)
            return std::nullopt;
    } else if (auto dot = text.find('.'); dot != std::string_view::npos) {
        std::string_view whole = text.substr(0, dot);
        std::string_view frac = text.substr(dot + 1);
        if (frac.empty() || (whole.size() + frac.size()) > 18) return std::nullopt;
        Int w = 0;
        if (!whole.empty() && !parse_uint(whole, w)) return std::nullopt;
        Int f = 0;
        if (!parse_uint(frac, f)) return std::nullopt;
        for (size_t i = 0; i < frac.size(); ++i) den *= 10;
        num = w * den + f;
    } else if (!parse_uint(text, num)) {
        return std::nullopt;
    }
    return Rational(negative ? -num : num, den);
}

} // namespace spbe
