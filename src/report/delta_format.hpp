// Display of exact differences (whatif, diff): rounded like every other value, with an explicit sign.
#pragma once

#include "model/rational.hpp"

#include <string>

namespace spbe {

// "+0.35", "-0.03"; "0.00" only for an exact zero, so that a tiny real change still shows its
// direction ("+0.00" or "-0.00"). Rounded half-up at `precision`, like every displayed value.
std::string signed_delta(const Rational& delta, int precision);
// For JSON numbers: the same rounding without a '+' and without "-0.00".
std::string json_delta(const Rational& delta, int precision);
// "+1", "-2", "0" for level differences.
std::string signed_int(int delta);
// The same for exact level differences: "+1", "-0.25", "0".
std::string signed_exact(const Rational& delta);

} // namespace spbe
