// Levels CSV reader: separator and BOM detection, RFC 4180 quoting, decimal-comma levels and the
// exact line:field positions of every message.
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

TEST_CASE("decimal levels: whole numbers are read with a warning, others are errors") {
    LevelsCsv csv = LevelsCsv::parse("name;1;2;3;4\n"
                                     "Kab;3,0;2.00;3,5;tiga\n");
    LevelsCsvRow row = csv.row(0);
    CHECK(row.file.indicators[0].level == 3);
    CHECK(row.file.indicators[1].level == 2);
    CHECK_FALSE(row.file.indicators[2].level);
    CHECK_FALSE(row.file.indicators[3].level);
    CHECK(messages(row.diags) == "2:2: warning: level '3,0' of indicator 1 read as 3\n"
                                 "2:3: warning: level '2.00' of indicator 2 read as 2\n"
                                 "2:4: error: level '3,5' of indicator 3 is not a whole number\n"
                                 "2:5: error: level 'tiga' of indicator 4 is not a whole number\n");
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
                                     "\"Kab D\"x,2024,1,2\n"    // line 6: text after closing quote
                                     "\"Kab E,2024,1,2\n");     // line 7: never closed
    REQUIRE(csv.usable());
    REQUIRE(csv.row_count() == 6);
    CHECK(messages(csv.row(0).diags) == "2:4: error: row has 3 fields, the header has 4\n");
    CHECK(messages(csv.row(1).diags) == "3:5: error: row has 5 fields, the header has 4\n");
    CHECK(messages(csv.row(2).diags) == "4:1: error: agency has no 'name'\n"
                                        "4:2: error: year '20x4' is not a year from 2000 to 2100\n");
    CHECK(messages(csv.row(3).diags) == "5:1: error: quote inside an unquoted field (enclose the field in quotes and write a quote as \"\")\n");
    CHECK(messages(csv.row(4).diags) == "6:1: error: unexpected 'x' after the closing quote (a quote inside a quoted field is written \"\")\n");
    CHECK(messages(csv.row(5).diags).find("7:1: error: quoted field is not closed") == 0);
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
