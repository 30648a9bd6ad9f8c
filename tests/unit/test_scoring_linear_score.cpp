// LinearScorer against score_levels: the same exact index and top-tier group indices for random
// level vectors on both built-in packs, and for a pack whose weights share no denominator.
#include "loader/builtin_packs.hpp"
#include "scoring/linear_score.hpp"
#include "scoring/score.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace spbe;

namespace {

const Pack& builtin(const char* id) {
    static PackRegistry registry(PackLoadOptions{false});
    std::vector<Diagnostic> diags;
    bool io = false;
    const Pack* p = registry.get(id, diags, io);
    REQUIRE(p != nullptr);
    return *p;
}

void check_random_rows(const Pack& pack, unsigned seed) {
    LinearScorer scorer(pack);
    REQUIRE(scorer.usable());
    std::mt19937 rng(seed);
    const auto tops = pack.groups_of_tier(0);
    std::vector<Rational> top;
    for (int round = 0; round < 300; ++round) {
        std::vector<int> levels;
        for (const auto& ind : pack.indicators) {
            const Scale& scale = pack.scale_of(ind);
            std::uniform_int_distribution<int> d(scale.min(), scale.max());
            levels.push_back(d(rng));
        }
        Score s = score_levels(pack, levels);
        REQUIRE(scorer.index(levels.data()) == s.index);
        scorer.top(levels.data(), top);
        REQUIRE(top.size() == tops.size());
        for (size_t t = 0; t < tops.size(); ++t) REQUIRE(top[t] == s.group_index[static_cast<size_t>(tops[t])]);
    }
}

} // namespace

TEST_CASE("the linear form equals the regulation's tree on spbe-2020 and spbe-2018") {
    check_random_rows(builtin("spbe-2020"), 2024);
    check_random_rows(builtin("spbe-2018"), 2018);
}

TEST_CASE("all level 1 and all level 5 give exactly 1 and 5") {
    const Pack& pack = builtin("spbe-2020");
    LinearScorer scorer(pack);
    std::vector<int> ones(pack.indicators.size(), 1), fives(pack.indicators.size(), 5);
    CHECK(scorer.index(ones.data()) == Rational(1));
    CHECK(scorer.index(fives.data()) == Rational(5));
}

TEST_CASE("weights with unrelated denominators still give exact results") {
    Pack pack = builtin("spbe-2020");
    // Thirds, sevenths and elevenths: a common denominator, not a decimal one.
    for (size_t i = 0; i < pack.indicators.size(); ++i) pack.indicators[i].weight = Rational(static_cast<long long>(i % 5 + 1), i % 3 == 0 ? 3 : i % 3 == 1 ? 7 : 11);
    for (auto& g : pack.groups) g.weight = Rational(0);
    // Group weights: the sum of their indicators' (innermost) or children's weights.
    for (size_t gi = pack.groups.size(); gi-- > 0;) {
        Group& g = pack.groups[gi];
        for (int i : g.indicators) g.weight += pack.indicators[static_cast<size_t>(i)].weight;
        for (int c : g.children) g.weight += pack.groups[static_cast<size_t>(c)].weight;
    }
    pack.total_weight = Rational(0);
    for (int t : pack.groups_of_tier(0)) pack.total_weight += pack.groups[static_cast<size_t>(t)].weight;
    check_random_rows(pack, 7);
}
