// PathList: byte-order sorting, duplicates dropped, and front coding that round-trips paths which
// share long prefixes, share nothing, or are prefixes of each other.
#include "cli/path_list.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace spbe::cli;

TEST_CASE("paths come back sorted, without duplicates") {
    PathList::Builder b;
    for (const char* p : {"ev/b.yaml", "ev/a.yaml", "ev/b.yaml", "Z.yaml", "ev/a.yaml.bak", "ev/a", "ü/x.yml", ""})
        b.add(p);
    CHECK(b.added() == 8);
    PathList list = b.finish();
    CHECK(list.size() == 7);
    CHECK(list.strings() == std::vector<std::string>{"", "Z.yaml", "ev/a", "ev/a.yaml", "ev/a.yaml.bak", "ev/b.yaml", "ü/x.yml"});
}

TEST_CASE("thousands of similar paths: merged from several runs, duplicates across runs dropped, small") {
    PathList::Builder b;
    std::vector<std::string> expected;
    char name[64];
    for (int i = 19999; i >= 0; --i) {
        std::snprintf(name, sizeof name, "bench/out/evidence/agency-%05d.yaml", i);
        b.add(name);
        expected.insert(expected.begin(), name);
    }
    // The same paths again, in another order: they land in other runs (a run holds 256 KiB).
    for (int i = 0; i < 20000; i += 3) {
        std::snprintf(name, sizeof name, "bench/out/evidence/agency-%05d.yaml", i);
        b.add(name);
    }
    CHECK(b.added() == 20000 + 6667);
    PathList list = b.finish();
    CHECK(list.size() == 20000);
    CHECK(list.bytes() < 20000 * 12); // the 36-byte paths share all but a few digits
    PathList::Cursor c(list);
    std::string p;
    size_t i = 0;
    for (; c.next(p); ++i) REQUIRE(p == expected[i]);
    CHECK(i == 20000);
    CHECK_FALSE(c.next(p));
}

TEST_CASE("an empty list yields nothing") {
    PathList list = PathList::Builder().finish();
    CHECK(list.empty());
    std::string p;
    CHECK_FALSE(PathList::Cursor(list).next(p));
}
