// Structure-only built-in packs: the copies spbe_packc writes at build time describe exactly the
// same pack as the full files and give the same scores, and they carry no criteria text.
#include "loader/builtin_packs.hpp"
#include "loader/pack_strip.hpp"
#include "loader/yaml_tree.hpp"
#include "scoring/score.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace spbe;

namespace {

const Pack& builtin(PackRegistry& registry, const std::string& id) {
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* p = registry.get(id, diags, io_error);
    REQUIRE(p != nullptr);
    CHECK(diags.empty());
    return *p;
}

std::size_t embedded_size(const std::string& id, bool structure) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < kEmbeddedPackFileCount; ++i)
        if (id == kEmbeddedPackFiles[i].pack) n += std::string(structure ? kEmbeddedPackFiles[i].structure : kEmbeddedPackFiles[i].text).size();
    return n;
}

} // namespace

TEST_CASE("structure-only built-in packs match the full packs") {
    PackRegistry full_registry(PackLoadOptions{true});
    PackRegistry lean_registry(PackLoadOptions{false});
    for (const auto& id : builtin_pack_ids()) {
        CAPTURE(id);
        const Pack& full = builtin(full_registry, id);
        const Pack& lean = builtin(lean_registry, id);
        CHECK(full.has_text);
        CHECK_FALSE(lean.has_text);
        CHECK(pack_structure(lean) == pack_structure(full));
        // Spot checks that pack_structure really covers what scoring reads.
        REQUIRE(lean.indicators.size() == full.indicators.size());
        REQUIRE(lean.groups.size() == full.groups.size());
        for (std::size_t i = 0; i < full.indicators.size(); ++i) {
            CHECK(lean.indicators[i].id == full.indicators[i].id);
            CHECK(lean.indicators[i].weight == full.indicators[i].weight);
            CHECK(lean.indicators[i].group == full.indicators[i].group);
            CHECK(lean.indicators[i].name.id == full.indicators[i].name.id);
            CHECK(lean.indicators[i].criteria.empty());
            CHECK(lean.indicators[i].question.empty());
        }
        for (std::size_t i = 0; i < full.groups.size(); ++i) {
            CHECK(lean.groups[i].id == full.groups[i].id);
            CHECK(lean.groups[i].weight == full.groups[i].weight);
            CHECK(lean.groups[i].parent == full.groups[i].parent);
        }
        REQUIRE(lean.predicates.size() == full.predicates.size());
        for (std::size_t i = 0; i < full.predicates.size(); ++i) {
            CHECK(lean.predicates[i].min == full.predicates[i].min);
            CHECK(lean.predicates[i].name.id == full.predicates[i].name.id);
        }
        // Every combination of levels a rotating pattern produces scores identically.
        for (int shift = 0; shift < 7; ++shift) {
            std::vector<int> levels;
            for (std::size_t i = 0; i < full.indicators.size(); ++i) {
                const Scale& scale = full.scale_of(full.indicators[i]);
                levels.push_back(scale.min() + static_cast<int>((i * 3 + static_cast<std::size_t>(shift)) % scale.levels.size()));
            }
            Score a = score_levels(full, levels);
            Score b = score_levels(lean, levels);
            CHECK(a.index == b.index);
            CHECK(a.group_index == b.group_index);
            CHECK(a.predicate->name.id == b.predicate->name.id);
        }
    }
}

TEST_CASE("the structure-only spbe-2020 pack is a small fraction of the full text") {
    CHECK(embedded_size("spbe-2020", false) > 300000);
    CHECK(embedded_size("spbe-2020", true) * 10 < embedded_size("spbe-2020", false));
}

TEST_CASE("strip_pack_file drops indicator text and keeps structure") {
    std::string group = "id: policy\nname: Kebijakan\nweight: 13\naspects:\n  - id: \"1\"\n    name: Aspek\n    weight: 13\n    indicators:\n"
                        "      - id: \"1\"\n        name: {id: Satu, en: One}\n        weight: 1.3\n        question: Apakah?\n        criteria: {1: a, 2: b}\n"
                        "        assessment: x\n        example_evidence: y\n        levels_2024: {1: {evidence: z}}\n        note: n\n";
    auto out = strip_pack_file(group, false);
    REQUIRE(out);
    CHECK(*out == "id: policy\nname: Kebijakan\nweight: 13\naspects:\n  - id: 1\n    name: Aspek\n    weight: 13\n    indicators:\n"
                  "      - id: 1\n        name:\n          id: Satu\n          en: One\n        weight: 1.3\n");
    auto manifest = strip_pack_file("id: p\nprovenance: long\nscales:\n  s:\n    levels:\n      - {value: 1, name: A, criteria: c}\n", true);
    REQUIRE(manifest);
    CHECK(*manifest == "id: p\nscales:\n  s:\n    levels:\n      - value: 1\n        name: A\n");
    CHECK_FALSE(strip_pack_file("a: [", false));
}

TEST_CASE("structure-only copies are block YAML, read by the fast reader exactly as by yaml-cpp") {
    for (std::size_t i = 0; i < kEmbeddedPackFileCount; ++i) {
        const std::string text = kEmbeddedPackFiles[i].structure;
        CAPTURE(text.substr(0, 80));
        YamlDocument fast, reference;
        YamlError error;
        CHECK(fast.parse_block_subset(text)); // start-up of a scoring run must not need yaml-cpp
        REQUIRE(reference.parse_yaml_cpp(text, error));
        CHECK(fast.root().size() == reference.root().size());
    }
    // A flow map in the source comes out in block style.
    auto stripped = strip_pack_file("id: x\nname: {id: A, en: B}\nindicators:\n  - {id: 1, weight: 2, criteria: [a]}\n", false);
    REQUIRE(stripped);
    CHECK(*stripped == "id: x\nname:\n  id: A\n  en: B\nindicators:\n  - id: 1\n    weight: 2\n");
}
