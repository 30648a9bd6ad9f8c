// The regulation's worked examples (PermenPANRB 59/2020 Lampiran II.B.4, Tabel 10-12), published
// results, and the predicate boundary rule, against the built-in packs.
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "scoring/score.hpp"

#include <doctest/doctest.h>

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
