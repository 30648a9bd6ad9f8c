// build_cohort: ranking (ties by path, competition ranks), over-claiming over verified members only
// (exact mean), the histogram's tenths with bounds on the edges, packs apart, groups by province.
#include "analysis/cohort.hpp"
#include "loader/builtin_packs.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

const Pack& builtin(const std::string& id) {
    static PackRegistry registry(PackLoadOptions{false});
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* pack = registry.get(id, diags, io_error);
    REQUIRE(pack);
    return *pack;
}

CohortMember member(const Pack& pack, const std::string& path, const std::string& province, Rational index,
                    Rational self, bool verified) {
    CohortMember m;
    m.path = path;
    m.pack = &pack;
    m.agency.name = "Agency " + path;
    m.agency.province = province;
    m.index = index;
    m.predicate = &pack.predicate_for(index);
    m.group_index.assign(pack.groups.size(), index);
    m.self_index = self;
    m.verified_index = index;
    m.verified_any = verified;
    return m;
}

} // namespace

TEST_CASE("a cohort ranks by exact index, measures over-claiming and counts the index in tenths") {
    const Pack& p = builtin("spbe-2020");
    std::vector<CohortMember> in{
        member(p, "a.yaml", "Aceh", Rational(26, 10), Rational(29, 10), true),     // +0.3
        member(p, "b.yaml", "Bali", Rational(259, 100), Rational(249, 100), true), // -0.1
        member(p, "c.yaml", "Aceh", Rational(26, 10), Rational(4), false),         // not verified: not counted
        member(p, "d.yaml", "Bali", Rational(5), Rational(5), true),               // 0
    };
    Cohort c = build_cohort(std::move(in), GroupBy::province);
    REQUIRE(c.packs.size() == 1);
    const CohortPack& cp = c.packs[0];
    REQUIRE(cp.members.size() == 4);
    CHECK(cp.members[0].path == "d.yaml");
    CHECK(cp.members[1].path == "a.yaml"); // a tie on 2.6: path order
    CHECK(cp.members[2].path == "c.yaml");
    CHECK(cp.members[3].path == "b.yaml");
    CHECK(cp.ranks == std::vector<int>{1, 2, 2, 4});
    CHECK(cp.verified_count == 3);
    CHECK(cp.over_claimed == 1);
    CHECK(cp.mean_inflation == Rational(2, 30)); // (0.3 − 0.1 + 0) / 3, exactly
    REQUIRE(cp.by_inflation.size() == 3);
    CHECK(cp.members[cp.by_inflation[0]].path == "a.yaml");
    CHECK(cp.members[cp.by_inflation[2]].path == "b.yaml");
    // Tenths from level 1: 2.6 is the first value of bin 16, 2.59 the last of bin 15, 5 joins bin 39.
    REQUIRE(cp.histogram.size() == 40);
    CHECK(cp.histogram[16] == 2);
    CHECK(cp.histogram[15] == 1);
    CHECK(cp.histogram[39] == 1);
    REQUIRE(cp.summary.groups.size() == 2);
    CHECK(cp.summary.groups[0].key == "Aceh");
    CHECK(cp.summary.groups[0].stats.count == 2);
    CHECK(cp.summary.groups[1].stats.mean == (Rational(259, 100) + Rational(5)) / Rational(2));
}

TEST_CASE("packs of a cohort stay apart, in id order") {
    const Pack& spbe = builtin("spbe-2020");
    const Pack& pemdi = builtin("pemdi-2026");
    std::vector<CohortMember> in{member(spbe, "a.yaml", "", Rational(3), Rational(3), false),
                                 member(pemdi, "b.yaml", "", Rational(2255, 1000), Rational(2), true)};
    Cohort c = build_cohort(std::move(in), GroupBy::none);
    REQUIRE(c.packs.size() == 2);
    CHECK(c.packs[0].pack->id == "pemdi-2026");
    CHECK(c.packs[0].mean_inflation == Rational(-255, 1000));
    CHECK(c.packs[1].verified_count == 0);
    CHECK(c.packs[1].mean_inflation == Rational(0));
    CHECK(histogram_bin(Rational(2255, 1000), Rational(1), 40) == 12);
    CHECK(histogram_bin(Rational(1), Rational(1), 40) == 0);
}
