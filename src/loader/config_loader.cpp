// .spbe.yaml: `rules` (id -> off|error|warning|info) and `ignore` (path globs with optional rule
// lists), read with the same checked YAML access as packs, so typos are reported with positions.
#include "loader/config_loader.hpp"

#include "loader/yaml_reader.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace spbe {

FindingsConfig parse_config(const std::string& text, std::vector<Diagnostic>& diags) {
    FindingsConfig config;
    std::vector<Diagnostic> local;
    YamlReader r(local);
    auto root = r.parse(text, "a configuration file");
    if (root && r.expect_map(*root, "the configuration")) {
        for (auto& [key, value] : r.entries(*root, {"rules", "ignore"}, "the configuration")) {
            if (key == "rules") {
                if (!r.expect_map(value, "'rules'")) continue;
                for (auto& [id, node] : r.entries(value, "'rules'")) {
                    auto s = r.string(node, fmt::format("severity of rule '{}'", id));
                    if (!s) continue;
                    RuleSetting setting;
                    setting.pos = YamlReader::key_pos(value, id);
                    // YAML 1.1 readers turn `off` into false; accept both spellings.
                    if (*s == "off" || *s == "false") setting.severity = std::nullopt;
                    else if (*s == "error") setting.severity = Severity::error;
                    else if (*s == "warning") setting.severity = Severity::warning;
                    else if (*s == "info") setting.severity = Severity::info;
                    else {
                        r.error(YamlReader::pos(node),
                                fmt::format("severity of rule '{}' must be off, error, warning or info, found '{}'", id,
                                            *s),
                                "config");
                        continue;
                    }
                    config.rules[std::string(id)] = setting;
                }
            } else {
                if (!r.expect_seq(value, "'ignore'")) continue;
                for (const auto& item : value) {
                    if (!r.expect_map(item, "an entry of 'ignore'")) continue;
                    IgnoreEntry entry;
                    entry.pos = YamlReader::pos(item);
                    bool has_path = false;
                    for (auto& [ikey, ivalue] : r.entries(item, {"path", "rules"}, "an entry of 'ignore'")) {
                        if (ikey == "path") {
                            if (auto s = r.string(ivalue, "path of an 'ignore' entry")) {
                                entry.path = *s;
                                has_path = !s->empty();
                            }
                        } else if (ivalue.IsScalar()) {
                            entry.rules.emplace_back(ivalue.Scalar());
                        } else if (r.expect_seq(ivalue, "rules of an 'ignore' entry")) {
                            for (const auto& rule : ivalue)
                                if (auto s = r.string(rule, "a rule of an 'ignore' entry")) entry.rules.push_back(*s);
                        }
                    }
                    if (!has_path) {
                        r.error(entry.pos, "an 'ignore' entry needs a 'path' (a glob such as \"legacy/*.yaml\")",
                                "missing-key");
                        continue;
                    }
                    config.ignore.push_back(std::move(entry));
                }
            }
        }
    }
    // A config problem is a problem of the run, whatever the reader called it.
    for (auto& d : local) {
        if (d.rule == "empty-file") continue; // an empty configuration means all defaults
        d.rule = "config";
        diags.push_back(std::move(d));
    }
    return config;
}

std::optional<std::string> find_config(const std::string& start) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec).lexically_normal();
    if (ec) return std::nullopt;
    while (true) {
        fs::path candidate = dir / kConfigName;
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
        if (fs::exists(dir / ".git", ec)) return std::nullopt;
        fs::path parent = dir.parent_path();
        if (parent == dir || parent.empty()) return std::nullopt;
        dir = parent;
    }
}

} // namespace spbe
