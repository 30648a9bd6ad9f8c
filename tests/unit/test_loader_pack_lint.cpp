// The pack loader in lint mode: it goes on after errors, reports listed files that do not exist
// as findings, and adds the authoring warnings (display-declared, missing-translation).
#include "loader/pack_loader.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace spbe;

namespace {

const char* kManifest = R"(id: t
title: {id: Uji, en: Test}
display: {precision: 2, rounding: half-up}
hierarchy:
  - {id: aspect, plural: aspects, name: {id: Aspek, en: Aspect}}
scales:
  s:
    name: {id: Skala, en: Scale}
    levels:
      - {value: 1, name: {id: Satu, en: One}, criteria: a}
      - {value: 2, name: {id: Dua, en: Two}, criteria: b}
      - {value: 3, name: {id: Tiga, en: Three}, criteria: c}
predicates:
  - {name: {id: Baik, en: Good}, min: 2}
  - {name: {id: Kurang, en: Poor}, min: 1}
files: [a.yaml]
)";

const char* kA = R"(id: A
name: {id: Aspek A, en: Aspect A}
weight: 100
indicators:
  - {id: "1", name: {id: Satu, en: One}, weight: 60}
  - {id: "2", name: {id: Dua, en: Two}, weight: 40}
)";

PackLoad lint(std::map<std::string, std::string> files) {
    PackLoadOptions options;
    options.lint = true;
    return load_pack(
        [files](const std::string& name) -> std::optional<std::string> {
            auto it = files.find(name);
            if (it == files.end()) return std::nullopt;
            return it->second;
        },
        options);
}

std::string messages(const PackLoad& l) {
    std::string out;
    for (const auto& d : l.diags) out += format_diagnostic(d) + " [" + d.rule + "]\n";
    return out;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("lint mode: a complete bilingual pack has no findings") {
    PackLoad l = lint({{"pack.yaml", kManifest}, {"a.yaml", kA}});
    CHECK(messages(l) == "");
    CHECK(l.pack.has_value());
    CHECK(l.files == std::vector<std::string>{"a.yaml"});
}

TEST_CASE("lint mode: display must be declared") {
    PackLoad l = lint({{"pack.yaml", replace(kManifest, "display: {precision: 2, rounding: half-up}\n", "")}, {"a.yaml", kA}});
    CHECK(messages(l) ==
          "pack.yaml:1:1: warning: the pack manifest does not declare 'display' (precision and rounding); add e.g. display: {precision: 2, "
          "rounding: half-up} [display-declared]\n");
    CHECK(l.pack.has_value()); // a warning does not stop the pack
    l = lint({{"pack.yaml", replace(kManifest, "{precision: 2, rounding: half-up}", "{precision: 2}")}, {"a.yaml", kA}});
    CHECK(messages(l) == "pack.yaml:3:1: warning: 'display' does not declare 'rounding' [display-declared]\n");
}

TEST_CASE("lint mode: names without English") {
    PackLoad l = lint({{"pack.yaml", kManifest}, {"a.yaml", replace(kA, "{id: Dua, en: Two}", "Dua")}});
    CHECK(messages(l) == "a.yaml:6:21: warning: name of indicator 2 has no English text ('en') [missing-translation]\n");
}

TEST_CASE("lint mode: a listed file that does not exist is a finding at its entry, not an I/O failure") {
    PackLoad l = lint({{"pack.yaml", replace(kManifest, "files: [a.yaml]", "files: [a.yaml, b.yaml]")}, {"a.yaml", kA}});
    CHECK(messages(l) == "pack.yaml:16:17: error: pack file 'b.yaml' listed in 'files' does not exist or cannot be read [pack-files]\n");
    CHECK_FALSE(l.io_error);
}

TEST_CASE("lint mode: group files are read after manifest errors, weights after harmless errors") {
    std::string manifest = replace(kManifest, "title:", "titel: x\ntitle:");
    std::string a = replace(replace(kA, "weight: 40}", "weight: 30}"), "weight: 100", "weight: 100\nwieght: 1");
    PackLoad l = lint({{"pack.yaml", manifest}, {"a.yaml", a}});
    CHECK(messages(l) ==
          "pack.yaml:2:1: error: unknown key 'titel' in the pack manifest; did you mean 'title'? [unknown-key]\n"
          "a.yaml:4:1: error: unknown key 'wieght' in aspect 'A'; did you mean 'weight'? [unknown-key]\n"
          "a.yaml:1:1: error: weights of the indicators of aspect 'A' sum to 90, not its weight 100 [weights-sum]\n");
    CHECK_FALSE(l.pack.has_value());
}

TEST_CASE("lint mode: weight sums are skipped when the tree is incomplete") {
    PackLoad l = lint({{"pack.yaml", kManifest}, {"a.yaml", replace(kA, "weight: 100", "weight: 100,0")}});
    CHECK(messages(l) == "a.yaml:3:9: error: weight of aspect 'A' '100,0' uses a decimal comma; write 100.0 [decimal-comma]\n");
}

TEST_CASE("predicate bands: an unreachable band below the scale") {
    PackLoad l = lint({{"pack.yaml", replace(kManifest, "  - {name: {id: Kurang, en: Poor}, min: 1}\n",
                                             "  - {name: {id: Kurang, en: Poor}, min: 1}\n  - {name: {id: Nol, en: Zero}, min: 0}\n")},
                       {"a.yaml", kA}});
    CHECK(messages(l) ==
          "pack.yaml:13:1: error: predicate 'Nol' (from 0) can never apply: 'Kurang' already starts at or below the lowest level 1 [predicate-bands]\n");
}
