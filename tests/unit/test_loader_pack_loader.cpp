// Rubric pack reading from strings: a generic hierarchy (no domain tier), exact weight checks and
// the structural errors a pack author sees.
#include "loader/pack_loader.hpp"
#include "scoring/score.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace spbe;

namespace {

// A two-aspect pack shaped like PermenPANRB 8/2026 (aspects directly under the index, no domains).
const char* kManifest = R"(id: ipd-test
title: {id: Indeks Pemerintah Digital (uji), en: Digital government index (test)}
index_name: {id: Indeks Pemerintah Digital, en: Digital Government Index}
hierarchy:
  - {id: aspect, plural: aspects, name: {id: Aspek, en: Aspect}}
scales:
  ipd:
    levels:
      - {value: 1, name: Merintis, criteria: a}
      - {value: 2, name: Berkembang, criteria: b}
      - {value: 3, name: Cakap, criteria: c}
      - {value: 4, name: Mahir, criteria: d}
      - {value: 5, name: Unggul, criteria: e}
predicates:
  - {name: Unggul, min: 4.0}
  - {name: Mahir, min: 3.5}
  - {name: Cakap, min: 2.5}
  - {name: Berkembang, min: 1.5}
  - {name: Merintis, min: 1}
files: [a.yaml, b.yaml]
)";

const char* kA = R"(id: A
name: Aspek A
weight: 60
indicators:
  - {id: "1", name: Satu, weight: 20/6}
  - {id: "2", name: Dua, weight: 20/6}
  - {id: "3", name: Tiga, weight: 53.3333333333333333}
)";

const char* kB = R"(id: B
name: Aspek B
weight: 40
indicators:
  - {id: "4", name: Empat, weight: 40}
)";

PackLoad load(std::map<std::string, std::string> files) {
    return load_pack([files](const std::string& name) -> std::optional<std::string> {
        auto it = files.find(name);
        if (it == files.end()) return std::nullopt;
        return it->second;
    });
}

std::string messages(const PackLoad& l) {
    std::string out;
    for (const auto& d : l.diags) out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("a pack without a domain tier loads and scores (generic hierarchy)") {
    std::string a = R"(id: A
name: Aspek A
weight: 60
indicators:
  - {id: "1", name: Satu, weight: 20/6}
  - {id: "2", name: Dua, weight: 20/6}
  - {id: "3", name: Tiga, weight: 160/3}
)";
    PackLoad l = load({{"pack.yaml", kManifest}, {"a.yaml", a}, {"b.yaml", kB}});
    REQUIRE(messages(l) == "");
    REQUIRE(l.pack);
    const Pack& p = *l.pack;
    CHECK(p.tiers.size() == 1);
    CHECK(p.indicators.size() == 4);
    CHECK(p.index_name.get(Lang::en) == "Digital Government Index");
    Score s = score_levels(p, {5, 5, 2, 4});
    // (5*10/3 + 5*10/3 + 2*160/3 + 4*40) / 100 = (100/3 + 320/3 + 160) / 100 = 300/100
    CHECK(s.index == Rational(3));
    CHECK(s.predicate->name.id == "Cakap");
    CHECK(s.group_index[0] == Rational(420, 180)); // (100/3 + 320/3) / 60 = 7/3
}

TEST_CASE("weights that do not add up are reported with the actual sum") {
    PackLoad l = load({{"pack.yaml", kManifest}, {"a.yaml", kA}, {"b.yaml", kB}});
    CHECK_FALSE(l.pack);
    CHECK(messages(l) == "a.yaml:1:1: error: weights of the indicators of aspect 'A' sum to 1799999999999999999/30000000000000000, not its weight 60\n");
}

TEST_CASE("structural errors are collected across files") {
    std::string b = "id: B\nname: Aspek B\nweight: 40\nindicators:\n  - {id: \"1\", name: Empat, weight: 40, scale: ipdd}\n  - {id: \"5\", nama: Lima, weight: 0}\n";
    PackLoad l = load({{"pack.yaml", kManifest}, {"a.yaml", kA}, {"b.yaml", b}});
    CHECK(messages(l) ==
          "b.yaml:5:47: error: unknown scale 'ipdd' in indicator 1; did you mean 'ipd'?\n"
          "b.yaml:5:6: error: duplicate indicator id '1' (first defined at a.yaml:5)\n"
          "b.yaml:6:15: error: unknown key 'nama' in indicator 5; did you mean 'name'?\n"
          "b.yaml:6:27: error: weight of indicator 5 must be positive\n"
          "b.yaml:6:5: error: indicator 5 has no 'name'\n");
}

TEST_CASE("manifest problems: missing keys, bands, unreadable files") {
    std::string m = kManifest;
    m.replace(m.find("  - {name: Merintis, min: 1}\n"), 29, "");
    PackLoad l = load({{"pack.yaml", m}, {"a.yaml", kA}});
    CHECK(messages(l) == "pack.yaml:19:8: error: cannot read pack file 'b.yaml' listed in 'files'\n");
    CHECK(l.io_error);
    std::string a = std::string(kA);
    a.replace(a.find("53.3333333333333333"), 19, "160/3");
    PackLoad l2 = load({{"pack.yaml", m}, {"a.yaml", a}, {"b.yaml", kB}});
    CHECK(messages(l2) ==
          "pack.yaml:14:1: error: predicate bands leave indices from 1 up to 1.5 without a predicate (the lowest band must start at 1)\n");
    PackLoad l3 = load({{"pack.yaml", "id: x\nweight: 1,5\n"}});
    CHECK(messages(l3) ==
          "pack.yaml:2:1: error: unknown key 'weight' in the pack manifest (expected one of: id, title, index_name, source, provenance, total_weight, display, hierarchy, scales, default_scale, predicates, files)\n"
          "pack.yaml:1:1: error: the pack manifest has no 'title'\n"
          "pack.yaml:1:1: error: the pack manifest has no 'hierarchy'\n"
          "pack.yaml:1:1: error: the pack manifest has no 'scales'\n"
          "pack.yaml:1:1: error: the pack manifest has no 'predicates'\n"
          "pack.yaml:1:1: error: the pack manifest has no 'files'\n");
}

TEST_CASE("a file the reader refuses is reported at that file with the reader's reason") {
    // What folder_reader gives for b.yaml: too large for the caller's limit, or there but unreadable.
    auto load_with_b = [](PackFileText b, PackLoadOptions options) {
        return load_pack(
            [b](const std::string& name) -> PackFileText {
                if (name == "pack.yaml") return std::optional<std::string>(kManifest);
                if (name == "a.yaml") return std::optional<std::string>(kA);
                return b;
            },
            options);
    };
    PackFileText big;
    big.error = "file is 2522 bytes, above --max-file-size 1000";
    big.too_large = true;
    PackFileText fifo;
    fifo.error = "not a regular file";
    auto errors = [](const PackLoad& l) { // lint also warns about the test pack's missing translations
        std::vector<Diagnostic> out;
        for (const auto& d : l.diags)
            if (d.severity == Severity::error) out.push_back(d);
        return out;
    };
    for (bool lint : {false, true}) {
        CAPTURE(lint);
        PackLoadOptions options;
        options.lint = lint;
        PackLoad l = load_with_b(big, options);
        auto e = errors(l);
        REQUIRE(e.size() == 1);
        CHECK(format_diagnostic(e[0]) ==
              "b.yaml: error: cannot read file: file is 2522 bytes, above --max-file-size 1000");
        CHECK(e[0].rule == "yaml-syntax"); // invalid input (exit 3), in lint as in score
        CHECK_FALSE(l.io_error);
        CHECK_FALSE(l.pack);
        PackLoad l2 = load_with_b(fifo, options);
        auto e2 = errors(l2);
        REQUIRE(e2.size() == 1);
        CHECK(format_diagnostic(e2[0]) == "b.yaml: error: cannot read file: not a regular file");
        CHECK(e2[0].rule == "io");
        CHECK(l2.io_error);
    }
    PackLoad l3 = load_pack([big](const std::string&) { return big; });
    CHECK(messages(l3) == "pack.yaml: error: cannot read file: file is 2522 bytes, above --max-file-size 1000\n");
    CHECK_FALSE(l3.io_error);
}

TEST_CASE("every level needs criteria, from the indicator or the scale") {
    std::string m = kManifest;
    m.replace(m.find(", criteria: c"), 13, "");
    PackLoad l = load({{"pack.yaml", m}, {"a.yaml", R"(id: A
name: Aspek A
weight: 60
indicators:
  - {id: "1", name: Satu, weight: 60, criteria: {3: tiga}}
)"},
                       {"b.yaml", kB}});
    CHECK(messages(l) == "b.yaml:5:5: error: indicator 4 has no criteria for level 3 (and scale 'ipd' gives none)\n");
}
