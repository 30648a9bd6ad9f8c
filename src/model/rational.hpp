// Exact rational numbers for SPBE scoring. Every weight, level and index is a Rational so that
// the published two-decimal values come out exactly as the regulation's arithmetic defines them.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace spbe {

// Raised when an intermediate value does not fit; the loader bounds the inputs so that real packs
// never get near it, and the CLI turns it into an input error rather than a wrong number.
class RationalOverflow : public std::overflow_error {
public:
    RationalOverflow() : std::overflow_error("arithmetic overflow in exact rational computation") {}
};

class Rational {
public:
    __extension__ typedef __int128 Int; // GCC/Clang extension: exact sums need more than 64 bits

    constexpr Rational() = default;
    Rational(long long value) : num_(value), den_(1) {} // NOLINT: implicit by design, like an int
    Rational(Int num, Int den);

    Int num() const { return num_; }
    Int den() const { return den_; }
    bool is_integer() const { return den_ == 1; }

    friend Rational operator+(const Rational& a, const Rational& b);
    friend Rational operator-(const Rational& a, const Rational& b);
    friend Rational operator*(const Rational& a, const Rational& b);
    friend Rational operator/(const Rational& a, const Rational& b);
    Rational operator-() const;
    Rational& operator+=(const Rational& o) { return *this = *this + o; }
    Rational& operator-=(const Rational& o) { return *this = *this - o; }
    Rational& operator*=(const Rational& o) { return *this = *this * o; }
    Rational& operator/=(const Rational& o) { return *this = *this / o; }

    friend bool operator==(const Rational& a, const Rational& b) = default;
    friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

    // Half-up (away from zero on ties) to `precision` decimals, always with that many decimals:
    // 1.025 -> "1.03", 3 -> "3.00". This is for display only; decisions use the exact value.
    std::string to_fixed(int precision) const;
    // Rounded value as a double, only for JSON numbers that are already rounded for display.
    double to_rounded_double(int precision) const;
    // Shortest exact text: "2.594" when the decimal expansion is finite, else "1343/1000"-style "a/b".
    std::string to_exact_string() const;
    // Largest integer <= value.
    Int floor() const;

    // Parses "3", "-2", "1.3", "27.5", "20/6". Returns nullopt on anything else (including "2,5",
    // exponents, or more than 18 digits), so callers can give a precise message.
    static std::optional<Rational> parse(std::string_view text);

private:
    Int num_ = 0;
    Int den_ = 1;
};

std::string int128_to_string(Rational::Int v);

// Greatest common divisor (never negative) of two exact integers; 64-bit arithmetic when both fit.
Rational::Int gcd(Rational::Int a, Rational::Int b);

} // namespace spbe
