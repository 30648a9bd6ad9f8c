// The plain-language accounts of common YAML mistakes: each mistake, read by both readers, gives one
// message naming it and its fix at the line of the mistake; texts without the mistake keep yaml-cpp's.
#include "loader/evidence_loader.hpp"
#include "loader/yaml_hints.hpp"
#include "loader/yaml_tree.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace spbe;

namespace {

// The diagnostics of an evidence text as "line:col: message", read by the default readers and by
// yaml-cpp alone (the block reader declines every text below, so both must agree).
std::string syntax(const std::string& body) {
    const std::string text = "rubric: spbe-2020\n" + body;
    std::string out;
    for (YamlReaderChoice choice : {YamlReaderChoice::automatic, YamlReaderChoice::yaml_cpp}) {
        set_yaml_reader(choice);
        EvidenceParse parsed = parse_evidence(text);
        std::string one;
        for (const auto& d : parsed.diags)
            if (d.rule == "yaml-syntax") one += format_diagnostic(d) + "\n";
        if (choice == YamlReaderChoice::automatic) out = one;
        else CHECK(one == out);
    }
    set_yaml_reader(YamlReaderChoice::automatic);
    return out;
}

} // namespace

TEST_CASE("an unquoted ': ' inside a value asks for quotes and shows the quoted value") {
    CHECK(syntax("agency:\n  name: Pemerintah Kota: Contoh\n") ==
          "3:9: error: a value containing ': ' must be quoted: name: \"Pemerintah Kota: Contoh\"\n");
    // A value that holds a double quote is shown in single quotes.
    CHECK(syntax("agency:\n  name: Kota \"A\": B\n") ==
          "3:9: error: a value containing ': ' must be quoted: name: 'Kota \"A\": B'\n");
}

TEST_CASE("a missing space after a colon is reported on its own line, not the next") {
    CHECK(syntax("indicators:\n  1:4\n  2: 3\n") ==
          "3:4: error: '1:4' needs a space after the colon: write '1: 4' (without the space YAML reads '1:4' as one "
          "piece of text, not a key and its value)\n");
}

TEST_CASE("a key indented under a key that has a value") {
    CHECK(syntax("agency:\n  name: X\n   code: y\n") ==
          "4:4: error: 'code' is indented more than 'name' on line 3: keys of one mapping start in the same column "
          "(indent 'code' by 2 spaces like 'name')\n");
}

TEST_CASE("a line that lines up with nothing above names the columns that would") {
    CHECK(syntax("agency:\n  name: X\n year: 2024\n") ==
          "4:2: error: line 4 is indented by 1 space, which lines up with nothing above it: indent it by 0 spaces "
          "(like 'agency' on line 2) or 2 spaces (like 'name' on line 3)\n");
    CHECK(syntax("indicators:\n  1:\n    evidence:\n    - title: A\n      file: a.pdf\n     - title: B\n") ==
          "7:6: error: line 7 is indented by 5 spaces, which lines up with nothing above it: indent it by 4 spaces "
          "(like the '- ' on line 5) or 6 spaces (like 'file' on line 6)\n");
}

TEST_CASE("list items and keys mixed at one indentation") {
    CHECK(syntax("indicators:\n  - 1: 2\n  3: 4\n") ==
          "4:3: error: a key ('3:') follows list items ('- ') at the same indentation (line 3): write every entry as "
          "'key: value', or every entry as a '- ' list item, not both\n");
}

TEST_CASE("an unclosed '[' or '{' is shown where it opens") {
    CHECK(syntax("indicators:\n  1: [2, 3\n  2: 3\n") ==
          "3:6: error: the list opened with '[' on line 3 is not closed: end it with ']' (e.g. [2, 3]), or write the "
          "items on their own lines as '- item'\n");
    CHECK(syntax("agency: {name: X\nyear: 2024\n") ==
          "2:9: error: the mapping opened with '{' on line 2 is not closed: end it with '}' (e.g. {name: X}), or "
          "write its keys on their own lines\n");
}

TEST_CASE("an unclosed quote is refused instead of swallowing the rest of the file") {
    // yaml-cpp itself reads this without an error: name becomes "X year: 2024 indicators: …".
    CHECK(syntax("agency:\n  name: \"X\nyear: 2024\nindicators: {1: 2}\n") ==
          "3:9: error: the double quote opened here is never closed, so everything after it would be read as this "
          "value: end the value with \"\n");
    CHECK(syntax("year: '2024\n") ==
          "2:7: error: the single quote opened here is never closed, so everything after it would be read as this "
          "value: end the value with '\n");
}

TEST_CASE("quotes that close on a later line, inside block scalars or inside plain text are fine") {
    CHECK(!find_unclosed_quote("a: \"one\n  two\"\nb: 'it''s'\n"));
    CHECK(!find_unclosed_quote("note: >-\n  \"Kriteria\n  tingkat 2\nb: 1\n"));
    CHECK(!find_unclosed_quote("name: Kab. O'Brien\nnote: a \"quoted word\n"));
    CHECK(!find_unclosed_quote("- title: A\n  file: \"a.pdf\"\n"));
    CHECK(find_unclosed_quote("- title: A\n  file: \"a.pdf\n")->pos.line == 2);
}

TEST_CASE("text after a closing quote, a list on its key's line, a value starting with '@'") {
    CHECK(syntax("agency:\n  name: \"X\"y\n") ==
          "3:12: error: the value of 'name' goes on after its closing quote: put the whole value inside the quotes\n");
    CHECK(syntax("agency: - X\n") ==
          "2:9: error: a list cannot start on the line of its key: put '- X' on the next line, indented under "
          "'agency:', or write [X]\n");
    CHECK(syntax("agency:\n  name: @X\n") == "3:9: error: a value cannot start with '@' unless it is quoted: name: \"@X\"\n");
}

TEST_CASE("errors that are none of these mistakes keep the reader's own words") {
    YamlError other{{3, 1}, "end of map not found", false};
    CHECK(!explain_yaml_error("a: 1\nb: 2\nc: 3\n", other));
    YamlError own{{1, 1}, "tab used for indentation", true};
    CHECK(!explain_yaml_error("a:\n\tb: 1\n", own));
    YamlError beyond{{40, 1}, "illegal map value", false};
    CHECK(!explain_yaml_error("a: 1\n", beyond));
}
