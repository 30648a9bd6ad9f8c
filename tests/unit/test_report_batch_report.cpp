// Batch report pieces that are not visible in one golden case: competition ranking on exact ties,
// summaries split by rubric and grouped with the "not given" group last.
#include "report/batch_report.hpp"
#include "report/batch_row_codec.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

Pack pack_with_id(const std::string& id) {
    Pack p;
    p.id = id;
    p.predicates = {{{"Baik", "Good"}, Rational(26, 10)}, {{"Kurang", "Poor"}, Rational(1)}};
    return p;
}

BatchRow row(const Pack& pack, const std::string& path, const char* index, const std::string& province = "") {
    BatchRow r;
    r.path = path;
    r.pack = &pack;
    r.agency.name = "Agency " + path;
    r.agency.province = province;
    r.index = *Rational::parse(index);
    r.predicate = &pack.predicate_for(r.index);
    return r;
}

// A whole batch's summary from rows in memory, through the streaming summarizer spbe uses.
BatchSummary summarize_batch(const std::vector<BatchRow>& rows, GroupBy by, size_t invalid) {
    BatchSummarizer summarizer(by);
    for (const auto& r : rows) summarizer.add(*r.pack, r.agency, r.year, r.index, r.path);
    return summarizer.finish(invalid);
}

} // namespace

TEST_CASE("standard competition ranking compares exact indices") {
    Pack p = pack_with_id("spbe-2020");
    // 3.0351 and 3.0349 both display as 3.04/3.03 but are different; the two 2.5 share rank 3.
    std::vector<BatchRow> rows{row(p, "a", "3.0351"), row(p, "b", "3.0349"), row(p, "c", "2.5"), row(p, "d", "2.5"),
                               row(p, "e", "1")};
    std::vector<int> ranks = competition_ranks(rows, [](const BatchRow& r) -> const Rational& { return r.index; });
    CHECK(ranks == std::vector<int>{1, 2, 3, 3, 5});
}

TEST_CASE("summaries never mix rubrics and list the ungrouped last") {
    Pack p20 = pack_with_id("spbe-2020");
    Pack p18 = pack_with_id("spbe-2018");
    std::vector<BatchRow> rows{row(p20, "a", "3", "Bali"), row(p18, "b", "2"), row(p20, "c", "1", ""),
                               row(p20, "d", "2", "Aceh"), row(p20, "e", "3", "Bali")};
    BatchSummary s = summarize_batch(rows, GroupBy::province, 2);
    CHECK(s.scored == 5);
    CHECK(s.invalid == 2);
    REQUIRE(s.rubrics.size() == 2);
    CHECK(s.rubrics[0].pack->id == "spbe-2018");
    CHECK(s.rubrics[0].all.stats.count == 1);
    const RubricSummary& r = s.rubrics[1];
    CHECK(r.all.stats.count == 4);
    CHECK(r.all.stats.mean == Rational(9, 4));
    CHECK(r.all.max_path == "a"); // the first of the two 3s in path order
    CHECK(r.all.min_agency == "Agency c");
    REQUIRE(r.groups.size() == 3);
    CHECK(r.groups[0].key == "Aceh");
    CHECK(r.groups[1].key == "Bali");
    CHECK(r.groups[1].stats.count == 2);
    CHECK(r.groups[2].key.empty());
    CHECK(r.groups[2].stats.predicate_counts == std::vector<size_t>{0, 1});
}

TEST_CASE("the streamed summary keeps 64-bit units and still matches the exact statistics") {
    Pack p = pack_with_id("spbe-2020");
    // Denominators 10, 3, 7 and 1: the common denominator widens twice on the way.
    std::vector<BatchRow> rows{row(p, "a", "2.5"), row(p, "b", "7/3"), row(p, "c", "3"), row(p, "d", "13/7"),
                               row(p, "e", "2.5")};
    BatchSummary s = summarize_batch(rows, GroupBy::none, 0);
    std::vector<Rational> values;
    for (const auto& r : rows) values.push_back(r.index);
    BatchStats expected = compute_batch_stats(p, values);
    const BatchStats& got = s.rubrics.at(0).all.stats;
    CHECK(got.mean == expected.mean);
    CHECK(got.mean == Rational(256, 105));
    CHECK(got.variance == Rational(2963, 22050));
    CHECK(got.median == Rational(5, 2));
    CHECK(got.median == expected.median);
    CHECK(got.variance == expected.variance);
    CHECK(got.min == Rational(13, 7));
    CHECK(got.max == Rational(3));
    CHECK(got.predicate_counts == expected.predicate_counts);
    CHECK(s.rubrics[0].all.min_path == "d");
}

TEST_CASE("a summary beyond exact 128-bit arithmetic is refused, not approximated") {
    Pack p = pack_with_id("spbe-2020");
    // Coprime denominators whose product exceeds 2^63: the variance would need n²·den² > 2^127.
    std::vector<BatchRow> rows{row(p, "a", "1"), row(p, "b", "1")};
    rows[0].index = Rational(1, 3037000500LL);
    rows[1].index = Rational(1, 3037000501LL);
    std::vector<Rational> values{rows[0].index, rows[1].index};
    CHECK_THROWS_AS(compute_batch_stats(p, values), RationalOverflow);
    CHECK_THROWS_AS(summarize_batch(rows, GroupBy::none, 0), RationalOverflow);
}

TEST_CASE("rows survive the spool's byte form") {
    Pack p = pack_with_id("spbe-2020");
    BatchRow r = row(p, "dir/a,b.yaml", "3.0351", "Bali");
    r.agency.code = "51.71";
    r.agency.type = "kota";
    r.year = 2024;
    r.top = {Rational(13, 10), *Rational::parse("2.75")};
    r.fragment = "{\n  \"x\": 1\n}\n";
    std::string bytes;
    encode_batch_row(bytes, r, 1);
    encode_batch_row(bytes, row(p, "second", "1"), 0);
    std::vector<const Pack*> packs{&p, &p};
    std::string_view in = bytes;
    BatchRow back = decode_batch_row(in, packs);
    CHECK(back.path == r.path);
    CHECK(back.agency.name == r.agency.name);
    CHECK(back.agency.code == "51.71");
    CHECK(back.agency.type == "kota");
    CHECK(back.agency.province == "Bali");
    CHECK(back.year == 2024);
    CHECK(back.index == r.index);
    CHECK(back.predicate == r.predicate);
    CHECK(back.top == r.top);
    CHECK(back.fragment == r.fragment);
    BatchRow second = decode_batch_row(in, packs);
    CHECK(second.path == "second");
    CHECK_FALSE(second.year.has_value());
    CHECK(in.empty());
    std::string_view truncated = std::string_view(bytes).substr(0, 10);
    CHECK_THROWS(decode_batch_row(truncated, packs));
}

TEST_CASE("a row rendered ahead of time equals the row rendered at the end") {
    Pack p = pack_with_id("spbe-2020");
    std::vector<BatchRow> rows{row(p, "a", "3.0351", "Bali"), row(p, "b;c", "2", "Aceh \"Darussalam\"")};
    rows[0].fragment = "{\n  \"agency\": \"a\"\n}\n";
    rows[1].fragment = "{\n  \"agency\": \"b\"\n}\n";
    for (BatchFormat f : {BatchFormat::csv, BatchFormat::markdown, BatchFormat::json, BatchFormat::jsonl}) {
        BatchReportOptions opt;
        BatchRenderer whole(f, opt, {&p});
        BatchRenderer ahead(f, opt, {&p});
        const BatchRenderer pre(f, opt, {&p});
        REQUIRE(ahead.prerenderable());
        std::string a = whole.header(), b = ahead.header();
        for (const auto& r : rows) {
            a += whole.row(r);
            b += ahead.place(pre.row_text(r));
        }
        BatchSummary s = summarize_batch(rows, GroupBy::none, 0);
        CHECK(a + whole.footer(s) == b + ahead.footer(s));
    }
    BatchReportOptions ranked;
    ranked.ranked = true;
    CHECK_FALSE(BatchRenderer(BatchFormat::csv, ranked, {&p}).prerenderable());
    CHECK_FALSE(BatchRenderer(BatchFormat::table, BatchReportOptions{}, {&p}).prerenderable());
}

TEST_CASE("CSV rows quote only the fields that need it") {
    Pack p = pack_with_id("spbe-2020");
    BatchRow r = row(p, "x.yaml", "2.6", "Nusa Tenggara, Barat");
    r.agency.name = "Kab \"Contoh\"";
    std::string line = BatchRenderer(BatchFormat::csv, BatchReportOptions{}, {&p}).row_text(r);
    CHECK(line == "x.yaml,\"Kab \"\"Contoh\"\"\",,,\"Nusa Tenggara, Barat\",,spbe-2020,2.60,2.6,Baik\n");
}
