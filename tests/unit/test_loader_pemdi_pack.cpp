// The built-in pemdi-2026 pack against the tables of ../shared/reference/pemdi-2026-reference.md
// (§2 weights, §4 levels and predicate bands, §6 external indices): the pack is hand-written from
// secondary sources, so this is what keeps a correction from silently changing another number.
#include "loader/builtin_packs.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace spbe;

namespace {

const Pack& pemdi() {
    static PackRegistry registry(PackLoadOptions{true});
    std::vector<Diagnostic> diags;
    bool io = false;
    const Pack* p = registry.get("pemdi-2026", diags, io);
    REQUIRE(p != nullptr);
    return *p;
}

} // namespace

TEST_CASE("pemdi-2026: 7 aspects and 20 indicators with the weights of reference §2") {
    const Pack& p = pemdi();
    REQUIRE(p.tiers.size() == 1);
    CHECK(p.tiers[0].id == "aspect");
    struct Aspect {
        const char* id;
        const char* name;
        int weight;
        std::vector<std::pair<const char*, int>> indicators;
    };
    const std::vector<Aspect> table{
        {"1", "Tata Kelola dan Manajemen", 10, {{"1", 5}, {"2", 5}}},
        {"2", "Penyelenggara", 10, {{"3", 5}, {"4", 5}}},
        {"3", "Data", 15, {{"5", 5}, {"6", 3}, {"7", 3}, {"8", 4}}},
        {"4", "Keamanan Pemerintah Digital", 15, {{"9", 4}, {"10", 4}, {"11", 3}, {"12", 4}}},
        {"5", "Teknologi Pemerintah Digital", 10, {{"13", 5}, {"14", 5}}},
        {"6", "Keterpaduan Layanan Digital Pemerintah", 15, {{"15", 4}, {"16", 4}, {"17", 4}, {"18", 3}}},
        {"7", "Kepuasan Pengguna Layanan Digital Pemerintah", 25, {{"19", 10}, {"20", 15}}},
    };
    REQUIRE(p.groups.size() == table.size());
    REQUIRE(p.indicators.size() == 20);
    Rational total;
    for (size_t a = 0; a < table.size(); ++a) {
        const Group& g = p.groups[a];
        CAPTURE(g.id);
        CHECK(g.id == table[a].id);
        CHECK(g.name.id == table[a].name);
        CHECK(g.weight == Rational(table[a].weight));
        REQUIRE(g.indicators.size() == table[a].indicators.size());
        Rational sum;
        for (size_t k = 0; k < g.indicators.size(); ++k) {
            const Indicator& ind = p.indicators[static_cast<size_t>(g.indicators[k])];
            CHECK(ind.id == table[a].indicators[k].first);
            CHECK(ind.weight == Rational(table[a].indicators[k].second));
            sum += ind.weight;
        }
        CHECK(sum == g.weight);
        total += g.weight;
    }
    CHECK(total == Rational(100));
}

TEST_CASE("pemdi-2026: levels Merintis to Unggul, two decimals, bands 1.5 / 2.5 / 3.5 / 4.0 (reference §4)") {
    const Pack& p = pemdi();
    REQUIRE(p.scales.size() == 1);
    const Scale& s = p.scales[0];
    const std::vector<std::pair<const char*, const char*>> names{
        {"Merintis", "Initiate"}, {"Membangun", "Emerging"}, {"Berkembang", "Developing"},
        {"Melembaga", "Embedded"}, {"Unggul", "Leading"}};
    REQUIRE(s.levels.size() == names.size());
    for (size_t i = 0; i < names.size(); ++i) {
        CHECK(s.levels[i].value == static_cast<int>(i) + 1);
        CHECK(s.levels[i].name.id == names[i].first);
        CHECK(s.levels[i].name.en == names[i].second);
    }
    CHECK(p.decimals == 2);
    CHECK(p.step == 100);
    const std::vector<std::pair<const char*, Rational>> bands{{"Memuaskan", Rational(4)},
                                                              {"Sangat Baik", Rational(7, 2)},
                                                              {"Baik", Rational(5, 2)},
                                                              {"Cukup", Rational(3, 2)},
                                                              {"Kurang", Rational(1)}};
    REQUIRE(p.predicates.size() == bands.size());
    for (size_t i = 0; i < bands.size(); ++i) {
        CHECK(p.predicates[i].name.id == bands[i].first);
        CHECK(p.predicates[i].min == bands[i].second);
    }
    CHECK(p.predicates[0].name.en == "Excellent"); // ranks above "Very good" for an English reader
}

TEST_CASE("pemdi-2026: says it is secondary-sourced, with criteria for every level of every indicator") {
    const Pack& p = pemdi();
    CHECK(p.source.status == "secondary");
    CHECK(p.source.regulation == "PermenPANRB 8/2026");
    CHECK(p.provenance.find("could not be read") != std::string::npos);
    CHECK(p.index_name.id == "Indeks Pemerintah Digital");
    for (const auto& ind : p.indicators) {
        CAPTURE(ind.id);
        for (int level = 1; level <= 5; ++level) CHECK_FALSE(p.criteria_for(ind, level).empty());
    }
    CHECK(p.find_indicator("9")->note.find("uncertain") != std::string::npos); // the I9 level 3/4 split
}

TEST_CASE("pemdi-2026: external indices of reference §6, with the conversion only where one is known") {
    const Pack& p = pemdi();
    struct Row {
        const char* id;
        const char* index;
        bool conversion;
        Rational offset, factor;
        const char* grade;
    };
    const std::vector<Row> table{
        {"5", "SDI", true, Rational(1), Rational(1, 25), "derived"},
        {"6", "SJIG", true, Rational(0), Rational(1), "assumed"},
        {"7", "IPS", false, Rational(0), Rational(1), ""},
        {"10", "IKASANDI", true, Rational(0), Rational(1), "assumed"},
        {"11", "IKASANDI", false, Rational(0), Rational(1), ""},
        {"12", "IKASANDI", true, Rational(0), Rational(1), "assumed"},
        {"18", "SDI-INTEROP", true, Rational(1), Rational(1, 25), "assumed"},
    };
    int with_external = 0;
    for (const auto& ind : p.indicators) with_external += ind.external ? 1 : 0;
    CHECK(with_external == static_cast<int>(table.size()));
    for (const auto& row : table) {
        CAPTURE(row.id);
        const Indicator* ind = p.find_indicator(row.id);
        REQUIRE(ind);
        REQUIRE(ind->external);
        CHECK(ind->external->index == row.index);
        CHECK(ind->external->has_conversion == row.conversion);
        if (!row.conversion) continue;
        CHECK(ind->external->offset == row.offset);
        CHECK(ind->external->factor == row.factor);
        CHECK(ind->external->grade == row.grade);
    }
    CHECK(p.find_indicator("5")->external->range_max == Rational(100));
}
