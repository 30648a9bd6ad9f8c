// Signed rendering of exact differences; the rounding is the pack's (half-up), applied to the exact
// difference, never to the difference of two rounded values.
#include "report/delta_format.hpp"

namespace spbe {

std::string signed_delta(const Rational& delta, int precision) {
    if (delta == Rational(0)) return Rational(0).to_fixed(precision);
    std::string digits = (delta < Rational(0) ? -delta : delta).to_fixed(precision);
    return (delta < Rational(0) ? "-" : "+") + digits;
}

std::string json_delta(const Rational& delta, int precision) { return delta.to_fixed(precision); }

std::string signed_int(int delta) {
    if (delta == 0) return "0";
    return (delta > 0 ? "+" : "") + std::to_string(delta);
}

std::string signed_exact(const Rational& delta) {
    if (delta == Rational(0)) return "0";
    return (delta > Rational(0) ? "+" : "") + delta.to_exact_string();
}

} // namespace spbe
