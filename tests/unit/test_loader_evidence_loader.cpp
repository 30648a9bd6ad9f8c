// Evidence file reading from strings: the exact messages a user sees for every class of bad input.
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"

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

// A complete valid file with `replace` substituted for indicator lines as given.
std::string evidence(const std::map<int, std::string>& replace = {}, const std::string& head = "rubric: spbe-2020\nagency:\n  name: Kab. Uji\nyear: 2024\n") {
    std::string text = head + "indicators:\n";
    for (int i = 1; i <= 47; ++i) {
        auto it = replace.find(i);
        if (it == replace.end()) text += "  " + std::to_string(i) + ": 2\n";
        else if (!it->second.empty()) text += it->second;
    }
    return text;
}

std::string check(const std::string& text) {
    EvidenceParse parsed = parse_evidence(text);
    if (parsed.file) validate_evidence(*parsed.file, pack2020(), parsed.diags);
    attach_file(parsed.diags, "f.yaml");
    std::string out;
    for (const auto& d : parsed.diags) out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("a complete file has no diagnostics and keeps every field") {
    std::string text = evidence({{2, "  2:\n    level: 4\n    verified: 3\n    note: catatan\n    target: 5\n    effort: {4: 2, 5: 3.5}\n"
                                      "    evidence:\n      - title: Perbup 12/2021\n        file: bukti/a.pdf\n        sha256: "
                                      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n        valid_until: 2026-12-31\n      - Notulensi rapat\n"}},
                                "rubric: spbe-2020\nagency:\n  name: Kab. Uji\n  code: \"0101\"\n  type: kabupaten\n  province: Aceh\nyear: 2024\ntargets: {index: 3.5}\n");
    CHECK(check(text) == "");
    EvidenceParse p = parse_evidence(text);
    REQUIRE(p.file);
    CHECK(p.file->agency.code == "0101");
    CHECK(p.file->targets.index == Rational(7, 2));
    const IndicatorEntry* e = p.file->find("2");
    REQUIRE(e);
    CHECK(*e->level == 4);
    CHECK(*e->verified == 3);
    CHECK(*e->effective(false) == 3);
    CHECK(*e->effective(true) == 4);
    CHECK(e->evidence.size() == 2);
    CHECK(e->evidence[0].valid_until->to_string() == "2026-12-31");
    CHECK(e->evidence[1].title == "Notulensi rapat");
    CHECK(e->effort->step_to(5) == Rational(7, 2));
    CHECK(e->effort->step_to(3) == Rational(1));
    CHECK(*e->target == 5);
}

TEST_CASE("malformed YAML points at the syntax error") {
    CHECK(check("rubric: spbe-2020\nagency: [a,\n") ==
          "f.yaml:2:9: error: the list opened with '[' on line 2 is not closed: end it with ']' (e.g. [2, 3]), or write "
          "the items on their own lines as '- item'\n");
}

TEST_CASE("an empty file is an error, not a zero score") {
    CHECK(check("") == "f.yaml: error: file is empty (expected a YAML mapping)\n");
    CHECK(check("# only a comment\n") == "f.yaml: error: file is empty (expected a YAML mapping)\n");
}

TEST_CASE("level outside the scale, non-integer level and decimal comma") {
    CHECK(check(evidence({{5, "  5: 6\n"}})) == "f.yaml:10:6: error: level 6 of indicator 5 is outside the scale 1 to 5\n");
    CHECK(check(evidence({{5, "  5: 2.5\n"}})) == "f.yaml:10:6: error: level of indicator 5 must be a whole number, found 2.5\n");
    CHECK(check(evidence({{5, "  5: 2,5\n"}})) ==
          "f.yaml:10:6: error: level of indicator 5 must be written with a decimal point, found '2,5' (write 2.5; the levels of "
          "spbe-2018 and spbe-2020 are whole numbers)\n");
    CHECK(check(evidence({{5, "  5: 3.0\n"}})) == ""); // exactly level 3
    CHECK(check(evidence({{5, "  5: tiga\n"}})) == "f.yaml:10:6: error: level of indicator 5 must be a whole number, found 'tiga'\n");
    CHECK(check(evidence({{5, "  5: 0\n"}})) == "f.yaml:10:6: error: level 0 of indicator 5 is outside the scale 1 to 5\n");
}

TEST_CASE("unknown and missing indicators are listed") {
    CHECK(check(evidence({{47, "  48: 3\n"}})) ==
          "f.yaml:5:1: error: missing 1 indicator: 47\n"
          "f.yaml:52:3: error: unknown indicator '48' (rubric spbe-2020 has indicators 1 to 47)\n");
    CHECK(check(evidence({{12, ""}, {13, ""}, {40, ""}})) == "f.yaml:5:1: error: missing 3 indicators: 12, 13, 40\n");
}

TEST_CASE("duplicate keys are errors (yaml-cpp would keep the first silently)") {
    CHECK(check(evidence({{3, "  3: 2\n  3: 4\n"}})) == "f.yaml:9:3: error: duplicate key '3' in 'indicators' (first defined at line 8)\n");
    CHECK(check("rubric: spbe-2020\nrubric: spbe-2018\n" + evidence({}, "agency: {name: X}\nyear: 2024\n")) ==
          "f.yaml:2:1: error: duplicate key 'rubric' in the evidence file (first defined at line 1)\n");
}

TEST_CASE("unknown keys get a did-you-mean hint") {
    CHECK(check(evidence({{2, "  2:\n    levle: 3\n"}})) ==
          "f.yaml:7:3: error: level of indicator 2 is not filled in\n"
          "f.yaml:8:5: error: unknown key 'levle' in indicator 2; did you mean 'level'?\n");
    CHECK(check(evidence({}, "rubric: spbe-2020\nagensi: {name: X}\nagency: {name: X}\nyear: 2024\n")) ==
          "f.yaml:2:1: error: unknown key 'agensi' in the evidence file; did you mean 'agency'?\n");
}

TEST_CASE("a level left null is reported as not filled in") {
    CHECK(check(evidence({{4, "  4:\n    level: null\n"}})) == "f.yaml:10:12: error: level of indicator 4 is not filled in\n");
    CHECK(check(evidence({{4, "  4:\n"}})) == "f.yaml:9:3: error: level of indicator 4 is not filled in\n");
}

TEST_CASE("required keys and their types") {
    CHECK(check("rubric: spbe-2020\nyear: dua ribu\n") ==
          "f.yaml:1:1: error: missing required key 'agency' (e.g. agency: {name: Pemerintah Kabupaten Contoh})\n"
          "f.yaml:1:1: error: missing required key 'indicators' (e.g. indicators: {1: 3, 2: 4})\n"
          "f.yaml:1:1: error: missing 47 indicators: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47\n"
          "f.yaml:2:7: error: 'year' must be a whole number, found 'dua ribu'\n");
    CHECK(check("- a\n- b\n") == "f.yaml:1:1: error: an evidence file must be a mapping, found a list\n");
}

TEST_CASE("evidence entries: dates and checksums are checked") {
    CHECK(check(evidence({{1, "  1:\n    level: 2\n    evidence:\n      - title: A\n        valid_until: 2024-02-30\n        sha256: abc\n"}})) ==
          "f.yaml:10:22: error: valid_until '2024-02-30' of an evidence entry of indicator 1 is not a date (YYYY-MM-DD)\n"
          "f.yaml:11:17: error: sha256 of an evidence entry of indicator 1 must be 64 hexadecimal digits\n");
}

TEST_CASE("evidence entries of the wrong shape are reported with their indicator") {
    std::string one = "  1:\n    level: 2\n    evidence:\n      - [a, b]\n      - title: {x: 1}\n        file: [f]\n      - sha256: " + std::string(64, 'a') +
                      "\n      - Notulensi\n";
    std::string two = "  2:\n    level: 2\n    evidence: bukti.pdf\n";
    std::string three = "  3: &x\n    level: 2\n    evidence:\n      - &t title: T\n        title: U\n";
    CHECK(check(evidence({{1, one}, {2, two}, {3, three}})) ==
          "f.yaml:9:9: error: an evidence entry of indicator 1 must be a mapping, found a list\n"
          "f.yaml:10:9: error: an evidence entry of indicator 1 needs a 'title' or a 'file'\n"
          "f.yaml:10:16: error: 'title' of an evidence entry of indicator 1 must be text, found a mapping\n"
          "f.yaml:11:15: error: 'file' of an evidence entry of indicator 1 must be text, found a list\n"
          "f.yaml:12:9: error: an evidence entry of indicator 1 needs a 'title' or a 'file'\n"
          "f.yaml:16:15: error: 'evidence' of indicator 2 must be a list, found 'bukti.pdf'\n"
          "f.yaml:21:9: error: duplicate key 'title' in an evidence entry of indicator 3 (first defined at line 20)\n");
}
