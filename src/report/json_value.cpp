// Json: construction and serialisation through JsonWriter, so the layout matches every other JSON
// output of spbe.
#include "report/json_value.hpp"

namespace spbe {

Json Json::array(std::vector<Json> items) {
    Json j;
    j.kind_ = Kind::array;
    j.items_ = std::move(items);
    return j;
}

Json Json::object(Members members) {
    Json j;
    j.kind_ = Kind::object;
    j.members_ = std::move(members);
    return j;
}

const Json* Json::find(std::string_view key) const {
    for (const auto& [k, v] : members_)
        if (k == key) return &v;
    return nullptr;
}

void Json::write(JsonWriter& w) const {
    switch (kind_) {
    case Kind::null: w.null(); break;
    case Kind::boolean: w.value(bool_); break;
    case Kind::integer: w.value(int_); break;
    case Kind::string: w.value(string_); break;
    case Kind::array:
        w.begin_array();
        for (const auto& item : items_) item.write(w);
        w.end_array();
        break;
    case Kind::object:
        w.begin_object();
        for (const auto& [k, v] : members_) {
            w.key(k);
            v.write(w);
        }
        w.end_object();
        break;
    }
}

std::string Json::dump() const {
    JsonWriter w;
    write(w);
    std::string out = w.str();
    if (out.empty() || out.back() != '\n') out += '\n';
    return out;
}

} // namespace spbe
