// Batch report pieces that are not visible in one golden case: competition ranking on exact ties,
// summaries split by rubric and grouped with the "not given" group last.
#include "report/batch_report.hpp"

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

} // namespace

TEST_CASE("standard competition ranking compares exact indices") {
    Pack p = pack_with_id("spbe-2020");
    // 3.0351 and 3.0349 both display as 3.04/3.03 but are different; the two 2.5 share rank 3.
    std::vector<BatchRow> rows{row(p, "a", "3.0351"), row(p, "b", "3.0349"), row(p, "c", "2.5"), row(p, "d", "2.5"), row(p, "e", "1")};
    assign_ranks(rows);
    std::vector<int> ranks;
    for (const auto& r : rows) ranks.push_back(r.rank);
    CHECK(ranks == std::vector<int>{1, 2, 3, 3, 5});
}

TEST_CASE("summaries never mix rubrics and list the ungrouped last") {
    Pack p20 = pack_with_id("spbe-2020");
    Pack p18 = pack_with_id("spbe-2018");
    std::vector<BatchRow> rows{row(p20, "a", "3", "Bali"), row(p18, "b", "2"), row(p20, "c", "1", ""), row(p20, "d", "2", "Aceh"),
                               row(p20, "e", "3", "Bali")};
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
