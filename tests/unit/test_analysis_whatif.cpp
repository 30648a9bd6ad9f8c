// Unit tests of the what-if analysis: parsing and checking --set, and exact re-scoring, on the
// built-in spbe-2020 pack with the published Kab. Asmat 2024 levels (index 1.025, shown 1.03).
#include "analysis/whatif.hpp"
#include "loader/builtin_packs.hpp"
#include "report/delta_format.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

const Pack& pack_2020() {
    static PackRegistry registry;
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* p = registry.get("spbe-2020", diags, io_error);
    REQUIRE(p != nullptr);
    return *p;
}

// Kab. Asmat 2024 (tests/fixtures/asmat-2024.yaml): every indicator at 1 except 11 at 2.
std::vector<int> asmat_levels(const Pack& pack) {
    std::vector<int> levels(pack.indicators.size(), 1);
    levels[static_cast<size_t>(pack.indicator_index.at("11"))] = 2;
    return levels;
}

size_t group(const Pack& pack, const std::string& id) {
    for (size_t i = 0; i < pack.groups.size(); ++i)
        if (pack.groups[i].id == id) return i;
    FAIL("no group " << id);
    return 0;
}

} // namespace

TEST_CASE("parse_level_setting accepts ID=LEVEL and explains every malformed form") {
    std::string error;
    auto s = parse_level_setting("11=1", error);
    REQUIRE(s);
    CHECK(s->id == "11");
    CHECK(s->level == 1);
    s = parse_level_setting(" 35-2 = 4 ", error);
    REQUIRE(s);
    CHECK(s->id == "35-2");
    CHECK(s->level == Rational(4));

    CHECK_FALSE(parse_level_setting("5=2,5", error));
    CHECK(error == "'5=2,5': the level '2,5' is not a whole number (write a decimal point, 2.5, in a rubric that records "
                   "decimals)");
    s = parse_level_setting("5=2.5", error);
    REQUIRE(s);
    CHECK(s->level == Rational(5, 2));
    CHECK_FALSE(parse_level_setting("5", error));
    CHECK(error == "'5' is not ID=LEVEL (write e.g. --set 5=3)");
    CHECK_FALSE(parse_level_setting("=3", error));
    CHECK(error == "'=3' has no indicator id before '=' (write e.g. --set 5=3)");
    CHECK_FALSE(parse_level_setting("5=", error));
    CHECK(error == "'5=' has no level after '=' (write e.g. --set 5=3)");
    CHECK_FALSE(parse_level_setting("5=3x", error));
    CHECK(error == "'5=3x': the level '3x' is not a whole number");
}

TEST_CASE("check_level_settings reports unknown ids, levels off the scale and repeats") {
    const Pack& pack = pack_2020();
    auto problems = check_level_settings(pack, {{"48", 2}, {"5", 6}, {"5", 0}, {"7", 3}, {"7", 4}});
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].kind == SettingProblem::unknown_indicator);
    CHECK(problems[0].setting.id == "48");
    CHECK(problems[1].kind == SettingProblem::level_out_of_scale);
    CHECK(problems[1].scale_min == 1);
    CHECK(problems[1].scale_max == 5);
    CHECK(problems[2].kind == SettingProblem::set_twice);
    CHECK(problems[3].kind == SettingProblem::set_twice);
    CHECK(problems[3].setting.level == 4);
    CHECK(check_level_settings(pack, {{"1", 5}, {"47", 1}}).empty());
}

TEST_CASE("what_if on Kab. Asmat 2024: 11=1 gives exactly 1") {
    const Pack& pack = pack_2020();
    WhatIf w = what_if(pack, asmat_levels(pack), {{"11", 1}});
    CHECK(w.before.index == Rational(1025, 1000));
    CHECK(w.before.index.to_fixed(2) == "1.03");
    CHECK(w.after.index == Rational(1));
    CHECK(w.after.index.to_fixed(2) == "1.00");
    CHECK(w.index_delta() == Rational(-25, 1000));
    CHECK(signed_delta(w.index_delta(), 2) == "-0.03");
    CHECK(w.index_delta().to_exact_string() == "-0.025");
    CHECK_FALSE(w.predicate_changed());
    CHECK(w.after.predicate->name.id == "Kurang");

    size_t governance = group(pack, "governance");
    CHECK(w.before.group_index[governance] == Rational(11, 10));
    CHECK(w.after.group_index[governance] == Rational(1));
    CHECK(w.group_delta(governance) == Rational(-1, 10));
    CHECK(w.group_delta(group(pack, "policy")) == Rational(0));
    // The aspect of indicator 11 (weight 10, 2.5 of it indicator 11): 12.5/10 -> 10/10.
    size_t aspect = static_cast<size_t>(pack.indicators[static_cast<size_t>(pack.indicator_index.at("11"))].group);
    CHECK(w.before.group_index[aspect] == Rational(125, 100));
    CHECK(w.after.group_index[aspect] == Rational(1));

    REQUIRE(w.changes.size() == 1);
    CHECK(pack.indicators[static_cast<size_t>(w.changes[0].indicator)].id == "11");
    CHECK(w.changes[0].from == 2);
    CHECK(w.changes[0].to == 1);
}

TEST_CASE("what_if changes the predicate and lists settings in pack order") {
    const Pack& pack = pack_2020();
    std::vector<int> levels(pack.indicators.size(), 3); // index 3 exactly: Baik (2.6 <= x < 3.5)
    WhatIf w = what_if(pack, levels, {{"47", 5}, {"1", 3}, {"32", 5}});
    REQUIRE(w.changes.size() == 3);
    CHECK(pack.indicators[static_cast<size_t>(w.changes[0].indicator)].id == "1");
    CHECK(w.changes[0].from == w.changes[0].to); // a setting that keeps the level is still listed
    CHECK(pack.indicators[static_cast<size_t>(w.changes[2].indicator)].id == "47");
    CHECK(w.before.index == Rational(3));
    CHECK(w.before.predicate->name.id == "Baik");
    // No setting: the simulation is the current score.
    WhatIf same = what_if(pack, levels, {});
    CHECK(same.after.index == same.before.index);
    CHECK(same.changes.empty());
    // Every indicator at 5 except one: far above 3.5, Sangat Baik or better.
    std::vector<LevelSetting> all;
    for (const auto& ind : pack.indicators) all.push_back({ind.id, 5});
    WhatIf top = what_if(pack, levels, all);
    CHECK(top.after.index == Rational(5));
    CHECK(top.predicate_changed());
    CHECK(top.index_delta() == Rational(2));
}

TEST_CASE("signed deltas: explicit sign, half-up, exact zero without sign") {
    CHECK(signed_delta(Rational(35, 100), 2) == "+0.35");
    CHECK(signed_delta(Rational(-25, 1000), 2) == "-0.03");
    CHECK(signed_delta(Rational(0), 2) == "0.00");
    CHECK(signed_delta(Rational(1, 1000), 2) == "+0.00");
    CHECK(signed_delta(Rational(-1, 1000), 2) == "-0.00");
    CHECK(json_delta(Rational(-1, 1000), 2) == "0.00");
    CHECK(json_delta(Rational(-5, 1000), 2) == "-0.01");
    CHECK(signed_int(2) == "+2");
    CHECK(signed_int(-1) == "-1");
    CHECK(signed_int(0) == "0");
}
