// Exact arithmetic and display rounding: the properties that official numbers depend on.
#include "model/rational.hpp"

#include <doctest/doctest.h>

using spbe::Rational;

static Rational q(const char* s) { return *Rational::parse(s); }

TEST_CASE("parse decimals, integers and fractions exactly") {
    CHECK(q("1.3") == Rational(13, 10));
    CHECK(q("27.5") == Rational(55, 2));
    CHECK(q("20/6") == Rational(10, 3));
    CHECK(q("-2") == Rational(-2));
    CHECK(q(".5") == Rational(1, 2));
    CHECK_FALSE(Rational::parse("2,5"));
    CHECK_FALSE(Rational::parse("1e3"));
    CHECK_FALSE(Rational::parse("1/0"));
    CHECK_FALSE(Rational::parse(""));
    CHECK_FALSE(Rational::parse("1.2.3"));
    CHECK_FALSE(Rational::parse("abc"));
}

TEST_CASE("half-up rounding for display") {
    CHECK(q("1.025").to_fixed(2) == "1.03"); // binary round(1.025, 2) gives 1.02
    CHECK(q("2.594").to_fixed(2) == "2.59");
    CHECK(q("3.4986").to_fixed(2) == "3.50");
    CHECK(q("2.005").to_fixed(2) == "2.01");
    CHECK(q("2.0049999").to_fixed(2) == "2.00");
    CHECK(Rational(3).to_fixed(2) == "3.00");
    CHECK(Rational(10, 3).to_fixed(2) == "3.33");
    CHECK(Rational(20, 3).to_fixed(2) == "6.67");
    CHECK(q("-1.025").to_fixed(2) == "-1.03");
    CHECK(q("-0.001").to_fixed(2) == "0.00");
    CHECK(q("0.5").to_fixed(0) == "1");
}

TEST_CASE("exact text is a finite decimal or a fraction") {
    CHECK(q("2.594").to_exact_string() == "2.594");
    CHECK(q("1.025").to_exact_string() == "1.025");
    CHECK(Rational(3).to_exact_string() == "3");
    CHECK(Rational(10, 3).to_exact_string() == "10/3");
    CHECK(Rational(-1, 8).to_exact_string() == "-0.125");
}

TEST_CASE("arithmetic and ordering") {
    CHECK(q("0.1") + q("0.2") == q("0.3")); // the classic binary floating point failure
    CHECK(q("1.3") * 10 == 13);
    CHECK(Rational(10, 3) * 6 == 20);
    CHECK(q("3.5") > q("3.4986"));
    CHECK(q("1.8") >= q("1.80"));
    CHECK((q("328.2") / 100).to_exact_string() == "3.282");
    CHECK(Rational(7, 2).floor() == 3);
    CHECK(Rational(-7, 2).floor() == -4);
}

TEST_CASE("overflow is reported, never wrapped") {
    Rational big(Rational::Int(1) << 100, 1);
    CHECK_THROWS_AS(big * big, spbe::RationalOverflow);
}
