// Unit tests of crosswalk files (diff --map): structure, one-to-one pairs and ids checked against
// both packs, every problem with line and column.
#include "loader/builtin_packs.hpp"
#include "loader/crosswalk_loader.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

std::vector<std::string> messages(const std::vector<Diagnostic>& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags) out.push_back(format_diagnostic(d));
    return out;
}

const Pack& pack(const std::string& id) {
    static PackRegistry r;
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* p = r.get(id, diags, io_error);
    REQUIRE(p != nullptr);
    return *p;
}

} // namespace

TEST_CASE("crosswalk: pairs in file order with positions") {
    CrosswalkParse p = parse_crosswalk("crosswalk: 1\nfrom: spbe-2018\nto: spbe-2020\nindicators:\n  \"1\": \"1\"\n  35-1: 45\n");
    CHECK(messages(p.diags).empty());
    REQUIRE(p.crosswalk);
    CHECK(p.crosswalk->from == "spbe-2018");
    CHECK(p.crosswalk->to == "spbe-2020");
    REQUIRE(p.crosswalk->pairs.size() == 2);
    CHECK(p.crosswalk->pairs[1].old_id == "35-1");
    CHECK(p.crosswalk->pairs[1].new_id == "45");
    CHECK(p.crosswalk->pairs[1].old_pos.line == 6);
    CHECK(p.crosswalk->pairs[1].new_pos.col == 9);
    std::vector<Diagnostic> diags;
    validate_crosswalk(*p.crosswalk, pack("spbe-2018"), pack("spbe-2020"), diags);
    CHECK(messages(diags).empty());
}

TEST_CASE("crosswalk: missing keys, wrong version, unknown keys") {
    CHECK(messages(parse_crosswalk("crosswalk: 2\nfrom: a\ntoo: b\n").diags) ==
          std::vector<std::string>{"3:1: error: unknown key 'too' in the crosswalk; did you mean 'to'?",
                                   "1:12: error: crosswalk format version 2 is not supported (this spbe reads version 1)",
                                   "1:1: error: the crosswalk has no 'to' (e.g. `to: spbe-2020`)",
                                   "1:1: error: the crosswalk has no 'indicators' (e.g. `indicators: {\"1\": \"1\"}`)"});
    CHECK_FALSE(parse_crosswalk("- 1\n").crosswalk);
}

TEST_CASE("crosswalk: one to one, and ids of both packs") {
    CrosswalkParse p = parse_crosswalk("crosswalk: 1\nfrom: spbe-2018\nto: spbe-2020\nindicators:\n  5: 5\n  5: 6\n  20: 5\n  99: 48\n");
    CHECK(messages(p.diags) == std::vector<std::string>{"6:3: error: duplicate key '5' in 'indicators' (first defined at line 5)",
                                                         "7:7: error: new indicator '5' is already mapped from '5' (line 5); a crosswalk maps one to one"});
    REQUIRE(p.crosswalk);
    std::vector<Diagnostic> diags;
    validate_crosswalk(*p.crosswalk, pack("spbe-2018"), pack("spbe-2020"), diags);
    CHECK(messages(diags) == std::vector<std::string>{"8:3: error: '99' is not an indicator of spbe-2018", "8:7: error: '48' is not an indicator of spbe-2020"});
    diags.clear();
    validate_crosswalk(*p.crosswalk, pack("spbe-2020"), pack("spbe-2018"), diags);
    CHECK(messages(diags) == std::vector<std::string>{"2:7: error: the crosswalk maps from 'spbe-2018' but the old file uses rubric 'spbe-2020'",
                                                       "3:5: error: the crosswalk maps to 'spbe-2020' but the new file uses rubric 'spbe-2018'"});
}
