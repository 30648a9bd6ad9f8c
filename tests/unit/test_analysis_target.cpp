// Target parsing (predicate names, exact numbers, decimal-comma hint) and the precedence command
// line > evidence file > next predicate, on the built-in spbe-2020 pack.
#include "analysis/target.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

const Pack& pack2020() {
    static PackRegistry registry;
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* p = registry.get("spbe-2020", diags, io_error);
    REQUIRE(p);
    return *p;
}

EvidenceFile evidence(const std::string& extra, const std::string& indicator_1 = "1: 3") {
    std::string text = "rubric: spbe-2020\nagency: {name: X}\nyear: 2025\n" + extra + "indicators:\n  " + indicator_1 + "\n";
    EvidenceParse p = parse_evidence(text);
    REQUIRE(p.diags.empty());
    return *p.file;
}

} // namespace

TEST_CASE("--target accepts predicate names in either language and exact numbers") {
    const Pack& pack = pack2020();
    std::string error;
    for (const char* name : {"Sangat Baik", "sangat-baik", "very good", "VERY_GOOD", "  Sangat   Baik "}) {
        CAPTURE(name);
        auto t = parse_target_text(pack, name, error);
        REQUIRE(t);
        REQUIRE(t->predicate);
        CHECK(t->predicate->name.id == "Sangat Baik");
        CHECK(t->index == Rational(35, 10));
    }
    auto n = parse_target_text(pack, "3.25", error);
    REQUIRE(n);
    CHECK(n->predicate == nullptr);
    CHECK(n->index == Rational(13, 4));
    CHECK(n->source == TargetSource::command_line);
}

TEST_CASE("--target errors name the predicates and hint at the decimal point") {
    const Pack& pack = pack2020();
    std::string error;
    CHECK_FALSE(parse_target_text(pack, "3,5", error));
    CHECK(error ==
          "--target: '3,5' is neither a number nor a predicate of spbe-2020 (write the decimal point as '.', e.g. 3.5); predicates: Memuaskan "
          "(Excellent), Sangat Baik (Very good), Baik (Good), Cukup (Fair), Kurang (Poor)");
    CHECK_FALSE(parse_target_text(pack, "Luar Biasa", error));
    CHECK(error == "--target: 'Luar Biasa' is neither a number nor a predicate of spbe-2020; predicates: Memuaskan (Excellent), Sangat Baik "
                   "(Very good), Baik (Good), Cukup (Fair), Kurang (Poor)");
}

TEST_CASE("the default target is the next predicate; none above the highest") {
    const Pack& pack = pack2020();
    Target t = next_predicate_target(pack, Rational(2594, 1000));
    CHECK(t.kind == TargetKind::index);
    CHECK(t.predicate->name.id == "Baik");
    CHECK(t.index == Rational(26, 10));
    // Exactly on a lower bound: that band is reached, the next one is the target.
    CHECK(next_predicate_target(pack, Rational(26, 10)).predicate->name.id == "Sangat Baik");
    CHECK(next_predicate_target(pack, Rational(43, 10)).kind == TargetKind::max_reached);
}

TEST_CASE("resolve_target: command line over file, file over default") {
    const Pack& pack = pack2020();
    Rational current(2);
    EvidenceFile file = evidence("targets: {predicate: baik}\n", "1: {level: 3, target: 5}");
    // Command line wins over everything in the file.
    TargetResolution r = resolve_target(pack, file, {"4", std::nullopt}, current);
    REQUIRE(r.target);
    CHECK(r.target->index == Rational(4));
    r = resolve_target(pack, file, {"", 3}, current);
    REQUIRE(r.target);
    CHECK(r.target->kind == TargetKind::levels);
    CHECK(r.target->levels[0] == 3);
    // File: the predicate is the target, the per-indicator targets are required steps.
    for (bool allow_levels : {true, false}) {
        r = resolve_target(pack, file, {}, current, allow_levels);
        REQUIRE(r.target);
        CHECK(r.target->kind == TargetKind::index);
        CHECK(r.target->source == TargetSource::file);
        CHECK(r.target->predicate->name.id == "Baik");
        CHECK(r.target->levels[0] == 5);
        CHECK_FALSE(r.target->levels[1].has_value());
    }
    // Per-indicator targets alone: a levels target for gaps; plan aims at the next predicate with them.
    EvidenceFile only_levels = evidence("", "1: {level: 3, target: 4}");
    r = resolve_target(pack, only_levels, {}, current);
    REQUIRE(r.target);
    CHECK(r.target->kind == TargetKind::levels);
    CHECK(r.target->levels[0] == 4);
    r = resolve_target(pack, only_levels, {}, current, false);
    REQUIRE(r.target);
    CHECK(r.target->kind == TargetKind::index);
    CHECK(r.target->source == TargetSource::default_next);
    CHECK(r.target->levels[0] == 4);
    // targets.level: levels for gaps, ignored by plan.
    r = resolve_target(pack, evidence("targets: {level: 3}\n"), {}, current);
    REQUIRE(r.target);
    CHECK(r.target->kind == TargetKind::levels);
    CHECK(r.target->levels[5] == 3);
    r = resolve_target(pack, evidence("targets: {level: 3}\n"), {}, current, false);
    REQUIRE(r.target);
    CHECK(r.target->kind == TargetKind::index);
    CHECK(r.target->levels.empty());
    // No target anywhere: the next predicate.
    r = resolve_target(pack, evidence(""), {}, current);
    REQUIRE(r.target);
    CHECK(r.target->source == TargetSource::default_next);
    CHECK(r.target->predicate->name.id == "Baik");
}

TEST_CASE("resolve_target errors") {
    const Pack& pack = pack2020();
    Rational current(2);
    TargetResolution r = resolve_target(pack, evidence(""), {"3", 2}, current);
    CHECK(r.usage_error == "give either --target or --target-level, not both");
    r = resolve_target(pack, evidence(""), {"", 6}, current);
    CHECK(r.usage_error == "--target-level 6 is outside the levels 1 to 5 of spbe-2020");
    r = resolve_target(pack, evidence("targets: {predicate: Hebat}\n"), {}, current);
    CHECK_FALSE(r.target);
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].pos.line == 4);
    CHECK(r.diags[0].message ==
          "target predicate 'Hebat' is not a predicate of spbe-2020; predicates: Memuaskan (Excellent), Sangat Baik (Very good), Baik (Good), Cukup "
          "(Fair), Kurang (Poor)");
    r = resolve_target(pack, evidence("targets: {index: 3, level: 2}\n"), {}, current);
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].message == "'targets' must give only one of 'index', 'predicate' and 'level'");
}
