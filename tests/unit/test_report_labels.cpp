// The labels mechanism: one Label (id, en) per field of a report's label struct, picked by language.
#include "report/labels.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace spbe;

namespace {

struct TwoLabels {
    const char* first;
    const char* second;
};

} // namespace

TEST_CASE("a LabelSet gives each language its text of every field") {
    static const LabelSet<TwoLabels> set({{"Satu", "One"}, {"Dua", "Two"}});
    CHECK(std::string(set.get(Lang::id).first) == "Satu");
    CHECK(std::string(set.get(Lang::id).second) == "Dua");
    CHECK(std::string(set.get(Lang::en).first) == "One");
    CHECK(std::string(set.get(Lang::en).second) == "Two");
    CHECK(std::string(labels(Lang::en).weight) == "Weight");
    CHECK(std::string(labels(Lang::id).note) == "Catatan");
}
