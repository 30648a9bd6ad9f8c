// The language-neutral predicate id every JSON output writes beside the predicate's name.
#include "report/predicate_json.hpp"

#include <doctest/doctest.h>

using namespace spbe;

TEST_CASE("predicate ids are the Indonesian name in lower case with '-' for other characters") {
    CHECK(predicate_id(Predicate{{"Sangat Baik", "Very good"}, Rational(35, 10)}) == "sangat-baik");
    CHECK(predicate_id(Predicate{{"Memuaskan", "Excellent"}, Rational(42, 10)}) == "memuaskan");
    CHECK(predicate_id(Predicate{{"  B+ / Baik ", ""}, Rational(1)}) == "b-baik");
}

TEST_CASE("write_predicate writes the name in the language and the id beside it") {
    const Predicate p{{"Sangat Baik", "Very good"}, Rational(35, 10)};
    JsonWriter w(false);
    w.begin_object();
    write_predicate(w, p, Lang::en);
    write_predicate(w, p, Lang::id, "old");
    w.end_object();
    CHECK(w.str() ==
          R"({"predicate":"Very good","predicate_id":"sangat-baik","old":"Sangat Baik","old_id":"sangat-baik"})");
}
