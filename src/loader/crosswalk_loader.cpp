// Crosswalk files: a version, the two pack ids and a one-to-one map of indicator ids, read with the
// checked YAML access of the other loaders so every problem has a line and column.
#include "loader/crosswalk_loader.hpp"

#include "loader/yaml_reader.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace spbe {

CrosswalkParse parse_crosswalk(std::string_view text) {
    CrosswalkParse out;
    YamlReader r(out.diags);
    auto root = r.parse(text);
    if (!root || !r.expect_map(*root, "the crosswalk")) return out;
    Crosswalk cw;
    std::set<std::string_view> seen;
    for (auto& [key, value] : r.entries(*root, {"crosswalk", "from", "to", "indicators"}, "the crosswalk")) {
        seen.insert(key);
        if (key == "crosswalk") {
            auto v = r.integer(value, "crosswalk (the format version)");
            if (v && *v != 1)
                r.error(YamlReader::pos(value),
                        fmt::format("crosswalk format version {} is not supported (this spbe reads version 1)", *v),
                        "type");
        } else if (key == "from" || key == "to") {
            auto s = r.string(value, fmt::format("'{}' (a rubric pack id)", key));
            if (!s) continue;
            (key == "from" ? cw.from : cw.to) = *s;
            (key == "from" ? cw.from_pos : cw.to_pos) = YamlReader::pos(value);
        } else {
            if (!r.expect_map(value, "'indicators' (old id: new id)")) continue;
            std::vector<SourcePos> key_pos;
            auto entries = r.entries(value, "'indicators'", &key_pos);
            std::map<std::string, size_t, std::less<>> by_new; // new id -> pair that maps to it
            for (size_t i = 0; i < entries.size(); ++i) {
                const auto& [old_id, node] = entries[i];
                auto new_id = r.string(node, [&] { return fmt::format("the new id of indicator '{}'", old_id); });
                if (!new_id) continue;
                auto [it, inserted] = by_new.try_emplace(*new_id, cw.pairs.size());
                if (!inserted) {
                    const Crosswalk::Pair& first = cw.pairs[it->second];
                    r.error(YamlReader::pos(node),
                            fmt::format(
                                "new indicator '{}' is already mapped from '{}' (line {}); a crosswalk maps one to one",
                                *new_id, first.old_id, first.old_pos.line),
                            "duplicate-id");
                    continue;
                }
                cw.pairs.push_back({std::string(old_id), *new_id, key_pos[i], YamlReader::pos(node)});
            }
        }
    }
    SourcePos at = YamlReader::pos(*root);
    auto require = [&](bool present, const char* key, const char* example) {
        if (!present) r.error(at, fmt::format("the crosswalk has no '{}' (e.g. {})", key, example), "missing-key");
    };
    require(seen.count("crosswalk"), "crosswalk", "`crosswalk: 1`");
    require(seen.count("from"), "from", "`from: spbe-2018`");
    require(seen.count("to"), "to", "`to: spbe-2020`");
    require(seen.count("indicators"), "indicators", "`indicators: {\"1\": \"1\"}`");
    out.crosswalk = std::move(cw); // also with errors, so that its ids can be checked too
    return out;
}

void validate_crosswalk(const Crosswalk& cw, const Pack& from, const Pack& to, std::vector<Diagnostic>& diags) {
    auto error = [&](SourcePos pos, std::string message, const char* rule) {
        diags.push_back(Diagnostic{"", pos, Severity::error, std::move(message), rule});
    };
    if (cw.from.empty() || cw.to.empty()) return; // reported as missing
    if (cw.from != from.id)
        error(cw.from_pos,
              fmt::format("the crosswalk maps from '{}' but the old file uses rubric '{}'", cw.from, from.id),
              "unknown-rubric");
    if (cw.to != to.id)
        error(cw.to_pos, fmt::format("the crosswalk maps to '{}' but the new file uses rubric '{}'", cw.to, to.id),
              "unknown-rubric");
    if (cw.from != from.id || cw.to != to.id) return; // ids of another pack would only repeat the mismatch
    for (const auto& p : cw.pairs) {
        if (!from.indicator_index.count(p.old_id))
            error(p.old_pos, fmt::format("'{}' is not an indicator of {}", p.old_id, from.id), "unknown-indicator");
        if (!to.indicator_index.count(p.new_id))
            error(p.new_pos, fmt::format("'{}' is not an indicator of {}", p.new_id, to.id), "unknown-indicator");
    }
}

} // namespace spbe
