// The shared text helpers of the model: excerpts of user text for messages, the did-you-mean match.
#include "model/text.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace spbe;

TEST_CASE("excerpt keeps short text and cuts long text at a character boundary") {
    CHECK(excerpt("Pemerintah Kota") == "Pemerintah Kota");
    CHECK(excerpt(std::string(60, 'x')) == std::string(60, 'x'));
    CHECK(excerpt(std::string(61, 'x')) == std::string(60, 'x') + "… (61 bytes)");
    // "é" is two bytes: a cut at byte 5 would split the third one, so it stops after two.
    CHECK(excerpt("ééééé", 5) == "éé… (10 bytes)");
}

TEST_CASE("closest_match suggests only close candidates") {
    CHECK(closest_match("levle", {"level", "verified", "note"}) == "level");
    CHECK(closest_match("zzzzzz", {"level", "verified", "note"}).empty());
}
