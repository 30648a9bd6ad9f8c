// Implementation of YamlReader: the single place that turns YAML nodes and syntax errors into
// positioned diagnostics (duplicate keys, unknown keys with hints, decimal commas, wrong types).
#include "loader/yaml_reader.hpp"

#include "loader/yaml_hints.hpp"
#include "loader/yaml_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace spbe {

namespace {

std::string describe_type(const YamlNode& node) {
    switch (node.Type()) {
    case YamlKind::Map: return "a mapping";
    case YamlKind::Sequence: return "a list";
    case YamlKind::Null: return "empty";
    case YamlKind::Scalar: return fmt::format("'{}'", excerpt(node.Scalar()));
    default: return "undefined";
    }
}

bool is_plain_integer(std::string_view s) {
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value of a string is_plain_integer accepted (at most 18 digits, so it cannot overflow).
long long plain_value(std::string_view s) {
    bool negative = s.front() == '-';
    if (s.front() == '-' || s.front() == '+') s.remove_prefix(1);
    long long v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return negative ? -v : v;
}

// "2,5" or "1,30": a number written with the Indonesian decimal comma.
bool is_decimal_comma(std::string_view s) {
    auto comma = s.find(',');
    if (comma == std::string_view::npos || s.find(',', comma + 1) != std::string_view::npos) return false;
    return is_plain_integer(s.substr(0, comma)) && is_plain_integer(s.substr(comma + 1)) && s[comma + 1] != '-' &&
           s[comma + 1] != '+';
}

} // namespace

// Messages quote the user's text through excerpt(); this cap is the net for any that does not.
constexpr std::size_t kMaxMessage = 1000;

void YamlReader::error(SourcePos pos, std::string message, std::string rule) {
    if (message.size() > kMaxMessage) message = excerpt(message, kMaxMessage);
    diags_.push_back(Diagnostic{"", pos, Severity::error, std::move(message), std::move(rule)});
}

void YamlReader::warning(SourcePos pos, std::string message, std::string rule) {
    if (message.size() > kMaxMessage) message = excerpt(message, kMaxMessage);
    diags_.push_back(Diagnostic{"", pos, Severity::warning, std::move(message), std::move(rule)});
}

std::optional<YamlNode> YamlReader::parse(std::string_view text, std::string_view what) {
    YamlDocument& doc = docs_.emplace_back();
    text = strip_utf8_bom(text);
    YamlError syntax;
    bool ok = false;
    if (auto refused = check_yaml_text(text, what)) syntax = std::move(*refused);
    else if (auto unclosed = find_unclosed_quote(text)) syntax = std::move(*unclosed);
    else ok = doc.parse(text, syntax);
    if (!ok) {
        if (auto hint = explain_yaml_error(text, syntax)) syntax = std::move(*hint);
        error(syntax.pos, syntax.own ? syntax.message : fmt::format("invalid YAML: {}", syntax.message), "yaml-syntax");
        return std::nullopt;
    }
    YamlNode root = doc.root();
    if (!root.IsDefined() || root.IsNull()) {
        error({}, "file is empty (expected a YAML mapping)", "empty-file");
        return std::nullopt;
    }
    return root;
}

std::vector<std::pair<std::string_view, YamlNode>> YamlReader::entries(const YamlNode& map, What what,
                                                                       std::vector<SourcePos>* key_positions) {
    std::vector<std::pair<std::string_view, YamlNode>> out;
    auto pairs = map.pairs();
    out.reserve(map.size());
    for (auto it = pairs.begin(); it != pairs.end(); ++it) {
        const auto [key, value] = *it;
        if (!key.IsScalar()) {
            error(pos(key), fmt::format("keys in {} must be plain text, not {}", what.str(), describe_type(key)),
                  "key-type");
            continue;
        }
        const std::string_view name = key.Scalar();
        // The keys kept so far are exactly the distinct ones seen; maps are small, so a scan beats a set.
        if (std::any_of(out.begin(), out.end(), [&](const auto& e) { return e.first == name; })) {
            // yaml-cpp keeps the first value and silently ignores the rest; a user would expect the
            // last one (as in most YAML tools), so neither is safe: report it.
            SourcePos first;
            for (auto jt = pairs.begin(); jt != it; ++jt) {
                const YamlNode other = (*jt).key;
                if (other.IsScalar() && other.Scalar() == name) {
                    first = pos(other);
                    break;
                }
            }
            error(pos(key),
                  fmt::format("duplicate key '{}' in {} (first defined at line {})", excerpt(name), what.str(),
                              first.line),
                  "duplicate-key");
            continue;
        }
        if (key_positions) key_positions->push_back(pos(key));
        out.emplace_back(name, value);
    }
    return out;
}

std::vector<std::pair<std::string_view, YamlNode>>
YamlReader::entries(const YamlNode& map, std::initializer_list<std::string_view> allowed, What what_lazy) {
    auto out = entries(map, what_lazy);
    auto is_allowed = [&](std::string_view name) {
        return std::find(allowed.begin(), allowed.end(), name) != allowed.end();
    };
    if (std::all_of(out.begin(), out.end(), [&](const auto& e) { return is_allowed(e.first); })) return out;
    const std::string what = what_lazy.str();
    std::vector<std::string> names(allowed.begin(), allowed.end());
    std::vector<std::pair<std::string_view, YamlNode>> kept;
    for (auto& [name, node] : out) {
        if (is_allowed(name)) {
            kept.emplace_back(name, node);
            continue;
        }
        unknown_key(map, name, names, what);
    }
    return kept;
}

void YamlReader::unknown_key(const YamlNode& map, std::string_view name, const std::vector<std::string>& names,
                             const std::string& what) {
    SourcePos p = key_pos(map, name);
    std::string hint = closest_match(name, names);
    // Users write Indonesian keys too ("tahun: 2024"); point them at the English key.
    static const std::vector<std::pair<std::string, std::string>> synonyms{{"tahun", "year"},
                                                                           {"nama", "name"},
                                                                           {"tingkat", "level"},
                                                                           {"instansi", "agency"},
                                                                           {"provinsi", "province"},
                                                                           {"rubrik", "rubric"},
                                                                           {"indikator", "indicators"},
                                                                           {"bukti", "evidence"},
                                                                           {"bukti_dukung", "evidence"},
                                                                           {"catatan", "note"},
                                                                           {"kode", "code"},
                                                                           {"jenis", "type"},
                                                                           {"bobot", "weight"},
                                                                           {"verifikasi", "verified"},
                                                                           {"judul", "title"},
                                                                           {"berlaku_sampai", "valid_until"},
                                                                           {"target_indeks", "targets"}};
    for (const auto& [word, key] : synonyms)
        if (name == word && std::find(names.begin(), names.end(), key) != names.end()) hint = key;
    if (!hint.empty())
        error(p, fmt::format("unknown key '{}' in {}; did you mean '{}'?", excerpt(name), what, hint), "unknown-key");
    else {
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        error(p, fmt::format("unknown key '{}' in {} (expected one of: {})", excerpt(name), what, list), "unknown-key");
    }
}

SourcePos YamlReader::key_pos(const YamlNode& map, std::string_view key) {
    for (const auto& [k, v] : map.pairs())
        if (k.IsScalar() && k.Scalar() == key) return pos(k);
    return pos(map);
}

bool YamlReader::expect_map(const YamlNode& node, What what) {
    if (node.IsMap()) return true;
    error(pos(node), fmt::format("{} must be a mapping, found {}", what.str(), describe_type(node)), "type");
    return false;
}

bool YamlReader::expect_seq(const YamlNode& node, What what) {
    if (node.IsSequence()) return true;
    error(pos(node), fmt::format("{} must be a list, found {}", what.str(), describe_type(node)), "type");
    return false;
}

std::optional<std::string> YamlReader::string(const YamlNode& node, What what) {
    if (node.IsScalar()) return std::string(node.Scalar());
    error(pos(node), fmt::format("{} must be text, found {}", what.str(), describe_type(node)), "type");
    return std::nullopt;
}

std::optional<long long> YamlReader::plain_integer(std::string_view s) {
    if (!is_plain_integer(s)) return std::nullopt;
    return plain_value(s);
}

std::optional<long long> YamlReader::integer(const YamlNode& node, What lazy_what) {
    if (node.IsScalar() && is_plain_integer(node.Scalar())) return plain_value(node.Scalar());
    const std::string what = lazy_what.str();
    if (!node.IsScalar()) {
        error(pos(node), fmt::format("{} must be a whole number, found {}", what, describe_type(node)), "type");
        return std::nullopt;
    }
    const std::string_view s = node.Scalar();
    if (is_decimal_comma(s)) {
        error(pos(node),
              fmt::format(
                  "{} must be a whole number, found '{}' (a decimal comma; levels are whole numbers, write e.g. {})",
                  what, s, s.substr(0, s.find(','))),
              "decimal-comma");
        return std::nullopt;
    }
    std::string_view digits = s.substr(!s.empty() && (s.front() == '-' || s.front() == '+'));
    if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        error(pos(node), fmt::format("{} is too large: {} (at most 18 digits)", what, s), "not-integer");
    else if (auto r = Rational::parse(s))
        error(pos(node), fmt::format("{} must be a whole number, found {}", what, s), "not-integer");
    else error(pos(node), fmt::format("{} must be a whole number, found {}", what, describe_type(node)), "not-integer");
    return std::nullopt;
}

std::optional<Rational> YamlReader::number(const YamlNode& node, What lazy_what) {
    if (node.IsScalar())
        if (auto r = Rational::parse(node.Scalar())) return r;
    const std::string what = lazy_what.str();
    if (!node.IsScalar()) {
        error(pos(node), fmt::format("{} must be a number, found {}", what, describe_type(node)), "type");
        return std::nullopt;
    }
    const std::string_view s = node.Scalar();
    if (is_decimal_comma(s)) {
        std::string fixed(s);
        fixed[fixed.find(',')] = '.';
        error(pos(node), fmt::format("{} '{}' uses a decimal comma; write {}", what, s, fixed), "decimal-comma");
        return std::nullopt;
    }
    error(pos(node), fmt::format("{} must be a number such as 1.3 or 20/6, found {}", what, describe_type(node)),
          "type");
    return std::nullopt;
}

std::optional<LocalText> YamlReader::local_text(const YamlNode& node, std::string_view what) {
    auto untranslated = [&] {
        if (want_translation_)
            warning(pos(node), fmt::format("{} has no English text ('en')", what), "missing-translation");
    };
    if (node.IsScalar()) {
        untranslated();
        return LocalText{std::string(node.Scalar()), ""};
    }
    if (!node.IsMap()) {
        error(pos(node),
              fmt::format("{} must be text or a mapping with 'id' and 'en', found {}", what, describe_type(node)),
              "type");
        return std::nullopt;
    }
    LocalText out;
    for (auto& [key, value] : entries(node, {"id", "en"}, what)) {
        auto s = string(value, fmt::format("{} '{}'", what, key));
        if (!s) continue;
        (key == "id" ? out.id : out.en) = *s;
    }
    if (out.id.empty()) {
        error(pos(node), fmt::format("{} has no Indonesian text ('id')", what), "missing-key");
        return std::nullopt;
    }
    if (out.en.empty()) untranslated();
    return out;
}

} // namespace spbe
