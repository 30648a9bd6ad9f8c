// Batch statistics: exact mean, median, population variance, correctly rounded square roots and
// the predicate distribution, on sets whose values are known by hand.
#include "analysis/batch_stats.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

Pack bands_pack() {
    Pack p;
    p.predicates = {{{"Memuaskan", "Excellent"}, Rational(42, 10)}, {{"Baik", "Good"}, Rational(26, 10)}, {{"Kurang", "Poor"}, Rational(1)}};
    return p;
}

std::vector<Rational> values(std::initializer_list<const char*> texts) {
    std::vector<Rational> out;
    for (const char* t : texts) out.push_back(*Rational::parse(t));
    return out;
}

} // namespace

TEST_CASE("decimal_sqrt rounds the true root half-up") {
    CHECK(decimal_sqrt(Rational(2), 2) == "1.41");
    CHECK(decimal_sqrt(Rational(2), 6) == "1.414214"); // 1.41421356...
    CHECK(decimal_sqrt(Rational(4), 2) == "2.00");
    CHECK(decimal_sqrt(Rational(0), 2) == "0.00");
    CHECK(decimal_sqrt(Rational(1, 4), 2) == "0.50");
    // Exact ties round away from zero: √1.5625 = 1.25, √0.0025 = 0.05.
    CHECK(decimal_sqrt(*Rational::parse("1.5625"), 1) == "1.3");
    CHECK(decimal_sqrt(*Rational::parse("0.0025"), 1) == "0.1");
    // Just below a tie: √0.61544025 = 0.7845 exactly → 0.78 at two places.
    CHECK(decimal_sqrt(*Rational::parse("0.61544025"), 2) == "0.78");
    CHECK(decimal_sqrt(*Rational::parse("0.61544025"), 4) == "0.7845");
    CHECK(decimal_sqrt(Rational(1, 3), 3) == "0.577"); // 0.57735...
    CHECK(decimal_sqrt(Rational(10000000000LL), 0) == "100000");
}

TEST_CASE("statistics of a textbook set") {
    // 2 4 4 4 5 5 7 9: mean 5, population variance 4, standard deviation 2, median 4.5.
    Pack pack = bands_pack();
    BatchStats s = compute_batch_stats(pack, values({"2", "4", "4", "4", "5", "5", "7", "9"}));
    CHECK(s.count == 8);
    CHECK(s.mean == Rational(5));
    CHECK(s.median == Rational(9, 2));
    CHECK(s.variance == Rational(4));
    CHECK(decimal_sqrt(s.variance, 2) == "2.00");
    CHECK(s.min == Rational(2));
    CHECK(s.min_pos == 0);
    CHECK(s.max == Rational(9));
    CHECK(s.max_pos == 7);
    CHECK(s.predicate_counts == std::vector<size_t>{4, 3, 1});
}

TEST_CASE("statistics keep exact fractions and name the first extreme") {
    Pack pack = bands_pack();
    // Real indices: Asmat 1.025, Aceh Tengah 2.594 (twice).
    BatchStats s = compute_batch_stats(pack, values({"2.594", "1.025", "2.594"}));
    CHECK(s.mean == Rational(2071, 1000));
    CHECK(s.median == *Rational::parse("2.594"));
    CHECK(s.max_pos == 0); // the first of the two maxima
    CHECK(s.min_pos == 1);
    // Σ(x − 2.071)² / 3 = (0.523² · 2 + 1.046²) / 3 = 1.641174 / 3
    CHECK(s.variance == Rational(547058, 1000000));
    CHECK(decimal_sqrt(s.variance, 2) == "0.74");
    CHECK(s.predicate_counts == std::vector<size_t>{0, 0, 3});

    BatchStats odd = compute_batch_stats(pack, values({"1/3", "2/3", "3"}));
    CHECK(odd.mean == Rational(4, 3));
    CHECK(odd.median == Rational(2, 3));
    CHECK(odd.variance == Rational(38, 27)); // ((1)² + (2/3)² + (5/3)²) / 3

    BatchStats one = compute_batch_stats(pack, values({"4.2"}));
    CHECK(one.mean == *Rational::parse("4.2"));
    CHECK(one.median == *Rational::parse("4.2"));
    CHECK(one.variance == Rational(0));
    CHECK(one.predicate_counts == std::vector<size_t>{1, 0, 0}); // lower bound inclusive
}
