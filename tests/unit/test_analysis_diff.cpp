// Unit tests of the year-over-year diff: level, group and index deltas, the regression rule,
// evidence matching by title or file, expiry, and comparison across packs through a crosswalk only.
#include "analysis/diff.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

using namespace spbe;

namespace {

PackRegistry& registry() {
    static PackRegistry r;
    return r;
}

// An agency under `rubric` with every indicator at `base`, some overridden, plus raw YAML entries.
AgencyResult agency(const std::string& rubric, int base, const std::map<std::string, std::string>& entries, const std::string& name = "Kab. Uji") {
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* pack = registry().get(rubric, diags, io_error);
    REQUIRE(pack != nullptr);
    std::string yaml = fmt::format("rubric: {}\nagency:\n  name: {}\nyear: 2024\nindicators:\n", rubric, name);
    for (const auto& ind : pack->indicators) {
        auto it = entries.find(ind.id);
        yaml += fmt::format("  \"{}\": {}\n", ind.id, it == entries.end() ? std::to_string(base) : it->second);
    }
    EvidenceParse parsed = parse_evidence(yaml);
    REQUIRE(parsed.file);
    validate_evidence(*parsed.file, *pack, parsed.diags);
    for (const auto& d : parsed.diags) INFO(format_diagnostic(d));
    REQUIRE_FALSE(has_errors(parsed.diags));
    auto r = score_evidence(*pack, std::move(*parsed.file), Basis::verified);
    REQUIRE(r);
    return std::move(*r);
}

const GroupDelta& group(const AgencyDiff& d, const std::string& tier, const std::string& id) {
    for (const auto& g : d.groups)
        if (g.tier_id == tier && g.id == id) return g;
    FAIL("no group " << tier << " " << id);
    return d.groups.front();
}

const IndicatorDelta& indicator(const AgencyDiff& d, const std::string& id) {
    for (const auto& x : d.indicators)
        if (x.id == id) return x;
    FAIL("no indicator " << id);
    return d.indicators.front();
}

const Date kAsOf{2026, 11, 30};

} // namespace

TEST_CASE("diff: one indicator up, exact index and group deltas") {
    AgencyResult old_r = agency("spbe-2020", 2, {});
    AgencyResult new_r = agency("spbe-2020", 2, {{"11", "3"}, {"1", "1"}});
    AgencyDiff d = diff_agencies(old_r, new_r, kAsOf);
    CHECK(d.same_pack);
    CHECK(d.same_agency);
    CHECK(d.old_index == Rational(2));
    // +1 level on 11 (weight 2.5) and -1 on 1: 2.5/100 - w1/100.
    const Pack& pack = *new_r.pack;
    Rational w1 = pack.indicators[static_cast<size_t>(pack.indicator_index.at("1"))].weight;
    CHECK(d.index_delta() == Rational(25, 1000) - w1 / Rational(100));
    CHECK(d.count(IndicatorDelta::up) == 1);
    CHECK(d.count(IndicatorDelta::down) == 1);
    CHECK(d.count(IndicatorDelta::unchanged) == 45);
    CHECK(indicator(d, "11").status == IndicatorDelta::up);
    CHECK(*indicator(d, "11").old_level == 2);
    CHECK(*indicator(d, "11").new_level == 3);
    CHECK(indicator(d, "1").status == IndicatorDelta::down);
    CHECK(*group(d, "domain", "governance").delta() == Rational(1, 10)); // 2.5 / 25
    CHECK(*group(d, "domain", "policy").delta() == -w1 / Rational(13));
    CHECK(*group(d, "domain", "services").delta() == Rational(0));
    // The policy domain went down, so this is a regression even if the index had not.
    CHECK(d.regression());
    CHECK_FALSE(d.predicate_changed());
}

TEST_CASE("diff: regression rule is exact and only about the index and top-tier groups") {
    AgencyResult a = agency("spbe-2020", 2, {});
    CHECK_FALSE(diff_agencies(a, a, kAsOf).regression());
    AgencyResult up = agency("spbe-2020", 2, {{"47", "3"}});
    CHECK_FALSE(diff_agencies(a, up, kAsOf).regression());
    CHECK(diff_agencies(up, a, kAsOf).regression());
    AgencyDiff d = diff_agencies(a, agency("spbe-2020", 3, {}), kAsOf);
    CHECK(d.index_delta() == Rational(1));
    CHECK(d.predicate_changed());
    CHECK(d.old_predicate->name.id == "Cukup");
    CHECK(d.new_predicate->name.id == "Baik");
}

TEST_CASE("diff: evidence added, removed (matched by title or file) and expired") {
    AgencyResult old_r = agency("spbe-2020", 2, {
        {"1", "{level: 2, evidence: [{title: Perbup SPBE, file: bukti/perbup.pdf}, {title: Notulen 2023}]}"},
        {"2", "{level: 2, evidence: [{title: SK Tim, file: bukti/sk-2023.pdf}]}"},
    });
    AgencyResult new_r = agency("spbe-2020", 2, {
        // Same file under a new title: not new. The 2023 minutes are gone.
        {"1", "{level: 2, evidence: [{title: Perbup SPBE (revisi), file: bukti/perbup.pdf, valid_until: 2026-11-29}]}"},
        // Same title, new file: not new; plus a real addition valid exactly until the as-of date.
        {"2", "{level: 2, evidence: [{title: SK Tim, file: bukti/sk-2024.pdf}, {file: bukti/foto.jpg, valid_until: 2026-11-30}]}"},
    });
    AgencyDiff d = diff_agencies(old_r, new_r, kAsOf);
    REQUIRE(d.evidence.size() == 3);
    CHECK(d.count(EvidenceDelta::added) == 1);
    CHECK(d.count(EvidenceDelta::removed) == 1);
    CHECK(d.count(EvidenceDelta::expired) == 1);
    CHECK(d.evidence[0].kind == EvidenceDelta::removed);
    CHECK(d.evidence[0].indicator == "1");
    CHECK(d.evidence[0].item.title == "Notulen 2023");
    CHECK(d.evidence[1].kind == EvidenceDelta::added);
    CHECK(d.evidence[1].indicator == "2");
    CHECK(d.evidence[1].item.file == "bukti/foto.jpg");
    // Valid until the day before the as-of date: expired; until the as-of date itself: not.
    CHECK(d.evidence[2].kind == EvidenceDelta::expired);
    CHECK(d.evidence[2].item.file == "bukti/perbup.pdf");
    CHECK_FALSE(d.regression());
}

TEST_CASE("diff across packs: only crosswalk pairs are compared, never coincident ids, and no groups") {
    AgencyResult old_r = agency("spbe-2018", 2, {{"5", "1"}, {"20", "3"}, {"35-1", "3"}}, "Kota Uji");
    AgencyResult new_r = agency("spbe-2020", 2, {{"5", "3"}, {"20", "1"}}, "Kota Uji");
    Crosswalk cw{"spbe-2018", "spbe-2020", {}, {}, {{"5", "5", {}, {}}, {"35-1", "45", {}, {}}}};
    AgencyDiff d = diff_agencies(old_r, new_r, kAsOf, &cw);
    CHECK_FALSE(d.same_pack);
    CHECK(d.mapped);
    CHECK(d.count(IndicatorDelta::up) == 1);
    CHECK(d.count(IndicatorDelta::down) == 1);
    CHECK(d.count(IndicatorDelta::unchanged) == 0);
    // 47 + 37 indicators, two pairs: 45 + 35 not compared; "20" exists in both packs but is not mapped.
    CHECK(d.count(IndicatorDelta::not_compared) == 80);
    CHECK(d.count(IndicatorDelta::only_old) == 0);
    CHECK(d.count(IndicatorDelta::only_new) == 0);
    CHECK(indicator(d, "45").old_id == "35-1");
    CHECK(*indicator(d, "45").old_level == 3);
    CHECK(indicator(d, "45").status == IndicatorDelta::down);
    CHECK(indicator(d, "20").status == IndicatorDelta::not_compared);
    CHECK_FALSE(indicator(d, "20").old_level);
    CHECK(d.groups.empty());
    CHECK(d.regression() == (d.new_index < d.old_index));
}

TEST_CASE("diff within one pack: a crosswalk replaces the pairing by id") {
    AgencyResult old_r = agency("spbe-2020", 2, {{"1", "4"}});
    AgencyResult new_r = agency("spbe-2020", 2, {});
    Crosswalk cw{"spbe-2020", "spbe-2020", {}, {}, {{"1", "2", {}, {}}}};
    AgencyDiff d = diff_agencies(old_r, new_r, kAsOf, &cw);
    CHECK(indicator(d, "2").old_id == "1");
    CHECK(indicator(d, "2").status == IndicatorDelta::down);
    CHECK(d.count(IndicatorDelta::not_compared) == 92);
    CHECK_FALSE(d.groups.empty()); // one pack: groups are the same groups
}
