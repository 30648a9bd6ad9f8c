// plan_to_index against exhaustive search on small random packs (deterministic seed), plus the
// documented tie-breaking, step limits and unreachable targets.
#include "analysis/plan.hpp"
#include "scoring/score.hpp"

#include <doctest/doctest.h>

#include <numeric>
#include <random>
#include <stdexcept>

using namespace spbe;

namespace {

// A one-tier pack: groups of up to three indicators, scale 1..5, SPBE-like predicate bands.
Pack make_pack(const std::vector<Rational>& weights) {
    Pack p;
    p.id = "test";
    p.tiers.push_back(Tier{"domain", "domains", {"Domain", "Domain"}});
    Scale s;
    s.id = "process";
    for (int v = 1; v <= 5; ++v) s.levels.push_back(ScaleLevel{v, {std::to_string(v), ""}, ""});
    p.scales.push_back(s);
    p.predicates = {{{"Memuaskan", "Excellent"}, Rational(42, 10)}, {{"Sangat Baik", "Very good"}, Rational(35, 10)},
                    {{"Baik", "Good"}, Rational(26, 10)},       {{"Cukup", "Fair"}, Rational(18, 10)},
                    {{"Kurang", "Poor"}, Rational(1)}};
    Rational total;
    for (size_t i = 0; i < weights.size(); ++i) {
        if (i % 3 == 0) {
            Group g;
            g.id = "g" + std::to_string(i / 3);
            g.tier = 0;
            p.groups.push_back(g);
        }
        Indicator ind;
        ind.id = std::to_string(i + 1);
        ind.weight = weights[i];
        ind.group = static_cast<int>(p.groups.size() - 1);
        p.groups.back().indicators.push_back(static_cast<int>(i));
        p.groups.back().weight += weights[i];
        p.indicator_index[ind.id] = static_cast<int>(i);
        p.indicators.push_back(ind);
        total += weights[i];
    }
    p.total_weight = total;
    return p;
}

struct Best {
    bool found = false;
    Rational effort;
    int steps = 0;
    std::vector<int> raise;
};

// Exhaustive search with the documented order: least effort, fewest steps, lexicographically
// largest raise vector (= earlier indicators first), after restricting to the best reachable index.
Best brute_force(const Pack& pack, const std::vector<int>& levels, const std::vector<Effort>& efforts, const Rational& target,
                 std::optional<int> max_steps, const std::vector<std::optional<int>>& floors, Rational& best_possible) {
    size_t n = levels.size();
    Rational start = score_levels(pack, levels).index;
    std::vector<std::vector<int>> all;
    std::vector<int> k(n, 0);
    for (;;) {
        bool meets_floors = true;
        for (size_t i = 0; i < n; ++i)
            if (floors[i] && levels[i] + k[i] < *floors[i]) meets_floors = false;
        if (meets_floors) all.push_back(k);
        size_t i = 0;
        while (i < n && k[i] == 5 - levels[i]) k[i++] = 0;
        if (i == n) break;
        ++k[i];
    }
    auto index_of = [&](const std::vector<int>& r) {
        Rational x = start;
        for (size_t i = 0; i < n; ++i) x += Rational(r[i]) * pack.indicators[i].weight / pack.total_weight;
        return x;
    };
    auto steps_of = [](const std::vector<int>& r) {
        int s = 0;
        for (int v : r) s += v;
        return s;
    };
    best_possible = Rational(-1000);
    for (const auto& r : all)
        if (!max_steps || steps_of(r) <= *max_steps) best_possible = std::max(best_possible, index_of(r));
    Rational goal = std::min(target, best_possible);
    Best best;
    for (const auto& r : all) {
        int s = steps_of(r);
        if (max_steps && s > *max_steps) continue;
        if (index_of(r) < goal) continue;
        Rational e;
        for (size_t i = 0; i < n; ++i) e += effort_between(efforts[i], levels[i], levels[i] + r[i]);
        bool better = !best.found || e < best.effort || (e == best.effort && (s < best.steps || (s == best.steps && r > best.raise)));
        if (better) best = Best{true, e, s, r};
    }
    return best;
}

} // namespace

TEST_CASE("plan_to_index matches exhaustive search on random small packs") {
    std::mt19937 rng(20261130);
    const std::vector<Rational> weight_pool{Rational(13, 10), Rational(25, 10), Rational(20, 6), Rational(6), Rational(3), Rational(7, 10),
                                            Rational(10, 3), Rational(1)};
    const std::vector<Rational> effort_pool{Rational(0), Rational(1), Rational(2), Rational(1, 2), Rational(3, 2), Rational(5), Rational(1, 3)};
    auto pick = [&](const auto& v) { return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)]; };
    int unreachable = 0, limited = 0, tied = 0, with_floors = 0;
    for (int round = 0; round < 400; ++round) {
        size_t n = std::uniform_int_distribution<size_t>(5, 7)(rng);
        std::vector<Rational> weights;
        for (size_t i = 0; i < n; ++i) weights.push_back(pick(weight_pool));
        Pack pack = make_pack(weights);
        std::vector<int> levels;
        std::vector<Effort> efforts(n);
        for (size_t i = 0; i < n; ++i) {
            levels.push_back(std::uniform_int_distribution<int>(n == 7 ? 2 : 1, 5)(rng));
            int mode = std::uniform_int_distribution<int>(0, 2)(rng);
            if (mode >= 1) efforts[i].per_step = pick(effort_pool);
            if (mode == 2)
                for (int l = 2; l <= 5; ++l)
                    if (rng() % 2) efforts[i].per_level[l] = pick(effort_pool);
        }
        Rational start = score_levels(pack, levels).index;
        // Targets around the reachable range, sometimes above 5 (unreachable).
        Rational target = start + Rational(static_cast<long long>(std::uniform_int_distribution<int>(-2, 30)(rng)), 10);
        // Per-indicator targets (required steps) in a third of the cases.
        std::vector<std::optional<int>> floors(n);
        int required = 0;
        if (rng() % 3 == 0)
            for (size_t i = 0; i < n; ++i)
                if (rng() % 3 == 0) {
                    floors[i] = std::uniform_int_distribution<int>(1, 5)(rng);
                    required += std::max(0, *floors[i] - levels[i]);
                }
        std::optional<int> max_steps;
        if (rng() % 3 == 0) max_steps = std::uniform_int_distribution<int>(0, 6)(rng);
        if (max_steps && *max_steps < required) {
            CHECK_THROWS_AS(plan_to_index(pack, levels, efforts, target, max_steps, floors), std::invalid_argument);
            max_steps.reset();
        }
        CAPTURE(round);
        Rational best_possible;
        Best expected = brute_force(pack, levels, efforts, target, max_steps, floors, best_possible);
        Plan plan = plan_to_index(pack, levels, efforts, target, max_steps, floors);
        REQUIRE(expected.found);
        CHECK(plan.raise == expected.raise);
        CHECK(plan.total_effort == expected.effort);
        CHECK(static_cast<int>(plan.steps.size()) == expected.steps);
        CHECK(plan.reachable == (best_possible >= target));
        CHECK(plan.best_possible == best_possible);
        // The running index after the last step is the exact score of the raised levels.
        std::vector<int> after = levels;
        for (size_t i = 0; i < n; ++i) after[i] += plan.raise[i];
        CHECK(plan.final_index == score_levels(pack, after).index);
        if (!plan.reachable) ++unreachable;
        if (max_steps) ++limited;
        if (expected.steps > 0 && expected.effort == Rational(0)) ++tied;
        if (required > 0) ++with_floors;
    }
    // The random cases exercise every branch.
    CHECK(unreachable > 10);
    CHECK(limited > 50);
    CHECK(tied > 0);
    CHECK(with_floors > 30);
}

TEST_CASE("plan ties: equal effort and steps raise the earlier indicator; steps in gain-per-effort order") {
    Pack pack = make_pack({Rational(1), Rational(1), Rational(2)});
    std::vector<Effort> efforts(3);
    // Need 1/4 of index: one step of the heavy indicator (gain 2/4) or two light ones; all cost 1.
    Plan p = plan_to_index(pack, {1, 1, 1}, efforts, Rational(5, 4));
    CHECK(p.raise == std::vector<int>{1, 0, 0});
    CHECK(p.total_effort == Rational(1));
    CHECK(p.final_index == Rational(5, 4));
    // With the first indicator expensive, the next cheapest single step.
    efforts[0].per_step = Rational(3);
    p = plan_to_index(pack, {1, 1, 1}, efforts, Rational(5, 4));
    CHECK(p.raise == std::vector<int>{0, 1, 0});
    efforts[0].per_step.reset();
    efforts[2].per_step = Rational(3);
    // Already reached: no steps.
    p = plan_to_index(pack, {3, 3, 3}, efforts, Rational(2));
    CHECK(p.steps.empty());
    CHECK(p.reachable);
    // Display order: step to 3 of indicator 1 costs 0, so it comes first although listed second.
    efforts[0].per_level[3] = Rational(0);
    p = plan_to_index(pack, {2, 1, 5}, efforts, Rational(5));
    REQUIRE(p.steps.size() == 7);
    CHECK(p.steps[0].indicator == 0);
    CHECK(p.steps[0].to == 3);
    CHECK(p.steps[1].indicator == 0);
    CHECK(p.steps[1].to == 4);
    CHECK(p.steps.back().index_after == Rational(5));
    CHECK(p.steps.back().predicate_after->name.id == "Memuaskan");
}

TEST_CASE("plan with a step limit that cannot reach the target reports the best possible index") {
    Pack pack = make_pack({Rational(1), Rational(3)});
    std::vector<Effort> efforts(2);
    Plan p = plan_to_index(pack, {1, 1}, efforts, Rational(5), 2);
    CHECK_FALSE(p.reachable);
    CHECK(p.raise == std::vector<int>{0, 2});
    CHECK(p.best_possible == Rational(5, 2));
    CHECK(p.final_index == Rational(5, 2));
}

TEST_CASE("plan refuses weights too fine-grained for exact planning instead of exhausting memory") {
    Pack pack = make_pack({Rational(1, 999983), Rational(1, 999979), Rational(1, 999961)});
    std::vector<Effort> efforts(3);
    CHECK_THROWS_AS(plan_to_index(pack, {1, 1, 1}, efforts, Rational(4)), PlanTooLarge);
    // Already reached needs no table at all.
    CHECK(plan_to_index(pack, {1, 1, 1}, efforts, Rational(1)).steps.empty());
}

TEST_CASE("plan with decimal values (pemdi-2026 style): each step reaches the next whole level, exactly") {
    // The same pack recording two decimals: stored values are hundredths of a level.
    std::mt19937 rng(20261203);
    int limited = 0, fractional_first = 0;
    for (int round = 0; round < 300; ++round) {
        size_t n = std::uniform_int_distribution<size_t>(4, 6)(rng);
        std::vector<Rational> weights;
        for (size_t i = 0; i < n; ++i) weights.push_back(Rational(std::uniform_int_distribution<int>(1, 15)(rng)));
        Pack pack = make_pack(weights);
        pack.scales[0].decimals = 2;
        pack.decimals = 2;
        pack.step = 100;
        std::vector<int> values;
        for (size_t i = 0; i < n; ++i) values.push_back(std::uniform_int_distribution<int>(100, 500)(rng));
        std::vector<Effort> efforts(n);
        for (size_t i = 0; i < n; ++i)
            if (rng() % 2) efforts[i].per_step = Rational(std::uniform_int_distribution<int>(1, 3)(rng));
        Rational start = score_levels(pack, values).index;
        Rational target = start + Rational(std::uniform_int_distribution<int>(0, 250)(rng), 100);
        std::optional<int> max_steps;
        if (rng() % 3 == 0) max_steps = std::uniform_int_distribution<int>(0, 5)(rng);
        CAPTURE(round);
        // Exhaustive: k whole steps per indicator, each to the next whole level (1.26 -> 2 -> 3).
        std::vector<int> k(n, 0), best_k;
        Rational best_effort, best_possible(-1);
        int best_steps = 0;
        bool found = false;
        auto top_k = [&](size_t i) { return 5 - values[i] / 100; };
        auto raised = [&](size_t i, int steps) { return steps == 0 ? values[i] : (values[i] / 100 + steps) * 100; };
        std::vector<std::vector<int>> all;
        for (;;) {
            all.push_back(k);
            size_t i = 0;
            while (i < n && k[i] == top_k(i)) k[i++] = 0;
            if (i == n) break;
            ++k[i];
        }
        auto index_of = [&](const std::vector<int>& r) {
            std::vector<int> v(n);
            for (size_t i = 0; i < n; ++i) v[i] = raised(i, r[i]);
            return score_levels(pack, v).index;
        };
        auto steps_of = [](const std::vector<int>& r) { return std::accumulate(r.begin(), r.end(), 0); };
        for (const auto& r : all)
            if (!max_steps || steps_of(r) <= *max_steps) best_possible = std::max(best_possible, index_of(r));
        Rational goal = std::min(target, best_possible);
        for (const auto& r : all) {
            int s = steps_of(r);
            if ((max_steps && s > *max_steps) || index_of(r) < goal) continue;
            Rational e;
            for (size_t i = 0; i < n; ++i) e += effort_between(efforts[i], values[i] / 100, values[i] / 100 + r[i]);
            if (!found || e < best_effort || (e == best_effort && (s < best_steps || (s == best_steps && r > best_k)))) {
                found = true;
                best_effort = e;
                best_steps = s;
                best_k = r;
            }
        }
        Plan plan = plan_to_index(pack, values, efforts, target, max_steps);
        REQUIRE(found);
        CHECK(plan.raise == best_k);
        CHECK(plan.total_effort == best_effort);
        CHECK(plan.best_possible == best_possible);
        std::vector<int> after(n);
        for (size_t i = 0; i < n; ++i) after[i] = raised_value(pack, values[i], plan.raise[i]);
        CHECK(plan.final_index == score_levels(pack, after).index);
        for (const auto& st : plan.steps) {
            CHECK(st.to % 100 == 0); // every step ends on a whole level
            CHECK(st.gain == Rational(st.to - st.from, 100) * pack.indicators[static_cast<size_t>(st.indicator)].weight /
                                 pack.total_weight);
            if (st.from % 100 != 0) ++fractional_first;
        }
        if (max_steps) ++limited;
    }
    CHECK(limited > 50);
    CHECK(fractional_first > 50);
}

TEST_CASE("plan from 1.26: the first step goes to level 2 and gains 0.74 of a level") {
    Pack pack = make_pack({Rational(10), Rational(10)});
    pack.decimals = 2;
    pack.step = 100;
    Plan p = plan_to_index(pack, {126, 300}, std::vector<Effort>(2), Rational(2));
    // Index 2.13 needs (2 - 2.13) < 0: nothing; aim for 2.5 instead.
    CHECK(p.steps.empty());
    // 2.13 -> 2.5: exactly the 0.74 of a level that indicator 1 gains on its first step (0.37 of index).
    p = plan_to_index(pack, {126, 300}, std::vector<Effort>(2), Rational(5, 2));
    REQUIRE(p.steps.size() == 1);
    CHECK(p.steps[0].indicator == 0);
    CHECK(p.steps[0].from == 126);
    CHECK(p.steps[0].to == 200);
    CHECK(p.steps[0].gain == Rational(37, 100));
    CHECK(p.final_index == Rational(5, 2));
    // 2.13 -> 2.6 needs 0.47: indicator 1's first step (0.37) is not enough, indicator 2's (0.50) is.
    p = plan_to_index(pack, {126, 300}, std::vector<Effort>(2), Rational(13, 5));
    REQUIRE(p.steps.size() == 1);
    CHECK(p.steps[0].indicator == 1);
    CHECK(p.steps[0].from == 300);
    CHECK(p.steps[0].to == 400);
    CHECK(p.final_index == Rational(263, 100));
}
