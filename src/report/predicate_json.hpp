// The predicate in JSON output: its name in the chosen language beside a language-neutral id, so that
// scripts compare "predicate_id": "sangat-baik" whatever --lang was.
#pragma once

#include "model/pack.hpp"
#include "report/json_writer.hpp"

#include <string>
#include <string_view>

namespace spbe {

// "sangat-baik" for "Sangat Baik": the Indonesian name in lower case, every run of other characters a '-'.
std::string predicate_id(const Predicate& p);

// `key`: the name, and `key` + "_id": predicate_id ("predicate", "predicate_id"; "old", "old_id").
void write_predicate(JsonWriter& w, const Predicate& p, Lang lang, std::string_view key = "predicate");

} // namespace spbe
