// The escaping helpers every renderer uses: CSV cells (RFC 4180 quoting plus OWASP's formula
// neutralisation), Markdown cells, terminal text, JSON strings (always valid UTF-8) and XML text.
#include "report/findings_report.hpp"
#include "report/json_writer.hpp"
#include "report/text_util.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace spbe;

TEST_CASE("csv_row neutralises text that a spreadsheet would run as a formula") {
    CHECK(csv_row({"=HYPERLINK(\"http://x\")"}) == "\"'=HYPERLINK(\"\"http://x\"\")\"\n");
    CHECK(csv_row({"+1", "-2", "@SUM(A1)", "\tTab", "\rCR"}) == "'+1,'-2,'@SUM(A1),'\tTab,\"'\rCR\"\n");
    CHECK(csv_row({"a=b", " =x", "Kab. Contoh"}) == "a=b, =x,Kab. Contoh\n"); // only a leading sign counts
    CHECK(csv_row({"a,b", "say \"hi\"", "a\nb", "x;y", ""}) == "\"a,b\",\"say \"\"hi\"\"\",\"a\nb\",\"x;y\",\n");
}

TEST_CASE("csv_row writes the numbers spbe formats as they are") {
    CHECK(csv_row({csv_number("-0.05"), csv_number("-1/20"), csv_number("+0.40"), csv_number("3"), csv_number("")}) ==
          "-0.05,-1/20,+0.40,3,\n");
    CHECK(csv_row({"-0.05"}) == "'-0.05\n"); // the same text from input is text
}

TEST_CASE("append_csv_field appends one cell in place") {
    std::string line = "x,";
    append_csv_field(line, "-2");
    CHECK(line == "x,'-2");
}

TEST_CASE("markdown_escape keeps text from input inside its table cell") {
    CHECK(markdown_escape("|pipe|") == "\\|pipe\\|");
    CHECK(markdown_escape("a\nb") == "a<br>b");
    CHECK(markdown_escape("a\r\nb\rc") == "a<br>b<br>c");
    CHECK(markdown_escape("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>");
    CHECK(markdown_escape("<!-- x --> <?php") == "&lt;!-- x --> &lt;?php");
    CHECK(markdown_escape("masih berlaku (<2 tahun)") == "masih berlaku (<2 tahun)");
    CHECK(markdown_escape("C:\\bukti\\|x") == "C:\\\\bukti\\\\\\|x"); // a backslash cannot un-escape the pipe
    CHECK(markdown_escape("&amp; \"q\"") == "&amp; \"q\"");
    // Control characters never reach a terminal that shows the Markdown: TAB is a space, ESC/BEL/C1 U+FFFD.
    CHECK(markdown_escape("a\tb") == "a b");
    CHECK(markdown_escape("x\x1b]0;pwn\x07y\n\x1b[2Jz") == "x\xEF\xBF\xBD]0;pwn\xEF\xBF\xBDy<br>\xEF\xBF\xBD[2Jz");
    CHECK(markdown_escape("\xC2\x9B|") == "\xEF\xBF\xBD\\|");
}

TEST_CASE("terminal_safe leaves no control character and keeps one column per character") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(terminal_safe("a\nb\tc\rd") == "a b c d");
    CHECK(terminal_safe("a\r\nb") == "a  b");
    CHECK(terminal_safe("\x1b[2Jx") == fffd + "[2Jx");
    CHECK(terminal_safe("\x1b]0;pwn\x07") == fffd + "]0;pwn" + fffd);
    CHECK(terminal_safe(std::string("\0\x01\x1f\x7f", 4)) == fffd + fffd + fffd + fffd);
    CHECK(terminal_safe("\xC2\x9B"
                        "2J \xC2\x80 \xC2\x9F") == fffd + "2J " + fffd + " " + fffd); // C1: CSI, U+0080, U+009F
    CHECK(terminal_safe("\xC2\xA0 \xC2") == "\xC2\xA0 " + fffd); // NBSP stays; a cut-short sequence does not
    CHECK(terminal_safe("Kab. Contoh · Jawa — ≥ 2 é 日本") == "Kab. Contoh · Jawa — ≥ 2 é 日本");
    CHECK(terminal_safe("\xE9t\xE9") == fffd + "t" + fffd);
    CHECK(display_width(terminal_safe("a\x1b[31mb\tc")) == 9); // "a�[31mb c": ESC no longer hides "[31m"
    CHECK(colorize("a\x1b[2J\n", Color::none, false) == "a" + fffd + "[2J ");
    CHECK(colorize("\x1b]0;t\x07", Color::red, true) == "\x1b[31m" + fffd + "]0;t" + fffd + "\x1b[0m");
    CHECK(wrap_text("one\x1b[2J\ttwo\nthree", 80, "  ") == "  one" + fffd + "[2J two\n  three\n");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters") {
    CHECK(JsonWriter::escape("\"q\" \\ a\nb\tc\rd") == "\"\\\"q\\\" \\\\ a\\nb\\tc\\rd\"");
    CHECK(JsonWriter::escape(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\x7f\"");
    CHECK(JsonWriter::escape(std::string("a\0b", 3)) == "\"a\\u0000b\"");
    CHECK(JsonWriter::escape("<script>&amp;") == "\"<script>&amp;\"");
}

TEST_CASE("JSON strings are always valid UTF-8: ill-formed bytes become U+FFFD") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(JsonWriter::escape("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") ==
          "\"Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
    CHECK(JsonWriter::escape("Caf\xE9") == "\"Caf" + fffd + "\"");                            // Windows-1252 é
    CHECK(JsonWriter::escape("\xC0\xAF") == "\"" + fffd + fffd + "\"");                       // overlong '/'
    CHECK(JsonWriter::escape("\xED\xA0\x80") == "\"" + fffd + fffd + fffd + "\"");            // a surrogate
    CHECK(JsonWriter::escape("\xF4\x90\x80\x80") == "\"" + fffd + fffd + fffd + fffd + "\""); // above U+10FFFF
    CHECK(JsonWriter::escape("\xE2\x82x") == "\"" + fffd + "x\"");                            // cut short: one U+FFFD
    CHECK(JsonWriter::escape("\xE2\x82") == "\"" + fffd + "\"");                              // cut short at the end
    CHECK(JsonWriter::escape("\x80") == "\"" + fffd + "\""); // a stray continuation byte
    CHECK(valid_utf8("a\xFF"
                     "b") == "a" + fffd + "b");
}

TEST_CASE("xml_escape gives text that XML 1.0 accepts") {
    CHECK(xml_escape("<a&b> \"q\" 'x'") == "&lt;a&amp;b&gt; &quot;q&quot; &apos;x&apos;");
    CHECK(xml_escape("a\nb\tc\rd") == "a\nb\tc&#13;d");
    CHECK(xml_escape(std::string("a\x01\x1b"
                                 "b",
                                 4)) == "a\xEF\xBF\xBD\xEF\xBF\xBD"
                                        "b");
    CHECK(xml_escape("\xEF\xBF\xBE \xEF\xBF\xBF \xE9") == "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(xml_escape("Caf\xC3\xA9") == "Caf\xC3\xA9");
}

TEST_CASE("GitHub workflow commands escape their data and properties") {
    CHECK(github_escape_data("50% a\r\nb :: c") == "50%25 a%0D%0Ab :: c");
    CHECK(github_escape_property("<a&b> \"q\",=x::y\n.yaml") == "<a&b> \"q\"%2C=x%3A%3Ay%0A.yaml");
}

TEST_CASE("break_lines wraps words at the width less the columns reserved on each line") {
    CHECK(break_lines(split_words("aa bb cc dd", true), 5) == std::vector<std::string>{"aa bb", "cc dd"});
    CHECK(break_lines(split_words("aa bb cc dd", true), 7, 3, 0) == std::vector<std::string>{"aa", "bb cc", "dd"});
    CHECK(break_lines(split_words("aa bb cc dd", true), 8, 0, 4) == std::vector<std::string>{"aa bb cc", "dd"});
    CHECK(break_lines(split_words("toolongword x", true), 4) == std::vector<std::string>{"toolongword", "x"});
    CHECK(break_lines({}, 10) == std::vector<std::string>{""});
    CHECK(break_lines(split_words("é é é", true), 3) == std::vector<std::string>{"é é", "é"}); // columns, not bytes
}

TEST_CASE("split_words keeps or drops the empty words of a run of spaces") {
    CHECK(split_words("a  b ", true) == std::vector<std::string>{"a", "", "b"});
    CHECK(split_words(" a  b ", false) == std::vector<std::string>{"a", "b"});
    CHECK(wrap_text("a  b", 10, "> ") == "> a  b\n");
}

TEST_CASE("tables fit table_width(): the widest name column narrows (never below 12), numbers keep theirs") {
    const std::vector<std::vector<std::string>> rows{
        {"ID", "Nama", "Bobot"}, {"1", "Tingkat Kematangan Kebijakan Internal", "1.3"}, {"42", "Layanan", "3"}};
    set_table_width(30);
    CHECK(render_table(rows, {true, false, true}) == "  ID  Nama               Bobot\n" // 30 columns exactly
                                                     "   1  Tingkat Kematang…    1.3\n"
                                                     "  42  Layanan                3\n");
    set_table_width(10); // narrower than the numbers and the 12-character minimum: as narrow as it gets
    CHECK(render_table(rows, {true, false, true}) == "  ID  Nama          Bobot\n"
                                                     "   1  Tingkat Kem…    1.3\n"
                                                     "  42  Layanan           3\n");
    set_table_width(0);
    CHECK(render_table(rows, {true, false, true}).find("Tingkat Kematangan Kebijakan Internal") != std::string::npos);
}
