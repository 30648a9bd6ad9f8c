// The regulation's worked examples (PermenPANRB 59/2020 Lampiran II.B.4, Tabel 10-12), published
// results, and the predicate boundary rule, against the built-in packs.
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "scoring/score.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>

using namespace spbe;

namespace {

const Pack& pack2020() {
    static PackRegistry registry(PackLoadOptions{false});
    std::vector<Diagnostic> diags;
    bool io = false;
    const Pack* p = registry.get("spbe-2020", diags, io);
    REQUIRE(p != nullptr);
    return *p;
}

int group_named(const Pack& pack, const std::string& id) {
    for (size_t i = 0; i < pack.groups.size(); ++i)
        if (pack.groups[i].id == id) return static_cast<int>(i);
    FAIL("no group " << id);
    return -1;
}

std::vector<int> levels_for(const Pack& pack, const std::map<std::string, int>& set, int rest) {
    std::vector<int> levels(pack.indicators.size(), rest);
    for (auto& [id, level] : set) levels[static_cast<size_t>(pack.indicator_index.at(id))] = level;
    return levels;
}

} // namespace

TEST_CASE("spbe-2020 pack shape: 4 domains, 8 aspects, 47 indicators, weights 13/25/16.5/45.5") {
    const Pack& p = pack2020();
    CHECK(p.indicators.size() == 47);
    CHECK(p.groups_of_tier(0).size() == 4);
    CHECK(p.groups_of_tier(1).size() == 8);
    CHECK(p.groups[static_cast<size_t>(group_named(p, "policy"))].weight == Rational(13));
    CHECK(p.groups[static_cast<size_t>(group_named(p, "governance"))].weight == Rational(25));
    CHECK(p.groups[static_cast<size_t>(group_named(p, "management"))].weight == *Rational::parse("16.5"));
    CHECK(p.groups[static_cast<size_t>(group_named(p, "services"))].weight == *Rational::parse("45.5"));
    CHECK(p.find_indicator("35")->weight == *Rational::parse("2.75"));
    CHECK(p.find_indicator("45")->weight == Rational(3));
}

TEST_CASE("Tabel 10: aspect 2 at levels 3,4,3,2 has index 3.00") {
    const Pack& p = pack2020();
    Score s = score_levels(p, levels_for(p, {{"11", 3}, {"12", 4}, {"13", 3}, {"14", 2}}, 1));
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "2"))] == Rational(3));
}

TEST_CASE("Tabel 11: aspects 3.00 (10), 4.00 (10), 3.00 (5) give governance 3.40") {
    const Pack& p = pack2020();
    std::map<std::string, int> set{{"11", 3}, {"12", 4}, {"13", 3}, {"14", 2}, {"15", 4}, {"16", 4}, {"17", 4}, {"18", 4}, {"19", 3}, {"20", 3}};
    Score s = score_levels(p, levels_for(p, set, 1));
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "3"))] == Rational(4));
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "4"))] == Rational(3));
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "governance"))] == *Rational::parse("3.4"));
}

TEST_CASE("Tabel 12: domains 3.70/3.40/3.00/3.20 weigh to 328.20 / 100 = 3.28") {
    Rational sum = *Rational::parse("3.70") * 13 + *Rational::parse("3.40") * 25 + Rational(3) * *Rational::parse("16.5") + *Rational::parse("3.20") * *Rational::parse("45.5");
    CHECK(sum == *Rational::parse("328.2"));
    CHECK((sum / 100).to_fixed(2) == "3.28");
    // And through the engine: policy 3.70 (seven 4s, three 3s), governance 3.40, management 3.00.
    const Pack& p = pack2020();
    std::map<std::string, int> set{{"1", 4}, {"2", 4}, {"3", 4}, {"4", 4}, {"5", 4}, {"6", 4}, {"7", 4}, {"8", 3}, {"9", 3}, {"10", 3},
                                   {"11", 3}, {"12", 4}, {"13", 3}, {"14", 2}, {"15", 4}, {"16", 4}, {"17", 4}, {"18", 4}, {"19", 3}, {"20", 3}};
    Score s = score_levels(p, levels_for(p, set, 3));
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "policy"))] == *Rational::parse("3.7"));
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "management"))] == Rational(3));
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "services"))] == Rational(3));
    // 3.7*13 + 3.4*25 + 3*16.5 + 3*45.5 = 319.1
    CHECK(s.index == *Rational::parse("3.191"));
}

TEST_CASE("Asmat 2024: exact 1.025 is published as 1.03 Kurang") {
    const Pack& p = pack2020();
    Score s = score_levels(p, levels_for(p, {{"11", 2}}, 1));
    CHECK(s.index == *Rational::parse("1.025"));
    CHECK(s.index.to_fixed(2) == "1.03");
    CHECK(s.predicate->name.id == "Kurang");
    CHECK(s.group_index[static_cast<size_t>(group_named(p, "governance"))].to_fixed(2) == "1.10");
}

TEST_CASE("predicate is decided on the unrounded index, lower bounds inclusive") {
    const Pack& p = pack2020();
    auto pred = [&](const char* v) { return p.predicate_for(*Rational::parse(v)).name.id; };
    CHECK(pred("3.4986") == "Baik"); // Kab. Pacitan 2024: shown 3.50, predicate Baik
    CHECK(*Rational::parse("3.4986") < *Rational::parse("3.5"));
    CHECK(Rational::parse("3.4986")->to_fixed(2) == "3.50");
    CHECK(pred("3.5") == "Sangat Baik");
    CHECK(pred("4.2") == "Memuaskan");
    CHECK(pred("4.19999") == "Sangat Baik");
    CHECK(pred("2.6") == "Baik");
    CHECK(pred("2.59999") == "Cukup");
    CHECK(pred("1.8") == "Cukup");
    CHECK(pred("1.79") == "Kurang");
    CHECK(pred("1") == "Kurang");
    CHECK(pred("5") == "Memuaskan");
}

TEST_CASE("verified levels count unless the self-assessment basis is asked for") {
    const Pack& p = pack2020();
    std::string text = "rubric: spbe-2020\nagency: {name: X}\nyear: 2024\nindicators:\n";
    for (int i = 1; i <= 47; ++i) text += "  " + std::to_string(i) + (i == 11 ? ": {level: 4, verified: 2}\n" : ": 1\n");
    EvidenceParse parsed = parse_evidence(text);
    REQUIRE(parsed.file);
    validate_evidence(*parsed.file, p, parsed.diags);
    CHECK(parsed.diags.empty());
    auto verified = score_evidence(p, *parsed.file, Basis::verified);
    auto self = score_evidence(p, *parsed.file, Basis::self);
    REQUIRE(verified);
    REQUIRE(self);
    CHECK(verified->score.index == *Rational::parse("1.025"));
    CHECK(self->score.index == *Rational::parse("1.075"));
    REQUIRE(verified->other);
    CHECK(verified->other->index == self->score.index);
}

TEST_CASE("spbe-2018: 20/6 weights reproduce Denpasar 2018 exactly") {
    static PackRegistry registry(PackLoadOptions{false});
    std::vector<Diagnostic> diags;
    bool io = false;
    const Pack* p = registry.get("spbe-2018", diags, io);
    REQUIRE(p);
    CHECK(p->indicators.size() == 37);
    CHECK(p->find_indicator("35-2")->weight == Rational(10, 3));
    std::map<std::string, int> lv{{"1", 1}, {"2", 1}, {"3", 1}, {"4", 3}, {"5", 2}, {"6", 3}, {"7", 3}, {"8", 2}, {"9", 1}, {"10", 1},
                                  {"11", 1}, {"12", 3}, {"13", 3}, {"14", 3}, {"15", 1}, {"16", 3}, {"17", 3}, {"18", 1}, {"19", 3}, {"20", 2},
                                  {"21", 3}, {"22", 3}, {"23", 2}, {"24", 2}, {"25", 3}, {"26", 1}, {"27", 4}, {"28", 4}, {"29", 4}, {"30", 3},
                                  {"31", 4}, {"32", 3}, {"33", 2}, {"34", 3}, {"35-1", 1}, {"35-2", 3}, {"35-3", 3}};
    std::vector<int> levels(p->indicators.size());
    for (auto& [id, l] : lv) levels[static_cast<size_t>(p->indicator_index.at(id))] = l;
    Score s = score_levels(*p, levels);
    CHECK(s.index.to_fixed(2) == "2.64");
    CHECK(s.predicate->name.id == "Baik");
    CHECK(s.group_index[static_cast<size_t>(group_named(*p, "7"))] == Rational(5, 2));
    CHECK(s.group_index[static_cast<size_t>(group_named(*p, "services"))] == Rational(3));
}

// --- pemdi-2026: indicator values with two decimals, external indices (PermenPANRB 8/2026) ---

namespace {

const Pack& pack2026() {
    static PackRegistry registry(PackLoadOptions{false});
    std::vector<Diagnostic> diags;
    bool io = false;
    const Pack* p = registry.get("pemdi-2026", diags, io);
    REQUIRE(p != nullptr);
    return *p;
}

// An evidence file of `pack` with every indicator at `rest` and the entries of `lines` (YAML).
std::string evidence_2026(const std::string& rest, const std::map<int, std::string>& lines) {
    std::string out = "rubric: pemdi-2026\nagency: {name: Kab. Uji}\nyear: 2026\nindicators:\n";
    for (int i = 1; i <= 20; ++i) {
        auto it = lines.find(i);
        out += it != lines.end() ? "  " + std::to_string(i) + ": " + it->second + "\n"
                                 : "  " + std::to_string(i) + ": " + rest + "\n";
    }
    return out;
}

struct Scored {
    std::string messages; // "LINE:COL: rule" per diagnostic
    std::optional<AgencyResult> result;
};

Scored score_text(const Pack& pack, const std::string& text) {
    Scored out;
    EvidenceParse parsed = parse_evidence(text);
    std::vector<Diagnostic> diags = parsed.diags;
    if (parsed.file) validate_evidence(*parsed.file, pack, diags);
    for (const auto& d : diags) out.messages += fmt::format("{}:{}: {}\n", d.pos.line, d.pos.col, d.message);
    if (parsed.file && !has_errors(diags)) out.result = score_evidence(pack, std::move(*parsed.file), Basis::verified);
    return out;
}

} // namespace

TEST_CASE("pemdi-2026 band edges, lower-inclusive on the unrounded index, from whole levels and decimals") {
    const Pack& p = pack2026();
    auto predicate_of = [&](const std::string& all) {
        Scored s = score_text(p, evidence_2026(all, {}));
        REQUIRE(s.result);
        return std::make_pair(s.result->score.index, s.result->score.predicate->name.id);
    };
    // Every indicator at the same value: the index is that value.
    CHECK(predicate_of("1.49") == std::make_pair(Rational(149, 100), std::string("Kurang")));
    CHECK(predicate_of("1.5") == std::make_pair(Rational(3, 2), std::string("Cukup")));
    CHECK(predicate_of("2.49") == std::make_pair(Rational(249, 100), std::string("Cukup")));
    CHECK(predicate_of("2.50") == std::make_pair(Rational(5, 2), std::string("Baik")));
    CHECK(predicate_of("3.5") == std::make_pair(Rational(7, 2), std::string("Sangat Baik")));
    CHECK(predicate_of("3.99") == std::make_pair(Rational(399, 100), std::string("Sangat Baik")));
    CHECK(predicate_of("4") == std::make_pair(Rational(4), std::string("Memuaskan")));
    CHECK(predicate_of("1") == std::make_pair(Rational(1), std::string("Kurang")));
    // From whole levels: I19 (10 %) and I20 (15 %) at 3, the rest at 1: 1 + 0.25 × 2 = 1.50, Cukup.
    Scored w = score_text(p, evidence_2026("1", {{19, "3"}, {20, "3"}}));
    REQUIRE(w.result);
    CHECK(w.result->score.index == Rational(3, 2));
    CHECK(w.result->score.predicate->name.id == "Cukup");
    // 2.50 from whole levels: everything at 2 but I19 and I20 at 4 (0.25 × 2 = +0.50).
    Scored b = score_text(p, evidence_2026("2", {{19, "4"}, {20, "4"}}));
    REQUIRE(b.result);
    CHECK(b.result->score.index == Rational(5, 2));
    CHECK(b.result->score.predicate->name.id == "Baik");
    // 3.50 and 4.00 from whole levels: everything at 3 but I19 and I20 at 5; then everything at 4.
    Scored sb = score_text(p, evidence_2026("3", {{19, "5"}, {20, "5"}}));
    REQUIRE(sb.result);
    CHECK(sb.result->score.index == Rational(7, 2));
    CHECK(sb.result->score.predicate->name.id == "Sangat Baik");
    Scored m = score_text(p, evidence_2026("4", {}));
    REQUIRE(m.result);
    CHECK(m.result->score.predicate->name.id == "Memuaskan");
    // Just below an edge with decimals: 2.5 everywhere but I11 (3 %) at 2.17: 2.5 − 0.33 × 0.03 = 2.4901.
    Scored n = score_text(p, evidence_2026("2.5", {{11, "2.17"}}));
    REQUIRE(n.result);
    CHECK(n.result->score.index == Rational(24901, 10000));
    CHECK(n.result->score.index.to_fixed(2) == "2.49");
    CHECK(n.result->score.predicate->name.id == "Cukup");
}

TEST_CASE("pemdi-2026 I5 from the Indeks SDI: the module's worked examples, SDI 25 -> 2.00 and 68.75 -> 3.75") {
    const Pack& p = pack2026();
    const Indicator& i5 = *p.find_indicator("5");
    auto value = [&](std::optional<Rational> sdi) { return external_value(p, i5, ExternalValue{"SDI", sdi, {}}); };
    CHECK(value(Rational(25)) == 200);
    CHECK(value(*Rational::parse("68.75")) == 375);
    CHECK(value(Rational(0)) == 100);    // the scale's floor
    CHECK(value(Rational(100)) == 500);  // and top
    CHECK(value(std::nullopt) == 100);   // not published yet: 1.00, as the assessors counted it
    CHECK(value(*Rational::parse("68.7")) == 375); // 3.748, recorded with two decimals half-up
    CHECK(value(*Rational::parse("68.62")) == 374); // 3.7448
    // No conversion known for I7 (IPS): the level must be given.
    CHECK_FALSE(external_value(p, *p.find_indicator("7"), ExternalValue{"IPS", Rational(3), {}}));
}

TEST_CASE("pemdi-2026 evidence with decimal values and external indices is scored exactly") {
    const Pack& p = pack2026();
    // examples/kab-contoh-2026.yaml's values, worked by hand: Σ value × weight = 220.70, index 2.207.
    Scored s = score_text(p, evidence_2026("2", {{1, "{level: 3, verified: 2.5}"},
                                                 {3, "1.5"},
                                                 {5, "{external: {index: SDI, value: 68.75}}"},
                                                 {6, "{external: {index: SJIG, value: 2.4}}"},
                                                 {7, "{level: 2, external: {index: IPS, value: 2.55}}"},
                                                 {8, "1.25"},
                                                 {10, "2.5"},
                                                 {11, "1"},
                                                 {13, "3"},
                                                 {14, "2.75"},
                                                 {17, "3"},
                                                 {18, "{external: {index: SDI-INTEROP}}"},
                                                 {19, "2.5"}}));
    CHECK(s.messages == "22:18: SDI-INTEROP of indicator 18 is not published yet: counted as 1.00, as the assessors do "
                        "until it is\n");
    REQUIRE(s.result);
    CHECK(s.result->score.index == Rational(2207, 1000));
    CHECK(s.result->score.index.to_fixed(2) == "2.21");
    CHECK(s.result->score.predicate->name.id == "Cukup");
    // Aspect 3 (Data): (3.75 × 5 + 2.40 × 3 + 2 × 3 + 1.25 × 4) / 15 = 36.95 / 15, shown 2.46.
    CHECK(s.result->score.group_index[2] == Rational(3695, 1500));
    CHECK(s.result->score.group_index[2].to_fixed(2) == "2.46");
    REQUIRE(s.result->other); // the self-assessment differs (I1 3 instead of 2.5): +0.025
    CHECK(s.result->other->index == Rational(2232, 1000));
}

TEST_CASE("decimal values: refused in whole-level packs and beyond the pack's decimals") {
    Scored whole = score_text(pack2020(), "rubric: spbe-2020\nagency: {name: A}\nyear: 2024\nindicators: {5: 2.5}\n");
    CHECK(whole.messages.find("4:17: level of indicator 5 must be a whole number, found 2.5\n") != std::string::npos);
    CHECK_FALSE(whole.result);
    Scored fine = score_text(pack2026(), evidence_2026("2", {{3, "1.555"}}));
    CHECK(fine.messages ==
          "7:6: level 1.555 of indicator 3 has more than 2 decimals (rubric pemdi-2026 records values such as 1.25)\n");
    CHECK_FALSE(fine.result);
    Scored below = score_text(pack2026(), evidence_2026("2", {{3, "0.99"}}));
    CHECK(below.messages == "7:6: level 0.99 of indicator 3 is outside the scale 1 to 5\n");
    Scored both = score_text(pack2026(), evidence_2026("2", {{5, "{level: 3, external: {index: SDI, value: 50}}"}}));
    CHECK(both.messages.find("has both a level and the external index SDI") != std::string::npos);
    CHECK_FALSE(both.result);
    Scored none = score_text(pack2026(), evidence_2026("2", {{7, "{external: {index: IPS, value: 2.55}}"}}));
    CHECK(none.messages ==
          "11:17: no conversion of IPS to a level of indicator 7 is known; give the level too (level: 2.5)\n");
    Scored wrong = score_text(pack2026(), evidence_2026("2", {{3, "{level: 2, external: {index: SDI, value: 5}}"}}));
    CHECK(wrong.messages.find("indicator 3 of pemdi-2026 does not take its value from an external index; those that "
                              "do: 5 (SDI), 6 (SJIG), 7 (IPS), 10 (IKASANDI), 11 (IKASANDI), 12 (IKASANDI), 18 "
                              "(SDI-INTEROP)") != std::string::npos);
}
