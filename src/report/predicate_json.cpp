// predicate_id and write_predicate: the one place that decides how a predicate appears in JSON.
#include "report/predicate_json.hpp"

namespace spbe {

std::string predicate_id(const Predicate& p) {
    std::string out;
    bool dash = false;
    for (unsigned char c : p.name.id) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (!alnum) {
            dash = !out.empty();
            continue;
        }
        if (dash) out += '-';
        dash = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

void write_predicate(JsonWriter& w, const Predicate& p, Lang lang, std::string_view key) {
    w.field(key, p.name.get(lang));
    w.field(std::string(key) + "_id", predicate_id(p));
}

} // namespace spbe
