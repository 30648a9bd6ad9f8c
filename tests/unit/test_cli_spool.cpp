// Spool: records of any size (empty, larger than the 64 KiB window) read back in order and by
// offset, from the temporary file and from the in-memory fallback.
#include "cli/spool.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

using namespace spbe::cli;

namespace {

std::vector<std::string> sample_records() {
    std::vector<std::string> out{"", "a", std::string(200, 'x'), std::string(70000, 'y'), "tail"};
    for (int i = 0; i < 3000; ++i) out.push_back("row " + std::to_string(i) + std::string(static_cast<size_t>(i % 97), '.'));
    return out;
}

void round_trip(Spool& spool) {
    auto records = sample_records();
    std::vector<uint64_t> offsets;
    for (const auto& r : records) offsets.push_back(spool.append(r));
    std::string got;
    uint64_t at = 0;
    for (const auto& r : records) {
        at = spool.read_at(at, got);
        REQUIRE(got == r);
    }
    CHECK(at == spool.end());
    // Backwards, as a ranking reads them.
    for (size_t i = records.size(); i-- > 0;) {
        spool.read_at(offsets[i], got);
        REQUIRE(got == records[i]);
    }
    CHECK_THROWS_AS(spool.read_at(spool.end(), got), SpoolError);
}

} // namespace

TEST_CASE("records round-trip through the temporary file") {
    Spool spool;
    round_trip(spool);
}

TEST_CASE("records round-trip in memory when no temporary file can be made") {
    const char* old = std::getenv("TMPDIR");
    std::string saved = old ? old : "";
    setenv("TMPDIR", "/nonexistent/spbe-test", 1);
    {
        Spool spool; // the file would be made at the first append, which fails here
        round_trip(spool);
    }
    if (old) setenv("TMPDIR", saved.c_str(), 1);
    else unsetenv("TMPDIR");
}
