// analyse_gaps on the built-in spbe-2020 pack: rows and their order, target levels from the plan,
// evidence problems (expired, no file, missing file) and the two flags.
#include "analysis/gaps.hpp"
#include "scored_agency.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

AgencyResult agency(const std::string& special) { return test::scored_agency("spbe-2020", 47, "{name: X}", special); }

} // namespace

TEST_CASE("gaps with a level target: rows by total gain, evidence problems, flags") {
    AgencyResult r = agency("  1:\n    level: 3\n    verified: 2\n    evidence:\n"
                            "      - {title: Perbup, file: perbup.pdf, valid_until: 2026-01-31}\n"
                            "      - {title: Notulen, file: ada.pdf}\n"
                            "      - {title: Foto}\n"
                            "  11: 4\n  42: 2\n");
    Target t;
    t.kind = TargetKind::levels;
    t.source = TargetSource::command_line;
    t.level = 4;
    for (size_t i = 0; i < r.pack->indicators.size(); ++i) t.levels.push_back(4);
    GapsOptions opt;
    opt.as_of = Date{2026, 11, 30};
    opt.file_exists = [](const std::string& f) { return f == "ada.pdf"; };
    GapsResult g = analyse_gaps(r, t, opt);
    // 44 indicators at 3 -> 4, indicator 1 (verified 2) -> 4, indicator 42 (2) -> 4; 11 is already at 4.
    REQUIRE(g.rows.size() == 46);
    // Largest whole-gap gain first: indicator 42 (weight 3, two levels = 0.06).
    CHECK(r.pack->indicators[static_cast<size_t>(g.rows[0].indicator)].id == "42");
    CHECK(g.rows[0].gain_total == Rational(6, 100));
    CHECK(g.rows[0].next_level == 3);
    // Next the one-level gaps of weight 3 (0.03), ties in pack order: 43 before 44..47.
    CHECK(r.pack->indicators[static_cast<size_t>(g.rows[1].indicator)].id == "43");
    const GapRow* one = nullptr;
    for (const auto& row : g.rows)
        if (r.pack->indicators[static_cast<size_t>(row.indicator)].id == "1") one = &row;
    REQUIRE(one);
    CHECK(one->current == 2);
    CHECK(one->self == 3);
    CHECK(one->gain_total == Rational(26, 1000));
    REQUIRE(one->evidence_issues.size() == 2);
    CHECK(one->evidence_issues[0].item->title == "Perbup");
    CHECK(one->evidence_issues[0].problems ==
          std::vector<EvidenceProblem>{EvidenceProblem::expired, EvidenceProblem::file_missing});
    CHECK(one->evidence_issues[1].item->title == "Foto");
    CHECK(one->evidence_issues[1].problems == std::vector<EvidenceProblem>{EvidenceProblem::no_file});
    CHECK_FALSE(one->expected_evidence->empty());
    // Flags: indicator 1 self above verified; every other self-claim >= 2 has no evidence.
    REQUIRE(g.flags.size() == 47);
    CHECK(g.flags[0].kind == FlagKind::self_above_verified);
    CHECK(g.flags[0].self == 3);
    CHECK(g.flags[0].verified == 2);
    CHECK(g.flags[1].kind == FlagKind::claim_without_evidence);
    CHECK(r.pack->indicators[static_cast<size_t>(g.flags[1].indicator)].id == "2");
}

TEST_CASE("gaps with an index target takes the target levels from the plan") {
    AgencyResult r = agency("");
    Target t;
    t.kind = TargetKind::index;
    t.index = Rational(3) + Rational(3, 100);
    GapsResult g = analyse_gaps(r, t, GapsOptions{Date{2026, 11, 30}, nullptr});
    REQUIRE(g.plan);
    CHECK(g.target_met);
    CHECK(g.index_after == g.plan->final_index);
    CHECK(g.index_after >= t.index);
    // One step of a weight-3 service indicator is the single cheapest way to gain 0.03.
    REQUIRE(g.rows.size() == 1);
    CHECK(r.pack->indicators[static_cast<size_t>(g.rows[0].indicator)].id == "42");
    CHECK(g.rows[0].target == 4);
}
