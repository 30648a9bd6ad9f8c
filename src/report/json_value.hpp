// A small in-memory JSON value (ordered objects) for documents that are built whole and then
// written with JsonWriter, such as the JSON Schemas; tests can walk the same tree.
#pragma once

#include "report/json_writer.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spbe {

class Json {
public:
    enum class Kind { null, boolean, integer, string, array, object };
    using Members = std::vector<std::pair<std::string, Json>>;

    Json() = default;
    Json(bool b) : kind_(Kind::boolean), bool_(b) {}                    // NOLINT: implicit by design
    Json(int n) : kind_(Kind::integer), int_(n) {}                      // NOLINT
    Json(long long n) : kind_(Kind::integer), int_(n) {}                // NOLINT
    Json(const char* s) : kind_(Kind::string), string_(s) {}            // NOLINT
    Json(std::string s) : kind_(Kind::string), string_(std::move(s)) {} // NOLINT

    static Json array(std::vector<Json> items);
    static Json object(Members members);

    Kind kind() const { return kind_; }
    bool as_bool() const { return bool_; }
    long long as_int() const { return int_; }
    const std::string& as_string() const { return string_; }
    const std::vector<Json>& items() const { return items_; }
    const Members& members() const { return members_; }
    // The member `key` of an object, or nullptr.
    const Json* find(std::string_view key) const;

    void write(JsonWriter& w) const;
    // Pretty-printed with a final newline (JsonWriter's layout).
    std::string dump() const;

private:
    Kind kind_ = Kind::null;
    bool bool_ = false;
    long long int_ = 0;
    std::string string_;
    std::vector<Json> items_;
    Members members_;
};

} // namespace spbe
