// Evidence file reader: YAML text -> EvidenceFile with every problem located, then the checks that
// need the rubric pack (ids, completeness, scale bounds).
#include "loader/evidence_loader.hpp"

#include "loader/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace spbe {

namespace {

// "-1.25", "2.5", "3." — digits with one decimal point, as a level may be written.
bool is_plain_decimal(std::string_view s) {
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    size_t dot = s.find('.');
    if (dot == std::string_view::npos || s.size() > 20) return false;
    auto digits = [](std::string_view d) {
        return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return dot > 0 && dot + 1 < s.size() && digits(s.substr(0, dot)) && digits(s.substr(dot + 1));
}

std::string comma_to_point(std::string_view s) {
    std::string out(s);
    std::replace(out.begin(), out.end(), ',', '.');
    return out;
}

// `what` builds the description ("level of indicator 3") only when there is something to report.
// Levels are read exactly, decimals included (2.5); whether the rubric records decimals is decided
// by validate_evidence, which knows the pack.
template <typename What>
std::optional<Rational> read_level(YamlReader& r, const YamlNode& node, What&& what, IndicatorEntry& entry) {
    if (node.IsNull()) return std::nullopt;
    std::optional<Rational> v;
    if (node.IsScalar()) {
        const std::string_view s = node.Scalar();
        if (auto i = YamlReader::plain_integer(s)) v = Rational(*i);
        else if (is_plain_decimal(s)) v = Rational::parse(s);
        else if (s.find(',') != std::string_view::npos && is_plain_decimal(comma_to_point(s))) {
            entry.invalid_level = true;
            r.error(YamlReader::pos(node),
                    fmt::format("{} must be written with a decimal point, found '{}' (write {}; the levels of "
                                "spbe-2018 and spbe-2020 are whole numbers)",
                                what(), s, comma_to_point(s)),
                    "decimal-comma");
            return std::nullopt;
        }
    }
    if (!v) {
        r.integer(node, what); // reports why it is not a level
        entry.invalid_level = true;
        return std::nullopt;
    }
    if (*v < Rational(-1000) || *v > Rational(1000)) {
        entry.invalid_level = true;
        r.error(YamlReader::pos(node), fmt::format("{} {} is not a maturity level", what(), v->to_exact_string()),
                "level-range");
        return std::nullopt;
    }
    return v;
}

// `value` of an external index: a number, or nothing while the index is not published.
void read_external(YamlReader& r, const YamlNode& node, IndicatorEntry& entry, std::string_view what) {
    std::string ewhat = fmt::format("'external' of {}", what);
    if (!r.expect_map(node, ewhat)) return;
    ExternalValue x;
    x.pos = YamlReader::pos(node);
    for (auto& [key, value] : r.entries(node, {"index", "value"}, ewhat)) {
        if (key == "index") {
            if (auto s = r.string(value, fmt::format("index of {}", ewhat))) x.index = *s;
        } else if (!value.IsNull()) {
            if (auto v = r.number(value, fmt::format("value of {}", ewhat))) x.value = *v;
        }
    }
    if (x.index.empty())
        r.error(x.pos, fmt::format("{} has no 'index' (e.g. external: {{index: SDI, value: 68.75}})", ewhat),
                "missing-key");
    entry.external = std::move(x);
}

void read_evidence_items(YamlReader& r, const YamlNode& node, IndicatorEntry& entry) {
    if (!node.IsSequence()) {
        r.expect_seq(node, fmt::format("'evidence' of indicator {}", entry.id)); // reports it
        return;
    }
    entry.evidence.reserve(node.size());
    auto item_what = [&] { return fmt::format("an evidence entry of indicator {}", entry.id); };
    for (const auto& item_node : node) {
        EvidenceItem item;
        item.pos = YamlReader::pos(item_node);
        if (item_node.IsScalar()) { // a bare title is a convenient short form
            item.title = item_node.Scalar();
            entry.evidence.push_back(std::move(item));
            continue;
        }
        if (!r.expect_map(item_node, item_what)) continue;
        for (auto& [key, value] : r.entries(item_node, {"title", "file", "sha256", "valid_until"}, item_what)) {
            if (!value.IsScalar()) {
                r.string(value, fmt::format("'{}' of {}", key, item_what())); // reports it
                continue;
            }
            const std::string_view text = value.Scalar();
            if (key == "title") {
                item.title = text;
            } else if (key == "file") {
                item.file = text;
            } else if (key == "sha256") {
                item.sha256 = text;
                bool hex = text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
                               return std::isxdigit(static_cast<unsigned char>(c));
                           });
                if (!hex)
                    r.error(YamlReader::pos(value),
                            fmt::format("sha256 of {} must be 64 hexadecimal digits", item_what()), "sha256-format");
            } else {
                item.valid_until = Date::parse(text);
                if (!item.valid_until)
                    r.error(YamlReader::pos(value),
                            fmt::format("valid_until '{}' of {} is not a date (YYYY-MM-DD)", text, item_what()),
                            "date-format");
            }
        }
        if (item.title.empty() && item.file.empty())
            r.error(item.pos, fmt::format("{} needs a 'title' or a 'file'", item_what()), "missing-key");
        entry.evidence.push_back(std::move(item));
    }
}

void read_effort(YamlReader& r, const YamlNode& node, IndicatorEntry& entry, std::string_view what) {
    Effort effort;
    std::string effort_what = fmt::format("effort of {}", what);
    if (node.IsMap()) {
        for (auto& [key, value] : r.entries(node, effort_what)) {
            auto level = Rational::parse(key);
            if (!level || !level->is_integer()) {
                r.error(YamlReader::key_pos(node, key),
                        fmt::format("keys of {} must be levels, found '{}'", effort_what, key), "type");
                continue;
            }
            if (auto v = r.number(value, effort_what)) {
                if (*v < Rational(0))
                    r.error(YamlReader::pos(value), fmt::format("{} must not be negative", effort_what),
                            "effort-range");
                else effort.per_level[static_cast<int>(level->num())] = *v;
            }
        }
    } else if (auto v = r.number(node, effort_what)) {
        if (*v < Rational(0))
            r.error(YamlReader::pos(node), fmt::format("{} must not be negative", effort_what), "effort-range");
        else effort.per_step = *v;
    }
    entry.effort = effort;
}

void read_indicator(YamlReader& r, std::string_view id, SourcePos key_pos, const YamlNode& node, EvidenceFile& file) {
    IndicatorEntry entry;
    entry.id = id;
    entry.pos = key_pos;
    // "indicator 5" for messages; built only when one is needed.
    std::string what_text;
    auto what = [&]() -> std::string_view {
        if (what_text.empty()) what_text = fmt::format("indicator {}", id);
        return what_text;
    };
    if (node.IsScalar() || node.IsNull()) {
        entry.level_pos = node.IsNull() ? entry.pos : YamlReader::pos(node);
        entry.level = read_level(
            r, node, [&] { return fmt::format("level of {}", what()); }, entry);
        file.indicators.push_back(std::move(entry));
        return;
    }
    if (!node.IsMap()) {
        r.error(YamlReader::pos(node),
                fmt::format("{} must be a level or a mapping with 'level', found a list", what()), "type");
        return;
    }
    entry.long_form = true;
    entry.level_pos = entry.pos;
    for (auto& [key, value] :
         r.entries(node, {"level", "verified", "note", "evidence", "target", "effort", "external"}, what)) {
        if (key == "level") {
            entry.level_pos = YamlReader::pos(value).line ? YamlReader::pos(value) : YamlReader::key_pos(node, key);
            entry.level = read_level(
                r, value, [&] { return fmt::format("level of {}", what()); }, entry);
        } else if (key == "verified") {
            entry.verified_pos = YamlReader::pos(value);
            entry.verified = read_level(
                r, value, [&] { return fmt::format("verified level of {}", what()); }, entry);
        } else if (key == "note") {
            if (auto s = r.string(value, [&] { return fmt::format("note of {}", what()); })) entry.note = std::move(*s);
        } else if (key == "evidence") {
            if (!value.IsNull()) read_evidence_items(r, value, entry);
        } else if (key == "target") {
            entry.target = read_level(
                r, value, [&] { return fmt::format("target of {}", what()); }, entry);
        } else if (key == "external") {
            read_external(r, value, entry, what());
        } else {
            read_effort(r, value, entry, what());
        }
    }
    file.indicators.push_back(std::move(entry));
}

void read_agency(YamlReader& r, const YamlNode& node, EvidenceFile& file) {
    if (!r.expect_map(node, "'agency'")) return;
    for (auto& [key, value] : r.entries(node, {"name", "code", "type", "province"}, "'agency'")) {
        auto s = r.string(value, fmt::format("agency {}", key));
        if (!s) continue;
        if (key == "name") file.agency.name = *s;
        else if (key == "code") file.agency.code = *s;
        else if (key == "type") file.agency.type = *s;
        else file.agency.province = *s;
    }
    if (file.agency.name.empty()) r.error(YamlReader::pos(node), "agency has no 'name'", "missing-key");
}

void read_targets(YamlReader& r, const YamlNode& node, EvidenceFile& file) {
    file.targets.pos = YamlReader::pos(node);
    if (!r.expect_map(node, "'targets'")) return;
    for (auto& [key, value] : r.entries(node, {"index", "predicate", "level"}, "'targets'")) {
        if (key == "index") file.targets.index = r.number(value, "target index");
        else if (key == "predicate") {
            if (auto s = r.string(value, "target predicate")) file.targets.predicate = *s;
        } else if (auto v = r.integer(value, "target level")) file.targets.level = static_cast<int>(*v);
    }
}

// Indicator entries written at the top level under an empty `indicators:` (not indented): their keys,
// e.g. {"1", "2"}; empty when the file has no such mistake.
std::vector<std::string_view> unindented_indicators(const YamlNode& root) {
    std::vector<std::string_view> keys;
    const YamlNode indicators = root["indicators"];
    if (!indicators.IsDefined() || !indicators.IsNull()) return keys;
    for (auto [k, v] : root.pairs()) {
        if (!k.IsScalar()) continue;
        const std::string_view id = k.Scalar();
        const bool id_like = !id.empty() && std::isdigit(static_cast<unsigned char>(id.front())) &&
                             std::all_of(id.begin(), id.end(), [](char c) {
                                 return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.';
                             });
        if (id_like) keys.push_back(id);
    }
    return keys;
}

// One error for the whole mistake, instead of one "unknown key" per indicator; the entries are still
// read as indicators, so their own mistakes and the ones really missing are reported too.
void report_unindented(YamlReader& r, const YamlNode& root, const std::vector<std::string_view>& keys) {
    int first = 0, last = 0;
    for (auto key : keys) {
        const int line = YamlReader::key_pos(root, key).line;
        first = first ? std::min(first, line) : line;
        last = std::max(last, line);
    }
    const std::string lines =
        first == last ? fmt::format("line {}", first) : fmt::format("lines {} to {}", first, last);
    r.error(YamlReader::key_pos(root, "indicators"),
            fmt::format("the indicator entries are not indented under 'indicators:', so they are read as top-level "
                        "keys: indent {} by 2 spaces so that they sit under 'indicators:'",
                        lines),
            "type");
}

} // namespace

EvidenceParse parse_evidence(const std::string& text) {
    EvidenceParse out;
    YamlReader r(out.diags);
    auto root = r.parse(text, "an evidence file");
    if (!root) return out;
    if (!r.expect_map(*root, "an evidence file")) return out;
    EvidenceFile file;
    bool has_rubric = false, has_agency = false, has_year = false, has_indicators = false;
    const std::vector<std::string_view> misplaced = unindented_indicators(*root);
    if (!misplaced.empty()) report_unindented(r, *root, misplaced);
    for (auto& [key, value] :
         misplaced.empty()
             ? r.entries(*root, {"rubric", "agency", "year", "indicators", "targets"}, "the evidence file")
             : r.entries(*root, "the evidence file")) {
        if (key == "rubric") {
            has_rubric = true;
            file.rubric_pos = YamlReader::pos(value);
            if (auto s = r.string(value, "'rubric'")) file.rubric = *s;
        } else if (key == "agency") {
            has_agency = true;
            read_agency(r, value, file);
        } else if (key == "year") {
            has_year = true;
            if (auto y = r.integer(value, "'year'")) {
                if (*y < 2000 || *y > 2100)
                    r.error(YamlReader::pos(value), fmt::format("year {} is out of range (2000-2100)", *y),
                            "year-range");
                else file.year = static_cast<int>(*y);
            }
        } else if (key == "indicators") {
            has_indicators = true;
            file.indicators_pos = YamlReader::key_pos(*root, "indicators");
            if (!misplaced.empty() || !r.expect_map(value, "'indicators'")) continue;
            std::vector<SourcePos> key_positions;
            auto list = r.entries(value, "'indicators'", &key_positions);
            file.indicators.reserve(list.size());
            for (size_t i = 0; i < list.size(); ++i)
                read_indicator(r, list[i].first, key_positions[i], list[i].second, file);
        } else if (key == "targets") {
            read_targets(r, value, file);
        } else if (std::find(misplaced.begin(), misplaced.end(), key) != misplaced.end()) {
            read_indicator(r, key, YamlReader::key_pos(*root, key), value, file);
        } else { // only when entries were not filtered (misplaced indicators)
            r.unknown_key(*root, key, {"rubric", "agency", "year", "indicators", "targets"}, "the evidence file");
        }
    }
    auto missing = [&](bool present, const char* key, const char* example) {
        if (!present) r.error({1, 1}, fmt::format("missing required key '{}' (e.g. {})", key, example), "missing-key");
    };
    missing(has_rubric, "rubric", "rubric: spbe-2020");
    missing(has_agency, "agency", "agency: {name: Pemerintah Kabupaten Contoh}");
    missing(has_year, "year", "year: 2024");
    missing(has_indicators, "indicators", "indicators: {1: 3, 2: 4}");
    out.file = std::move(file);
    return out;
}

namespace {

// An `external:` entry against what the pack says of the indicator.
template <typename Error>
void validate_external(const IndicatorEntry& e, const Indicator& ind, const Pack& pack, Error&& error) {
    const ExternalValue& x = *e.external;
    if (!ind.external) {
        std::string with;
        for (const auto& other : pack.indicators)
            if (other.external)
                with += fmt::format("{}{} ({})", with.empty() ? "" : ", ", other.id, other.external->index);
        error(x.pos,
              fmt::format("indicator {} of {} does not take its value from an external index{}", e.id, pack.id,
                          with.empty() ? "" : fmt::format("; those that do: {}", with)),
              "external-index");
        return;
    }
    const ExternalIndex& want = *ind.external;
    if (!x.index.empty() && x.index != want.index) {
        error(x.pos,
              fmt::format("indicator {} takes the external index {}, not '{}' (write external: {{index: {}, value: "
                          "...}})",
                          e.id, want.index, x.index, want.index),
              "external-index");
        return;
    }
    if (x.value && (*x.value < want.range_min || *x.value > want.range_max))
        error(x.pos,
              fmt::format("{} {} of indicator {} is outside the range {} to {} of the index", want.index,
                          x.value->to_exact_string(), e.id, want.range_min.to_exact_string(),
                          want.range_max.to_exact_string()),
              "external-range");
    if (want.has_conversion && (e.level || e.verified))
        error(x.pos,
              fmt::format("indicator {} has both a level and the external index {}: its value is converted from the "
                          "index, so remove 'level' and 'verified' (or remove 'external')",
                          e.id, want.index),
              "external-level");
}

} // namespace

void validate_evidence(const EvidenceFile& file, const Pack& pack, std::vector<Diagnostic>& diags, bool self_basis) {
    auto error = [&](SourcePos pos, std::string msg, const char* rule) {
        diags.push_back(Diagnostic{"", pos, Severity::error, std::move(msg), rule});
    };
    std::vector<bool> seen(pack.indicators.size(), false); // by pack index: a batch validates thousands of files
    for (const auto& e : file.indicators) {
        const Indicator* ind = pack.find_indicator(e.id);
        if (!ind) {
            std::string msg = fmt::format("unknown indicator '{}' (rubric {} has indicators {} to {})", e.id, pack.id,
                                          pack.indicators.front().id, pack.indicators.back().id);
            error(e.pos, msg, "unknown-indicator");
            continue;
        }
        seen[static_cast<size_t>(ind - pack.indicators.data())] = true;
        const Scale& scale = pack.scale_of(*ind);
        auto check = [&](const std::optional<Rational>& v, SourcePos pos, const char* what) {
            if (!v) return;
            if (!pack.value_from(*v)) {
                if (pack.decimals == 0)
                    error(pos,
                          fmt::format("{} of indicator {} must be a whole number, found {}", what, e.id,
                                      v->to_exact_string()),
                          "not-integer");
                else
                    error(pos,
                          fmt::format("{} {} of indicator {} has more than {} decimals (rubric {} records values "
                                      "such as {})",
                                      what, v->to_exact_string(), e.id, pack.decimals, pack.id,
                                      pack.value_text(pack.value_of_level(scale.min()) + 25 * pack.step / 100)),
                          "level-decimals");
            } else if (*v < Rational(scale.min()) || *v > Rational(scale.max()) ||
                       (pack.decimals == 0 && !scale.find(static_cast<int>(v->num())))) {
                error(pos,
                      fmt::format("{} {} of indicator {} is outside the scale {} to {}", what, v->to_exact_string(),
                                  e.id, scale.min(), scale.max()),
                      "level-range");
            }
        };
        check(e.level, e.level_pos, "level");
        check(e.verified, e.verified_pos, "verified level");
        check(e.target, e.pos, "target level");
        if (e.external) validate_external(e, *ind, pack, error);
        if (e.external && ind->external && ind->external->has_conversion && !e.external->value)
            diags.push_back(
                Diagnostic{"", e.external->pos, Severity::warning,
                           fmt::format("{} of indicator {} is not published yet: counted as {}, as the "
                                       "assessors do until it is",
                                       ind->external->index, e.id, pack.value_text(pack.value_of_level(scale.min()))),
                           "external-pending"});
        if (e.invalid_level) continue; // already reported where it was written
        bool from_external = e.external && ind->external && ind->external->has_conversion;
        if (!e.level && !e.verified && !from_external) {
            if (e.external && ind->external)
                error(e.external->pos,
                      fmt::format("no conversion of {} to a level of indicator {} is known; give the level too "
                                  "(level: 2.5)",
                                  ind->external->index, e.id),
                      "external-level");
            else error(e.level_pos, fmt::format("level of indicator {} is not filled in", e.id), "missing-level");
        } else if (self_basis && !e.level && !from_external)
            error(e.pos, fmt::format("indicator {} has no self-assessed 'level' (needed by --basis self)", e.id),
                  "missing-level");
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < pack.indicators.size(); ++i)
        if (!seen[i]) missing.push_back(pack.indicators[i].id);
    if (!missing.empty()) {
        std::string list;
        for (const auto& id : missing) list += (list.empty() ? "" : ", ") + id;
        error(file.indicators_pos.line ? file.indicators_pos : SourcePos{1, 1},
              fmt::format("missing {} {}: {}", missing.size(), missing.size() == 1 ? "indicator" : "indicators", list),
              "missing-indicator");
    }
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.line, a.pos.col) < std::tie(b.pos.line, b.pos.col);
    });
}

} // namespace spbe
