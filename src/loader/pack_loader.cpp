// Rubric pack reader: manifest, scales, predicate bands and the group tree from the group files,
// then the structural checks every pack must pass before any score is computed from it.
// Above 400 lines because reading and checking follow the one file format section by section, and a
// check needs the positions the reader keeps; yaml_reader.hpp holds what the evidence loader shares.
#include "loader/pack_loader.hpp"

#include "loader/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace spbe {

namespace {

struct Context {
    const PackFileReader& read;
    const PackLoadOptions& options;
    PackLoad& out;
    Pack& pack;
};

// Runs `fn` with a reader whose diagnostics are tagged with `file`.
template <typename Fn>
void with_file(Context& ctx, const std::string& file, Fn&& fn) {
    std::vector<Diagnostic> diags;
    YamlReader r(diags);
    r.set_want_translation(ctx.options.lint);
    fn(r);
    attach_file(diags, file);
    ctx.out.diags.insert(ctx.out.diags.end(), diags.begin(), diags.end());
}

std::string level_key_what(std::string_view what, std::string_view key) {
    return fmt::format("level '{}' of {}", key, what);
}

// An indicator's `external:` block: which index feeds it and, where known, the conversion.
ExternalIndex read_external(YamlReader& r, const YamlNode& node, const std::string& what) {
    ExternalIndex x;
    if (!r.expect_map(node, what)) return x;
    bool has_range = false;
    for (auto& [key, value] :
         r.entries(node, {"index", "name", "agency", "range", "bands", "conversion", "optional"}, what)) {
        if (key == "index") {
            if (auto s = r.string(value, fmt::format("index of {}", what))) x.index = *s;
        } else if (key == "name") {
            if (auto t = r.local_text(value, fmt::format("name of {}", what))) x.name = *t;
        } else if (key == "agency") {
            if (auto s = r.string(value, fmt::format("agency of {}", what))) x.agency = *s;
        } else if (key == "optional") {
            if (auto s = r.string(value, fmt::format("optional of {}", what))) {
                if (*s != "true" && *s != "false")
                    r.error(YamlReader::pos(value), fmt::format("optional of {} must be true or false", what), "type");
                x.optional = *s == "true";
            }
        } else if (key == "range" || key == "bands") {
            std::string lwhat = fmt::format("{} of {}", key, what);
            if (!r.expect_seq(value, lwhat)) continue;
            std::vector<Rational> values;
            for (const auto& v : value)
                if (auto n = r.number(v, lwhat)) values.push_back(*n);
            if (!std::is_sorted(values.begin(), values.end()))
                r.error(YamlReader::pos(value), fmt::format("{} must be in ascending order", lwhat), "type");
            if (key == "bands") x.bands = values;
            else if (values.size() != 2)
                r.error(YamlReader::pos(value), fmt::format("{} must be [lowest, highest]", lwhat), "type");
            else {
                x.range_min = values[0];
                x.range_max = values[1];
                has_range = true;
            }
        } else {
            std::string cwhat = fmt::format("conversion of {}", what);
            if (!r.expect_map(value, cwhat)) continue;
            x.has_conversion = true;
            for (auto& [ckey, cvalue] : r.entries(value, {"offset", "factor", "grade", "basis"}, cwhat)) {
                if (ckey == "offset" || ckey == "factor") {
                    if (auto n = r.number(cvalue, fmt::format("{} of {}", ckey, cwhat)))
                        (ckey == "offset" ? x.offset : x.factor) = *n;
                } else if (auto s = r.string(cvalue, fmt::format("{} of {}", ckey, cwhat))) {
                    if (ckey == "grade" && *s != "derived" && *s != "assumed" && *s != "official")
                        r.error(YamlReader::pos(cvalue),
                                fmt::format("grade of {} must be official, derived or assumed, found '{}'", cwhat, *s),
                                "type");
                    (ckey == "grade" ? x.grade : x.basis) = *s;
                }
            }
            if (x.grade.empty())
                r.error(YamlReader::pos(value), fmt::format("{} has no 'grade' (official, derived or assumed)", cwhat),
                        "missing-key");
        }
    }
    if (x.index.empty()) r.error(YamlReader::pos(node), fmt::format("{} has no 'index'", what), "missing-key");
    if (!has_range)
        r.error(YamlReader::pos(node), fmt::format("{} has no 'range' [lowest, highest]", what), "missing-key");
    return x;
}

// Reads {level: text} maps (criteria), returning level -> text.
std::map<int, std::string> read_level_texts(YamlReader& r, const YamlNode& node, const std::string& what) {
    std::map<int, std::string> out;
    if (!r.expect_map(node, what)) return out;
    for (auto& [key, value] : r.entries(node, what)) {
        auto level = Rational::parse(key);
        if (!level || !level->is_integer()) {
            r.error(YamlReader::key_pos(node, key), fmt::format("keys of {} must be levels, found '{}'", what, key),
                    "type");
            continue;
        }
        if (auto s = r.string(value, level_key_what(what, key))) out[static_cast<int>(level->num())] = *s;
    }
    return out;
}

void read_scale(YamlReader& r, std::string_view id, const YamlNode& node, Pack& pack) {
    Scale scale;
    scale.id = id;
    std::string what = fmt::format("scale '{}'", id);
    if (!r.expect_map(node, what)) return;
    bool has_levels = false;
    for (auto& [key, value] : r.entries(node, {"name", "decimals", "levels"}, what)) {
        if (key == "name") {
            if (auto t = r.local_text(value, fmt::format("name of {}", what))) scale.name = *t;
        } else if (key == "decimals") {
            if (auto d = r.integer(value, fmt::format("decimals of {}", what))) {
                if (*d < 0 || *d > 4)
                    r.error(YamlReader::pos(value),
                            fmt::format("decimals of {} must be 0 (whole levels) to 4, found {}", what, *d), "scale");
                else scale.decimals = static_cast<int>(*d);
            }
        } else {
            has_levels = true;
            if (!r.expect_seq(value, fmt::format("levels of {}", what))) continue;
            for (const auto& level_node : value) {
                std::string lwhat = fmt::format("a level of {}", what);
                if (!r.expect_map(level_node, lwhat)) continue;
                ScaleLevel level;
                bool has_value = false, value_key = false;
                for (auto& [lkey, lvalue] : r.entries(level_node, {"value", "name", "criteria"}, lwhat)) {
                    if (lkey == "value") {
                        value_key = true;
                        if (auto v = r.integer(lvalue, fmt::format("value of {}", lwhat))) {
                            if (*v < 0 || *v > 100)
                                r.error(YamlReader::pos(lvalue),
                                        fmt::format("level value {} is out of range (0-100)", *v), "scale");
                            else {
                                level.value = static_cast<int>(*v);
                                has_value = true;
                            }
                        }
                    } else if (lkey == "name") {
                        if (auto t = r.local_text(lvalue, fmt::format("name of {}", lwhat))) level.name = *t;
                    } else if (auto s = r.string(lvalue, fmt::format("criteria of {}", lwhat))) {
                        level.criteria = *s;
                    }
                }
                if (!has_value) {
                    // An unreadable value has been reported already.
                    if (!value_key)
                        r.error(YamlReader::pos(level_node), fmt::format("{} has no 'value'", lwhat), "missing-key");
                    continue;
                }
                if (!scale.levels.empty() && level.value != scale.levels.back().value + 1) {
                    r.error(
                        YamlReader::pos(level_node),
                        fmt::format("levels of {} must be consecutive whole numbers in ascending order ({} follows {})",
                                    what, level.value, scale.levels.back().value),
                        "scale");
                    continue;
                }
                scale.levels.push_back(std::move(level));
            }
        }
    }
    if (!has_levels || scale.levels.empty()) {
        r.error(YamlReader::pos(node), fmt::format("{} has no levels", what), "scale");
        return;
    }
    pack.scales.push_back(std::move(scale));
}

void read_predicates(YamlReader& r, const YamlNode& node, Pack& pack) {
    if (!r.expect_seq(node, "'predicates'")) return;
    for (const auto& p : node) {
        if (!r.expect_map(p, "a predicate")) continue;
        Predicate pred;
        bool has_name = false, has_min = false;
        for (auto& [key, value] : r.entries(p, {"name", "min"}, "a predicate")) {
            if (key == "name") {
                if (auto t = r.local_text(value, "name of a predicate")) {
                    pred.name = *t;
                    has_name = true;
                }
            } else if (auto v = r.number(value, "lower bound 'min' of a predicate")) {
                pred.min = *v;
                has_min = true;
            }
        }
        if (!has_name || !has_min) {
            r.error(YamlReader::pos(p), "a predicate needs 'name' and 'min' (its inclusive lower bound)",
                    "missing-key");
            continue;
        }
        for (const auto& other : pack.predicates)
            if (other.min == pred.min)
                r.error(YamlReader::pos(p),
                        fmt::format("predicates '{}' and '{}' have the same lower bound {}", other.name.id,
                                    pred.name.id, pred.min.to_exact_string()),
                        "predicate-bands");
        pack.predicates.push_back(std::move(pred));
    }
    std::stable_sort(pack.predicates.begin(), pack.predicates.end(),
                     [](const Predicate& a, const Predicate& b) { return a.min > b.min; });
}

void read_tiers(YamlReader& r, const YamlNode& node, Pack& pack) {
    if (!r.expect_seq(node, "'hierarchy'")) return;
    for (const auto& t : node) {
        if (!r.expect_map(t, "a hierarchy tier")) continue;
        Tier tier;
        for (auto& [key, value] : r.entries(t, {"id", "plural", "name"}, "a hierarchy tier")) {
            if (key == "name") {
                if (auto n = r.local_text(value, "name of a hierarchy tier")) tier.name = *n;
            } else if (auto s = r.string(value, fmt::format("'{}' of a hierarchy tier", key))) {
                (key == "id" ? tier.id : tier.plural) = *s;
            }
        }
        if (tier.id.empty() || tier.plural.empty()) {
            r.error(YamlReader::pos(t), "a hierarchy tier needs 'id' and 'plural'", "missing-key");
            continue;
        }
        if (tier.plural == "indicators" || tier.id == "indicator") {
            r.error(YamlReader::pos(t), "'indicator' is not a grouping tier; list only the groups above indicators",
                    "hierarchy");
            continue;
        }
        if (tier.name.id.empty()) tier.name.id = tier.id;
        pack.tiers.push_back(std::move(tier));
    }
    if (pack.tiers.empty())
        r.error(YamlReader::pos(node), "'hierarchy' must list at least one grouping tier", "hierarchy");
}

void read_indicator(Context& ctx, YamlReader& r, const YamlNode& node, int group, const std::string& file) {
    Pack& pack = ctx.pack;
    Indicator ind;
    ind.group = group;
    ind.pos = YamlReader::pos(node);
    ind.file = file;
    ind.scale = pack.default_scale;
    if (!r.expect_map(node, "an indicator")) return;
    // The id first, so that every other message can name the indicator.
    if (node["id"] && node["id"].IsScalar()) ind.id = node["id"].Scalar();
    std::string what = ind.id.empty() ? "an indicator" : fmt::format("indicator {}", ind.id);
    bool has_weight = false, weight_key = false; // weight_key: present, perhaps unreadable (already reported)
    for (auto& [key, value] : r.entries(node,
                                        {"id", "name", "weight", "scale", "question", "description", "criteria",
                                         "assessment", "example_evidence", "levels_2024", "guide", "note", "external"},
                                        what)) {
        if (key == "id") {
            r.string(value, fmt::format("id of {}", what));
        } else if (key == "name") {
            if (auto t = r.local_text(value, fmt::format("name of {}", what))) ind.name = *t;
        } else if (key == "weight") {
            weight_key = true;
            if (auto w = r.number(value, fmt::format("weight of {}", what))) {
                ind.weight = *w;
                has_weight = true;
            }
        } else if (key == "scale") {
            if (auto s = r.string(value, fmt::format("scale of {}", what))) {
                auto it =
                    std::find_if(pack.scales.begin(), pack.scales.end(), [&](const Scale& sc) { return sc.id == *s; });
                if (it == pack.scales.end()) {
                    std::vector<std::string> ids;
                    for (const auto& sc : pack.scales) ids.push_back(sc.id);
                    std::string hint = closest_match(*s, ids);
                    r.error(YamlReader::pos(value),
                            fmt::format("unknown scale '{}' in {}{}", *s, what,
                                        hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)),
                            "unknown-scale");
                } else {
                    ind.scale = static_cast<int>(it - pack.scales.begin());
                }
            }
        } else if (key == "criteria") {
            auto texts = read_level_texts(r, value, fmt::format("criteria of {}", what));
            if (ctx.options.with_text) ind.criteria = std::move(texts);
        } else if (key == "external") {
            ind.external = read_external(r, value, fmt::format("external of {}", what));
        } else if (key == "levels_2024" || key == "guide") {
            std::string gwhat = fmt::format("{} of {}", key, what);
            if (!r.expect_map(value, gwhat)) continue;
            for (auto& [lkey, lnode] : r.entries(value, gwhat)) {
                auto level = Rational::parse(lkey);
                if (!level || !level->is_integer()) {
                    r.error(YamlReader::key_pos(value, lkey),
                            fmt::format("keys of {} must be levels, found '{}'", gwhat, lkey), "type");
                    continue;
                }
                std::string lwhat = level_key_what(gwhat, lkey);
                if (!r.expect_map(lnode, lwhat)) continue;
                LevelGuide guide;
                // levels_2024 holds the Pedoman 3/2024 wording; guide the newer modules' Kondisi.
                auto fields = key == "guide" ? r.entries(lnode, {"conditions", "evidence"}, lwhat)
                                             : r.entries(lnode, {"criteria", "fulfilment", "evidence"}, lwhat);
                for (auto& [gkey, gvalue] : fields) {
                    auto s = r.string(gvalue, fmt::format("{} of {}", gkey, lwhat));
                    if (!s) continue;
                    (gkey == "criteria"     ? guide.criteria_revised
                     : gkey == "fulfilment" ? guide.fulfilment
                     : gkey == "conditions" ? guide.conditions
                                            : guide.evidence) = *s;
                }
                if (ctx.options.with_text) ind.guide[static_cast<int>(level->num())] = std::move(guide);
            }
        } else if (auto s = r.string(value, fmt::format("{} of {}", key, what))) {
            if (!ctx.options.with_text) continue;
            if (key == "question") ind.question = *s;
            else if (key == "description") ind.description = *s;
            else if (key == "assessment") ind.assessment = *s;
            else if (key == "example_evidence") ind.example_evidence = *s;
            else ind.note = *s;
        }
    }
    if (ind.id.empty()) {
        r.error(ind.pos, "an indicator has no 'id'", "missing-key");
        return;
    }
    if (!weight_key) r.error(ind.pos, fmt::format("{} has no 'weight'", what), "missing-key");
    else if (has_weight && ind.weight <= Rational(0))
        r.error(YamlReader::key_pos(node, "weight"), fmt::format("weight of {} must be positive", what),
                "weight-positive");
    if (ind.name.id.empty()) r.error(ind.pos, fmt::format("{} has no 'name'", what), "missing-key");
    if (pack.indicator_index.count(ind.id)) {
        const Indicator& first = pack.indicators[static_cast<size_t>(pack.indicator_index[ind.id])];
        r.error(YamlReader::key_pos(node, "id"),
                fmt::format("duplicate indicator id '{}' (first defined at {}:{})", ind.id, first.file, first.pos.line),
                "duplicate-id");
        return;
    }
    const Scale& scale = pack.scales.empty() ? Scale{} : pack.scales[static_cast<size_t>(ind.scale)];
    for (const auto& [level, text] : ind.criteria)
        if (!scale.find(level))
            r.error(YamlReader::key_pos(node, "criteria"),
                    fmt::format("criteria of {} has level {}, which is not on scale '{}'", what, level, scale.id),
                    "criteria");
    pack.indicator_index[ind.id] = static_cast<int>(pack.indicators.size());
    pack.groups[static_cast<size_t>(group)].indicators.push_back(static_cast<int>(pack.indicators.size()));
    pack.indicators.push_back(std::move(ind));
}

// Reads one group of tier `tier` (and, recursively, its children). Returns its index or -1.
int read_group(Context& ctx, YamlReader& r, const YamlNode& node, int tier, int parent, const std::string& file,
               std::map<std::string, std::string>& seen_ids) {
    Pack& pack = ctx.pack;
    const Tier& t = pack.tiers[static_cast<size_t>(tier)];
    if (!r.expect_map(node, fmt::format("a {}", t.id))) return -1;
    Group g;
    g.tier = tier;
    g.parent = parent;
    g.pos = YamlReader::pos(node);
    g.file = file;
    if (node["id"] && node["id"].IsScalar()) g.id = node["id"].Scalar();
    std::string what = g.id.empty() ? fmt::format("a {}", t.id) : fmt::format("{} '{}'", t.id, g.id);
    bool innermost = tier + 1 == static_cast<int>(pack.tiers.size());
    std::string child_key = innermost ? "indicators" : pack.tiers[static_cast<size_t>(tier) + 1].plural;
    int index = static_cast<int>(pack.groups.size());
    pack.groups.push_back(g);
    bool has_weight = false, weight_key = false, has_children = false;
    for (auto& [key, value] : r.entries(node, {"id", "number", "name", "weight", child_key}, what)) {
        Group& cur = pack.groups[static_cast<size_t>(index)];
        if (key == "id") {
            r.string(value, fmt::format("id of {}", what));
        } else if (key == "number") {
            if (auto n = r.integer(value, fmt::format("number of {}", what))) cur.number = static_cast<int>(*n);
        } else if (key == "name") {
            if (auto n = r.local_text(value, fmt::format("name of {}", what))) cur.name = *n;
        } else if (key == "weight") {
            weight_key = true;
            if (auto w = r.number(value, fmt::format("weight of {}", what))) {
                cur.weight = *w;
                has_weight = true;
            }
        } else {
            has_children = true;
            if (!r.expect_seq(value, fmt::format("'{}' of {}", child_key, what))) continue;
            for (const auto& child : value) {
                if (innermost) {
                    read_indicator(ctx, r, child, index, file);
                } else {
                    int c = read_group(ctx, r, child, tier + 1, index, file, seen_ids);
                    if (c >= 0) pack.groups[static_cast<size_t>(index)].children.push_back(c);
                }
            }
        }
    }
    Group& cur = pack.groups[static_cast<size_t>(index)];
    if (cur.id.empty()) r.error(cur.pos, fmt::format("{} has no 'id'", what), "missing-key");
    if (cur.name.id.empty()) r.error(cur.pos, fmt::format("{} has no 'name'", what), "missing-key");
    if (!weight_key) r.error(cur.pos, fmt::format("{} has no 'weight'", what), "missing-key");
    else if (has_weight && cur.weight <= Rational(0))
        r.error(YamlReader::key_pos(node, "weight"), fmt::format("weight of {} must be positive", what),
                "weight-positive");
    if (!has_children) r.error(cur.pos, fmt::format("{} has no '{}'", what, child_key), "missing-key");
    std::string seen_key = t.id + "\n" + cur.id;
    if (!cur.id.empty()) {
        if (auto it = seen_ids.find(seen_key); it != seen_ids.end())
            r.error(YamlReader::key_pos(node, "id"),
                    fmt::format("duplicate {} id '{}' (first defined at {})", t.id, cur.id, it->second),
                    "duplicate-id");
        else seen_ids[seen_key] = fmt::format("{}:{}", file, cur.pos.line);
    }
    return index;
}

std::string sum_text(const Rational& r) { return r.to_exact_string(); }

// Weights must add up exactly at every level of the tree: that is what makes the index a weighted
// mean and keeps it on the level scale.
void check_weights(Context& ctx) {
    Pack& pack = ctx.pack;
    auto report = [&](const Group& g, const std::string& msg) {
        ctx.out.diags.push_back(Diagnostic{g.file, g.pos, Severity::error, msg, "weights-sum"});
    };
    for (const auto& g : pack.groups) {
        const Tier& t = pack.tiers[static_cast<size_t>(g.tier)];
        Rational sum;
        std::string kind;
        if (!g.indicators.empty()) {
            for (int i : g.indicators) sum += pack.indicators[static_cast<size_t>(i)].weight;
            kind = "indicators";
        } else if (!g.children.empty()) {
            for (int c : g.children) sum += pack.groups[static_cast<size_t>(c)].weight;
            kind = pack.tiers[static_cast<size_t>(g.tier) + 1].plural;
        } else {
            report(g, fmt::format("{} '{}' is empty", t.id, g.id));
            continue;
        }
        if (sum != g.weight)
            report(g, fmt::format("weights of the {} of {} '{}' sum to {}, not its weight {}", kind, t.id, g.id,
                                  sum_text(sum), sum_text(g.weight)));
    }
    Rational total;
    for (int g : pack.groups_of_tier(0)) total += pack.groups[static_cast<size_t>(g)].weight;
    if (total != pack.total_weight)
        ctx.out.diags.push_back(
            Diagnostic{kManifestName,
                       {},
                       Severity::error,
                       fmt::format("weights of the {} sum to {}, not total_weight {}", pack.tiers[0].plural,
                                   sum_text(total), sum_text(pack.total_weight)),
                       "weights-sum"});
}

void check_criteria(Context& ctx) {
    Pack& pack = ctx.pack;
    for (const auto& ind : pack.indicators) {
        std::vector<std::string> missing;
        for (const auto& level : pack.scale_of(ind).levels)
            if (pack.criteria_for(ind, level.value).empty()) missing.push_back(std::to_string(level.value));
        if (!missing.empty()) {
            std::string list;
            for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
            ctx.out.diags.push_back(
                Diagnostic{ind.file, ind.pos, Severity::error,
                           fmt::format("indicator {} has no criteria for level {} (and scale '{}' gives none)", ind.id,
                                       list, pack.scale_of(ind).id),
                           "criteria"});
        }
    }
}

void check_predicates(Context& ctx, SourcePos pos) {
    Pack& pack = ctx.pack;
    if (pack.predicates.empty() || pack.scales.empty()) return;
    const Rational lowest = pack.predicates.back().min;
    if (lowest > Rational(pack.min_level()))
        ctx.out.diags.push_back(Diagnostic{
            kManifestName, pos, Severity::error,
            fmt::format(
                "predicate bands leave indices from {} up to {} without a predicate (the lowest band must start at {})",
                pack.min_level(), lowest.to_exact_string(), pack.min_level()),
            "predicate-bands"});
    // Bands are lower-bound lists, so of the bands starting at or below the lowest level only the
    // highest can ever apply.
    bool covered = false;
    for (auto it = pack.predicates.begin(); it != pack.predicates.end(); ++it) {
        if (it->min > Rational(pack.min_level())) continue;
        if (covered)
            ctx.out.diags.push_back(Diagnostic{
                kManifestName, pos, Severity::error,
                fmt::format(
                    "predicate '{}' (from {}) can never apply: '{}' already starts at or below the lowest level {}",
                    it->name.id, it->min.to_exact_string(), std::prev(it)->name.id, pack.min_level()),
                "predicate-bands"});
        covered = true;
    }
    if (pack.predicates.front().min > Rational(pack.max_level()))
        ctx.out.diags.push_back(Diagnostic{kManifestName, pos, Severity::error,
                                           fmt::format("predicate '{}' starts at {}, above the highest level {}",
                                                       pack.predicates.front().name.id,
                                                       pack.predicates.front().min.to_exact_string(), pack.max_level()),
                                           "predicate-bands"});
}

// A file that is there but was refused or could not be read, reported at that file with the reason, as
// evidence files are ("cannot read file: is a directory"): above the size limit is invalid input
// (yaml-syntax, so lint exits 3 as score does), anything else an I/O error.
void report_unreadable(PackLoad& out, const std::string& name, const PackFileText& file) {
    out.io_error = out.io_error || !file.too_large;
    out.diags.push_back(Diagnostic{name,
                                   {},
                                   Severity::error,
                                   fmt::format("cannot read file: {}", file.error),
                                   file.too_large ? "yaml-syntax" : "io"});
}

} // namespace

PackLoad load_pack(const PackFileReader& read, const PackLoadOptions& options) {
    PackLoad out;
    Pack pack;
    pack.has_text = options.with_text;
    Context ctx{read, options, out, pack};

    PackFileText manifest = read(kManifestName);
    if (!manifest.text && !manifest.error.empty()) {
        report_unreadable(out, kManifestName, manifest);
        return out;
    }
    if (!manifest.text) {
        out.io_error = true;
        out.diags.push_back(Diagnostic{kManifestName, {}, Severity::error, "cannot read the pack manifest", "io"});
        return out;
    }
    std::string default_scale;
    SourcePos default_scale_pos, predicates_pos, files_pos;
    std::map<std::string, SourcePos> file_entry_pos;
    with_file(ctx, kManifestName, [&](YamlReader& r) {
        auto root = r.parse(*manifest.text, "a rubric pack file");
        if (!root || !r.expect_map(*root, "the pack manifest")) return;
        std::set<std::string> present;
        for (auto& [key, value] : r.entries(*root,
                                            {"id", "title", "index_name", "source", "provenance", "total_weight",
                                             "display", "hierarchy", "scales", "default_scale", "predicates", "files"},
                                            "the pack manifest")) {
            present.emplace(key);
            if (key == "id") {
                if (auto s = r.string(value, "'id'")) pack.id = *s;
            } else if (key == "title") {
                if (auto t = r.local_text(value, "'title'")) pack.title = *t;
            } else if (key == "index_name") {
                if (auto t = r.local_text(value, "'index_name'")) pack.index_name = *t;
            } else if (key == "source") {
                if (!r.expect_map(value, "'source'")) continue;
                for (auto& [skey, svalue] :
                     r.entries(value, {"regulation", "title", "date", "evidence", "status"}, "'source'")) {
                    auto s = r.string(svalue, fmt::format("source {}", skey));
                    if (!s) continue;
                    if (skey == "status") {
                        if (*s != "official" && *s != "secondary")
                            r.error(YamlReader::pos(svalue),
                                    fmt::format("source status must be 'official' or 'secondary', found '{}'", *s),
                                    "type");
                        else pack.source.status = *s;
                    } else if (skey == "regulation") pack.source.regulation = *s;
                    else if (skey == "title") pack.source.title = *s;
                    else if (skey == "evidence") pack.source.evidence = *s;
                    else pack.source.date = *s;
                }
            } else if (key == "provenance") {
                if (auto s = r.string(value, "'provenance'")) pack.provenance = *s;
            } else if (key == "total_weight") {
                if (auto w = r.number(value, "'total_weight'")) pack.total_weight = *w;
            } else if (key == "display") {
                if (!r.expect_map(value, "'display'")) continue;
                for (auto& [dkey, dvalue] : r.entries(value, {"precision", "rounding"}, "'display'")) {
                    if (dkey == "precision") {
                        if (auto p = r.integer(dvalue, "display precision")) {
                            if (*p < 0 || *p > 6)
                                r.error(YamlReader::pos(dvalue), "display precision must be 0 to 6 decimals",
                                        "display");
                            else pack.precision = static_cast<int>(*p);
                        }
                    } else if (auto s = r.string(dvalue, "display rounding")) {
                        if (*s != "half-up")
                            r.error(YamlReader::pos(dvalue),
                                    fmt::format("rounding '{}' is not supported (only 'half-up')", *s), "display");
                        pack.rounding = *s;
                    }
                }
            } else if (key == "hierarchy") {
                read_tiers(r, value, pack);
            } else if (key == "scales") {
                if (!r.expect_map(value, "'scales'")) continue;
                for (auto& [sid, snode] : r.entries(value, "'scales'")) read_scale(r, sid, snode, pack);
            } else if (key == "default_scale") {
                default_scale_pos = YamlReader::pos(value);
                if (auto s = r.string(value, "'default_scale'")) default_scale = *s;
            } else if (key == "predicates") {
                predicates_pos = YamlReader::key_pos(*root, "predicates");
                read_predicates(r, value, pack);
            } else {
                files_pos = YamlReader::pos(value);
                if (!r.expect_seq(value, "'files'")) continue;
                for (const auto& f : value)
                    if (auto s = r.string(f, "an entry of 'files'")) {
                        if (std::find(pack.files.begin(), pack.files.end(), *s) != pack.files.end())
                            r.error(YamlReader::pos(f), fmt::format("file '{}' is listed twice", *s), "duplicate-id");
                        else if (s->find("..") != std::string::npos || (!s->empty() && s->front() == '/'))
                            r.error(YamlReader::pos(f),
                                    fmt::format("file '{}' must be a name inside the pack folder", *s), "pack-files");
                        else {
                            pack.files.push_back(*s);
                            file_entry_pos[*s] = YamlReader::pos(f);
                        }
                    }
            }
        }
        for (const char* required : {"id", "title", "hierarchy", "scales", "predicates", "files"})
            if (!present.count(required))
                r.error({1, 1}, fmt::format("the pack manifest has no '{}'", required), "missing-key");
        if (!pack.scales.empty()) {
            if (default_scale.empty() && pack.scales.size() > 1)
                r.error({1, 1}, "the pack has several scales; name one as 'default_scale'", "missing-key");
            for (size_t i = 0; i < pack.scales.size(); ++i)
                if (pack.scales[i].id == default_scale) pack.default_scale = static_cast<int>(i);
            if (!default_scale.empty() && pack.scales[static_cast<size_t>(pack.default_scale)].id != default_scale)
                r.error(default_scale_pos, fmt::format("default_scale '{}' is not one of the scales", default_scale),
                        "unknown-scale");
        }
        if (!pack.scales.empty()) {
            pack.decimals = pack.scales.front().decimals;
            for (const auto& sc : pack.scales)
                if (sc.decimals != pack.decimals)
                    r.error({1, 1},
                            fmt::format("every scale of a pack must record the same decimals ('{}' has {}, '{}' {})",
                                        pack.scales.front().id, pack.decimals, sc.id, sc.decimals),
                            "scale");
            pack.step = 1;
            for (int d = 0; d < pack.decimals; ++d) pack.step *= 10;
        }
        if (present.count("predicates") && pack.predicates.empty())
            r.error(predicates_pos, "'predicates' must list at least one band", "predicate-bands");
        if (present.count("files") && pack.files.empty() && (*root)["files"].IsSequence())
            r.error(files_pos, "'files' must list at least one file", "pack-files");
        if (options.lint) {
            SourcePos display_pos = YamlReader::key_pos(*root, "display");
            if (!present.count("display"))
                r.warning({1, 1},
                          "the pack manifest does not declare 'display' (precision and rounding); add e.g. display: "
                          "{precision: 2, rounding: half-up}",
                          "display-declared");
            else
                for (const char* key : {"precision", "rounding"})
                    if (!(*root)["display"].IsMap() || !(*root)["display"][key])
                        r.warning(display_pos, fmt::format("'display' does not declare '{}'", key), "display-declared");
        }
    });
    out.files = pack.files;
    // The group files cannot be read without tiers; lint reads them whenever it can.
    if (has_errors(out.diags) && !(options.lint && !pack.tiers.empty())) return out;

    std::map<std::string, std::string> seen_ids;
    for (const auto& name : pack.files) {
        PackFileText file = read(name);
        if (!file.text && !file.error.empty()) {
            report_unreadable(out, name, file);
            continue;
        }
        if (!file.text) {
            if (options.lint) {
                out.diags.push_back(
                    Diagnostic{kManifestName, file_entry_pos[name], Severity::error,
                               fmt::format("pack file '{}' listed in 'files' does not exist or cannot be read", name),
                               "pack-files"});
                continue;
            }
            out.io_error = true;
            out.diags.push_back(Diagnostic{kManifestName, files_pos, Severity::error,
                                           fmt::format("cannot read pack file '{}' listed in 'files'", name), "io"});
            continue;
        }
        with_file(ctx, name, [&](YamlReader& r) {
            auto root = r.parse(*file.text, "a rubric pack file");
            if (!root) return;
            int g = read_group(ctx, r, *root, 0, -1, name, seen_ids);
            (void)g;
        });
    }
    if (options.lint) {
        // Weight sums over a tree with unreadable parts would only repeat those errors.
        static const std::set<std::string> structural = {
            "yaml-syntax",  "empty-file", "key-type",  "type",  "missing-key", "decimal-comma",  "not-integer",
            "duplicate-id", "pack-files", "hierarchy", "scale", "io",          "weight-positive"};
        bool intact = std::none_of(out.diags.begin(), out.diags.end(), [](const Diagnostic& d) {
            return d.severity == Severity::error && structural.count(d.rule);
        });
        if (intact && !pack.tiers.empty()) check_weights(ctx);
        if (options.with_text && !pack.scales.empty()) check_criteria(ctx);
        check_predicates(ctx, predicates_pos);
        if (has_errors(out.diags)) return out;
    } else {
        if (has_errors(out.diags)) return out;
        check_weights(ctx);
        if (options.with_text) check_criteria(ctx);
        check_predicates(ctx, predicates_pos);
        if (has_errors(out.diags)) return out;
    }
    out.pack = std::move(pack);
    return out;
}

} // namespace spbe
