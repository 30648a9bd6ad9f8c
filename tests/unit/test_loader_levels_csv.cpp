// Levels CSV reader: separator and BOM detection, RFC 4180 quoting, decimal-comma levels, the
// exact line:field positions of every message, and hostile text (encodings, limits, open quotes).
#include "loader/levels_csv.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

std::string messages(const std::vector<Diagnostic>& diags) {
    std::string out;
    for (const auto& d : diags) out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("comma CSV with all agency columns") {
    LevelsCsv csv = LevelsCsv::parse("name,code,type,province,year,rubric,1,2\n"
                                     "Kabupaten A,1101,kabupaten,Aceh,2024,spbe-2020,3,4\n");
    REQUIRE(csv.usable());
    CHECK(csv.separator() == ',');
    CHECK(csv.has_rubric_column());
    REQUIRE(csv.indicator_columns().size() == 2);
    CHECK(csv.indicator_columns()[0] == std::make_pair(std::string("1"), 7));
    REQUIRE(csv.row_count() == 1);
    CHECK(csv.row_line(0) == 2);
    LevelsCsvRow row = csv.row(0);
    CHECK(row.diags.empty());
    const EvidenceFile& f = row.file;
    CHECK(f.agency.name == "Kabupaten A");
    CHECK(f.agency.code == "1101");
    CHECK(f.agency.type == "kabupaten");
    CHECK(f.agency.province == "Aceh");
    CHECK(f.year == 2024);
    CHECK(f.rubric == "spbe-2020");
    REQUIRE(f.indicators.size() == 2);
    CHECK(f.indicators[0].id == "1");
    CHECK(f.indicators[0].level == 3);
    CHECK_FALSE(f.indicators[0].verified);
    CHECK_FALSE(f.indicators[0].long_form);
    CHECK(f.indicators[1].level == 4);
    CHECK(f.indicators[1].level_pos.line == 2);
    CHECK(f.indicators[1].level_pos.col == 8);
}

TEST_CASE("semicolon CSV with a BOM, CRLF, quoted fields and blank rows") {
    LevelsCsv csv = LevelsCsv::parse("\xEF\xBB\xBFname;province;1;2\r\n"
                                     "\"Kota \"\"Baru\"\"; Timur\";Jawa Barat;1;2\r\n"
                                     "\r\n"
                                     ";;;\r\n"
                                     "\"Dua\r\nBaris\";Bali;3;\"4\"\r\n");
    REQUIRE(csv.usable());
    CHECK(csv.separator() == ';');
    CHECK_FALSE(csv.has_rubric_column());
    REQUIRE(csv.row_count() == 2);
    LevelsCsvRow a = csv.row(0);
    CHECK(a.diags.empty());
    CHECK(a.file.agency.name == "Kota \"Baru\"; Timur");
    CHECK(a.file.rubric.empty());
    CHECK_FALSE(a.file.year);
    CHECK(csv.row_line(1) == 5);
    LevelsCsvRow b = csv.row(1);
    CHECK(b.diags.empty());
    CHECK(b.file.agency.name == "Dua\nBaris");
    CHECK(b.file.agency.province == "Bali");
    CHECK(b.file.indicators[0].level_pos.line == 6); // the field after the line break
    CHECK(b.file.indicators[1].level == 4);
}

TEST_CASE("separator detection counts only outside quotes") {
    LevelsCsv csv = LevelsCsv::parse("\"a;b;c;d\",name,1\nx,Kab,2\n");
    CHECK(csv.separator() == ',');
    CHECK(csv.indicator_columns().size() == 2); // "a;b;c;d" and "1" are indicator columns
}

TEST_CASE("decimal levels: exact, whole ones with a warning; the pack decides whether it records decimals") {
    LevelsCsv csv = LevelsCsv::parse("name;1;2;3;4;5\n"
                                     "Kab;3,0;2.00;3,5;tiga;1,25\n");
    LevelsCsvRow row = csv.row(0);
    CHECK(row.file.indicators[0].level == Rational(3));
    CHECK(row.file.indicators[1].level == Rational(2));
    CHECK(row.file.indicators[2].level == Rational(7, 2));
    CHECK_FALSE(row.file.indicators[3].level);
    CHECK(row.file.indicators[4].level == Rational(5, 4));
    CHECK(messages(row.diags) == "2:2: warning: level '3,0' of indicator 1 read as 3\n"
                                 "2:3: warning: level '2.00' of indicator 2 read as 2\n"
                                 "2:5: error: level 'tiga' of indicator 4 is not a number\n");
}

TEST_CASE("empty level cells are left unfilled for validation to report") {
    LevelsCsv csv = LevelsCsv::parse("name,1,2\nKab,,4\n");
    LevelsCsvRow row = csv.row(0);
    CHECK(row.diags.empty());
    CHECK_FALSE(row.file.indicators[0].level);
    CHECK(row.file.indicators[0].level_pos.col == 2);
}

TEST_CASE("row errors point at line and field number") {
    LevelsCsv csv = LevelsCsv::parse("name,year,1,2\n"
                                     "Kab A,2024,1\n"           // line 2: too few fields
                                     "Kab B,2024,1,2,3\n"       // line 3: too many
                                     ",20x4,1,2\n"              // line 4: no name, bad year
                                     "Kab \"C\",2024,1,2\n"     // line 5: stray quote
                                     "\"Kab D\"x,2024,1,2\n");  // line 6: text after closing quote
    REQUIRE(csv.usable());
    REQUIRE(csv.row_count() == 5);
    CHECK(messages(csv.row(0).diags) == "2:4: error: row has 3 fields, the header has 4\n");
    CHECK(messages(csv.row(1).diags) == "3:5: error: row has 5 fields, the header has 4\n");
    CHECK(messages(csv.row(2).diags) == "4:1: error: agency has no 'name'\n"
                                        "4:2: error: year '20x4' is not a year from 2000 to 2100\n");
    CHECK(messages(csv.row(3).diags) == "5:1: error: quote inside an unquoted field (enclose the field in quotes and write a quote as \"\")\n");
    CHECK(messages(csv.row(4).diags) == "6:1: error: unexpected 'x' after the closing quote (a quote inside a quoted field is written \"\")\n");
}

TEST_CASE("header problems make the whole file unusable") {
    LevelsCsv dup = LevelsCsv::parse("name,1,,1\nKab,1,2,3\n");
    CHECK_FALSE(dup.usable());
    CHECK(messages(dup.diags()) == "1:3: error: column 3 has no name in the header\n"
                                   "1:4: error: column '1' appears twice in the header\n");
    LevelsCsv no_name = LevelsCsv::parse("province;1\nAceh;2\n");
    CHECK(messages(no_name.diags()) == "1:1: error: the header has no 'name' column\n");
    LevelsCsv no_ind = LevelsCsv::parse("name,year\nKab,2024\n");
    CHECK(messages(no_ind.diags()) == "1:1: error: the header has no indicator columns\n");
    LevelsCsv empty = LevelsCsv::parse("\xEF\xBB\xBF\n\n");
    CHECK(messages(empty.diags()) == "1:1: error: the levels CSV is empty (expected a header such as name;province;1;2;...)\n");
}

TEST_CASE("split_csv_record follows RFC 4180") {
    std::vector<Diagnostic> diags;
    auto f = split_csv_record("a,\"b,c\",\"d\"\"e\",,  f  ", ',', 3, diags);
    CHECK(diags.empty());
    REQUIRE(f.size() == 5);
    CHECK(f[0].text == "a");
    CHECK(f[1].text == "b,c");
    CHECK(f[1].quoted);
    CHECK(f[2].text == "d\"e");
    CHECK(f[3].text.empty());
    CHECK(f[4].text == "f");
    CHECK(f[4].line == 3);
    auto trailing = split_csv_record("a,", ',', 1, diags);
    CHECK(trailing.size() == 2);
}

TEST_CASE("the fast row reader agrees with row() on clean rows and declines the rest") {
    LevelsCsv csv = LevelsCsv::parse("name;code;type;province;year;rubric;1;2;3\r\n"
                                     " Kab A ;1101;kabupaten;Aceh;2024;spbe-2020;3;4; 5 \r\n" // 0: clean, padded
                                     "Kab B;;;;;;1;1;1\r\n"                                    // 1: clean, empty optionals
                                     "\"Kab C\";;;;;;1;1;1\r\n"                                // 2: quoted
                                     "Kab D;;;;;;1;;1\r\n"                                     // 3: empty level
                                     "Kab E;;;;;;1;2,0;1\r\n"                                  // 4: decimal level
                                     "Kab F;;;;1999;;1;2;1\r\n"                                // 5: year out of range
                                     ";;;;;;1;2;1\r\n"                                         // 6: no name
                                     "Kab H;;;;;;1;2\r\n"                                      // 7: a field short
                                     "Kab I;;;;;;-1;2;3\r\n"                                   // 8: sign
                                     "Kab J;;;;;;1;2;3;4\r\n");                                // 9: a field too many
    REQUIRE(csv.usable());
    FastCsvRow fast;
    REQUIRE(csv.fast_row(0, fast));
    LevelsCsvRow slow = csv.row(0);
    CHECK(fast.name == slow.file.agency.name);
    CHECK(fast.name == "Kab A");
    CHECK(fast.code == "1101");
    CHECK(fast.type == "kabupaten");
    CHECK(fast.province == "Aceh");
    CHECK(fast.rubric == "spbe-2020");
    CHECK(fast.year == 2024);
    CHECK(fast.levels == std::vector<int>{3, 4, 5});
    REQUIRE(csv.fast_row(1, fast));
    CHECK(fast.year == 0);
    CHECK(fast.code.empty());
    CHECK(fast.rubric.empty());
    CHECK(fast.levels == std::vector<int>{1, 1, 1});
    for (size_t i = 2; i < csv.row_count(); ++i) {
        CAPTURE(i);
        CHECK_FALSE(csv.fast_row(i, fast));
    }
}

// A header `name,1,...,n` and one row of n levels of 1.
std::string wide_csv(size_t n) {
    std::string head = "name", row = "Kab";
    for (size_t k = 1; k <= n; ++k) {
        head += "," + std::to_string(k);
        row += ",1";
    }
    return head + "\n" + row + "\n";
}

TEST_CASE("a quote never closed makes the whole file unusable, at the quote") {
    // Without this, every row after the quote would vanish into one field of the row above.
    LevelsCsv csv = LevelsCsv::parse("name,year,1\n"
                                     "Kab A,2024,1\n"
                                     "Kab \"B,2024,1\n"
                                     "Kab C,2024,1\n"
                                     "Kab D,2024,1\n");
    CHECK_FALSE(csv.usable());
    CHECK(messages(csv.diags()) ==
          "3:1: error: quote is never closed (the rest of the file would be one field); a quote inside a field is written \"\"\n");
    LevelsCsv last = LevelsCsv::parse("name;1;2\nKab;1;\"2");
    CHECK(messages(last.diags()) ==
          "2:3: error: quote is never closed (the rest of the file would be one field); a quote inside a field is written \"\"\n");
    LevelsCsv escaped = LevelsCsv::parse("name,1\n\"Kab \"\"A\"\"\n,1\n");
    CHECK_FALSE(escaped.usable());
    CHECK(escaped.diags().at(0).pos.line == 2);
}

TEST_CASE("bytes that are not UTF-8, NUL bytes and UTF-16 are refused at their line and field") {
    LevelsCsv latin1 = LevelsCsv::parse("name;province;1\nKab A;Bali;1\nKab B;Jawa Barat;1\n\"Caf\xE9\";Bali;2\n");
    CHECK_FALSE(latin1.usable());
    CHECK(messages(latin1.diags()) ==
          "4:1: error: not UTF-8 (byte 0xE9); save the file as \"CSV UTF-8\" (Excel) or UTF-8 (other programs)\n");
    LevelsCsv in_header = LevelsCsv::parse("name,1,\xC3\n");
    CHECK(messages(in_header.diags()).find("1:3: error: not UTF-8 (byte 0xC3)") == 0);
    LevelsCsv nul = LevelsCsv::parse(std::string("name,1\nKab,1\0\n", 14));
    CHECK(messages(nul.diags()) ==
          "2:2: error: NUL byte: this is not a text file (a spreadsheet saved as .xlsx? save it as \"CSV UTF-8\")\n");
    LevelsCsv utf16 = LevelsCsv::parse(std::string("\xFF\xFEn\0a\0", 6));
    CHECK(messages(utf16.diags()) ==
          "1:1: error: the levels CSV is UTF-16 text; save it as \"CSV UTF-8\" (Excel) or UTF-8 (other programs)\n");
    LevelsCsv utf8 = LevelsCsv::parse("name,1\nKabupaten Sij\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80,1\n");
    CHECK(utf8.usable());
}

TEST_CASE("a line over 1 MiB is refused, also when the text is cut short after it") {
    std::string csv_text = "name,1\nKab,1\nKab," + std::string(kMaxCsvLineBytes, '1') + "\nKab,2\n";
    const char* expected = "3:2: error: line is longer than 1048576 bytes (1 MiB); a levels CSV holds one agency per line\n";
    LevelsCsv whole = LevelsCsv::parse(csv_text);
    CHECK_FALSE(whole.usable());
    CHECK(messages(whole.diags()) == expected);
    LevelsCsv cut = LevelsCsv::parse(csv_text.substr(0, 14 + kMaxCsvLineBytes + 1));
    CHECK(messages(cut.diags()) == expected);
    // A line of exactly the limit is read (and is then just a bad row).
    std::string at_limit = "name,1\nKab," + std::string(kMaxCsvLineBytes - 4, '1') + "\n";
    CHECK(LevelsCsv::parse(at_limit).usable());
    LevelsCsv header = LevelsCsv::parse(std::string(kMaxCsvLineBytes + 1, ';'));
    CHECK(messages(header.diags()).find("1:1048577: error: line is longer") == 0);
}

TEST_CASE("a header of more than 1000 columns is refused; 1000 are read") {
    CHECK(LevelsCsv::parse(wide_csv(kMaxCsvColumns - 1)).usable());
    LevelsCsv wide = LevelsCsv::parse(wide_csv(100000));
    CHECK(messages(wide.diags()) ==
          "1:1001: error: the header has 100001 columns; a levels CSV has at most 1000 (the agency columns and one per indicator)\n");
}

TEST_CASE("ragged rows with 100,000 fields are one error each") {
    std::string row = "Kab";
    for (int k = 0; k < 100000; ++k) row += ",1";
    LevelsCsv csv = LevelsCsv::parse("name,1,2\n" + row + "\nKab,1\n");
    REQUIRE(csv.usable());
    CHECK(messages(csv.row(0).diags) == "2:4: error: row has 100001 fields, the header has 3\n");
    CHECK(messages(csv.row(1).diags) == "3:3: error: row has 2 fields, the header has 3\n");
}

TEST_CASE("a header only has no rows; CRLF and a BOM are read") {
    LevelsCsv head = LevelsCsv::parse("\xEF\xBB\xBFname;1\r\n");
    CHECK(head.usable());
    CHECK(head.row_count() == 0);
}

TEST_CASE("find_invalid_utf8 follows RFC 3629") {
    CHECK(find_invalid_utf8("") == std::string_view::npos);
    CHECK(find_invalid_utf8("plain ASCII text, longer than eight bytes") == std::string_view::npos);
    CHECK(find_invalid_utf8("\xC3\xA9\xE2\x82\xAC\xF0\x90\x80\x80\xF4\x8F\xBF\xBF") == std::string_view::npos);
    CHECK(find_invalid_utf8("abcdefghij\xE9") == 10);         // Latin-1 é
    CHECK(find_invalid_utf8("a\xC0\xAF") == 1);              // overlong '/'
    CHECK(find_invalid_utf8("a\xE0\x80\xAF") == 1);          // overlong, 3 bytes
    CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1);          // surrogate U+D800
    CHECK(find_invalid_utf8("a\xF4\x90\x80\x80") == 1);      // above U+10FFFF
    CHECK(find_invalid_utf8("ab\xE2\x82") == 2);             // cut off at the end
    CHECK(find_invalid_utf8("\x80") == 0);                   // lone continuation byte
    CHECK(find_invalid_utf8("\xC3\x28") == 0);               // continuation missing
}

TEST_CASE("a key column under an Indonesian name or a typo gets a did-you-mean, not an indicator") {
    LevelsCsv csv = LevelsCsv::parse("nama,provinsi,yaer,I1,1\nA,Aceh,2024,3,2\n");
    REQUIRE(csv.diags().size() == 3);
    CHECK(csv.diags()[0].pos.col == 1);
    CHECK(csv.diags()[0].message ==
          "column 'nama' is not a known column; did you mean 'name'? (rename it: the key columns are name, code, "
          "type, province, year, rubric)");
    CHECK(csv.diags()[1].message.rfind("column 'provinsi' is not a known column; did you mean 'province'?", 0) == 0);
    CHECK(csv.diags()[2].message.rfind("column 'yaer' is not a known column; did you mean 'year'?", 0) == 0);
    CHECK_FALSE(csv.usable());
    // Indicator ids are never taken for key columns (I1 has a digit), and a present key column is not re-reported.
    LevelsCsv ok = LevelsCsv::parse("name,year,tahun2,I1\nA,2024,3,2\n");
    CHECK(ok.diags().empty());
    CHECK(ok.indicator_columns().size() == 2);
}
