// The byte-level checks every YAML text passes before a reader sees it (encoding, binary data, tab
// indentation, the UTF-8 byte order mark), alone and through the evidence and pack loaders.
#include "loader/evidence_loader.hpp"
#include "loader/pack_loader.hpp"
#include "loader/yaml_text.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace spbe;

namespace {

// "line:col message" of the refusal, or "" when the text passes.
std::string refused(std::string_view text) {
    auto e = check_yaml_text(text, "an evidence file");
    if (!e) return "";
    CHECK(e->own);
    return std::to_string(e->pos.line) + ":" + std::to_string(e->pos.col) + " " + e->message;
}

const std::string kNotUtf8 = "save the file as UTF-8 (in the editor: Save as, encoding UTF-8; or iconv -f windows-1252 -t utf-8 OLD > NEW)";
const std::string kTab = "tab used for indentation; YAML indents with spaces (replace the tab with spaces)";

// The diagnostics of an evidence text, one "line:col: error: message [rule]" a line.
std::string evidence_diags(const std::string& text) {
    EvidenceParse parsed = parse_evidence(text);
    std::string out;
    for (const auto& d : parsed.diags) out += format_diagnostic(d) + " [" + d.rule + "]\n";
    return out;
}

} // namespace

TEST_CASE("UTF-8 text passes, whatever it holds") {
    CHECK(refused("") == "");
    CHECK(refused("# comment\n") == "");
    CHECK(refused("name: Dinas Komunikasi dan Informatika — Kab. Ngawi é ü 日本 😀\n") == "");
    CHECK(refused("a: 1\r\nb: 2\r\n") == "");                    // CRLF
    CHECK(refused("a:\t1\nb: \"x\ty\"\n\t# a comment after a tab\n\t\n") == ""); // tabs that do not indent
}

TEST_CASE("bytes that are not UTF-8 are refused at the first one") {
    CHECK(refused("name: Pemerintah Kab. Uj\xE9\n") == "1:25 not UTF-8 (byte 0xE9); " + kNotUtf8); // Windows-1252 é
    CHECK(refused("a: 1\nb: \x80\n") == "2:4 not UTF-8 (byte 0x80); " + kNotUtf8);             // a lone continuation
    CHECK(refused("a: \xC3\n") == "1:4 not UTF-8 (byte 0xC3); " + kNotUtf8);                   // a cut sequence
    CHECK(refused("a: \xC0\xAF\n") == "1:4 not UTF-8 (byte 0xC0); " + kNotUtf8);               // overlong '/'
    CHECK(refused("a: \xED\xA0\x80\n") == "1:4 not UTF-8 (byte 0xED); " + kNotUtf8);           // a surrogate
    CHECK(refused("a: \xF4\x90\x80\x80\n") == "1:4 not UTF-8 (byte 0xF4); " + kNotUtf8);       // above U+10FFFF
    CHECK(refused("a: \xE2\x82") == "1:4 not UTF-8 (byte 0xE2); " + kNotUtf8);                 // cut at the end
}

TEST_CASE("binary data is refused with one short message, before any encoding problem") {
    CHECK(refused(std::string("a: 1\nb: x\0y\n", 12)) == "2:5 binary data (NUL byte); an evidence file is YAML text");
    CHECK(refused("\xE9 a: \x1b[0m\n") == "1:6 binary data (control byte 0x1B); an evidence file is YAML text");
    std::string big(1 << 20, '\0'); // a megabyte of zeros: still one short message
    CHECK(refused(big) == "1:1 binary data (NUL byte); an evidence file is YAML text");
}

TEST_CASE("UTF-16 and UTF-32 are recognised by their byte order mark") {
    const std::string msg = "1:1 UTF-16 text (or UTF-32); save the file as UTF-8";
    CHECK(refused(std::string("\xFF\xFE" "a\0:\0", 6)) == msg);
    CHECK(refused(std::string("\xFE\xFF\0a\0:", 6)) == msg);
    CHECK(refused(std::string("\0\0\xFE\xFF", 4)) == msg);
}

TEST_CASE("a tab in the indentation of a line is refused where it is") {
    CHECK(refused("a:\n\tb: 1\n") == "2:1 " + kTab);
    CHECK(refused("a:\n  \t- x\n") == "2:3 " + kTab);
    CHECK(refused("a: |\n  text\n\t\xC3\xA9\n") == "3:1 " + kTab); // also inside block text
    CHECK(refused("a:\n\tb: \xE9\n") == "2:5 not UTF-8 (byte 0xE9); " + kNotUtf8); // the encoding first
}

TEST_CASE("a UTF-8 byte order mark is skipped without moving positions") {
    CHECK(strip_utf8_bom("\xEF\xBB\xBF" "a: 1\n") == "a: 1\n");
    CHECK(strip_utf8_bom("a: 1\n") == "a: 1\n");
    const std::string text = "rubric: spbe-2020\nagency: [x]\nyear: 2024\nindicators: {}\n";
    CHECK(evidence_diags("\xEF\xBB\xBF" + text) == evidence_diags(text));
    CHECK(evidence_diags("\xEF\xBB\xBF" "year: x\n").find("1:7: error: 'year' must be a whole number") != std::string::npos);
}

TEST_CASE("the evidence and pack loaders report the refusals as yaml-syntax errors") {
    CHECK(evidence_diags("rubric: spbe-2020\nagency:\n  name: Kab. Uj\xE9\n") ==
          "3:16: error: not UTF-8 (byte 0xE9); " + kNotUtf8 + " [yaml-syntax]\n");
    std::string deep = "a:\n";
    for (int i = 0; i < 64; ++i) deep += "- "; // the list under `a` and 63 inside it: 65 levels with the root
    CHECK(evidence_diags(deep + "x\n") == "2:127: error: nesting too deep (more than 64 levels of lists and mappings) [yaml-syntax]\n");
    CHECK(evidence_diags("rubric: &r spbe-2020\nagency: *r\n") ==
          "2:9: error: YAML aliases ('*name') are not supported; write the value out in full [yaml-syntax]\n");
    CHECK(evidence_diags("rubric: spbe-2020\n---\nrubric: spbe-2018\n") ==
          "2:1: error: a second YAML document starts here ('---'); a file holds one document (split it into two files) [yaml-syntax]\n");
    std::map<std::string, std::string> files{{"pack.yaml", std::string("id: x\ntitle: a\0b\n", 16)}};
    PackLoad load = load_pack([&](const std::string& name) -> std::optional<std::string> {
        auto it = files.find(name);
        if (it == files.end()) return std::nullopt;
        return it->second;
    });
    REQUIRE(load.diags.size() == 1);
    CHECK(format_diagnostic(load.diags[0]) == "pack.yaml:2:9: error: binary data (NUL byte); a rubric pack file is YAML text");
    CHECK_FALSE(load.pack);
}
