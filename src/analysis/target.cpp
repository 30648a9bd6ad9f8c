// Target parsing and resolution: predicate names matched loosely (case, spaces, hyphens), numbers
// exactly, and the documented precedence command line > evidence file > next predicate.
#include "analysis/target.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace spbe {

namespace {

// "Sangat Baik", "sangat-baik" and "SANGAT_BAIK" all become "sangat baik".
std::string normalize_name(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isspace(u) || c == '-' || c == '_') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(u));
    }
    return out;
}

std::string predicate_list(const Pack& pack) {
    std::string out;
    for (const auto& p : pack.predicates) {
        out += out.empty() ? "" : ", ";
        out += p.name.id;
        if (!p.name.en.empty() && p.name.en != p.name.id) out += " (" + p.name.en + ")";
    }
    return out;
}

Target index_target(const Pack& pack, const Rational& value, TargetSource source) {
    Target t;
    t.kind = TargetKind::index;
    t.source = source;
    t.index = value;
    (void)pack;
    return t;
}

Target predicate_target(const Predicate& p, TargetSource source) {
    Target t;
    t.kind = TargetKind::index;
    t.source = source;
    t.index = p.min;
    t.predicate = &p;
    return t;
}

} // namespace

const Predicate* find_predicate(const Pack& pack, const std::string& name) {
    std::string want = normalize_name(name);
    if (want.empty()) return nullptr;
    for (const auto& p : pack.predicates)
        if (normalize_name(p.name.id) == want || (!p.name.en.empty() && normalize_name(p.name.en) == want)) return &p;
    return nullptr;
}

std::optional<Target> parse_target_text(const Pack& pack, const std::string& text, std::string& error) {
    if (const Predicate* p = find_predicate(pack, text)) return predicate_target(*p, TargetSource::command_line);
    if (auto v = Rational::parse(text)) return index_target(pack, *v, TargetSource::command_line);
    std::string hint;
    if (text.find(',') != std::string::npos) {
        std::string dotted = text;
        std::replace(dotted.begin(), dotted.end(), ',', '.');
        if (Rational::parse(dotted)) hint = fmt::format(" (write the decimal point as '.', e.g. {})", dotted);
    }
    error = fmt::format("--target: '{}' is neither a number nor a predicate of {}{}; predicates: {}", text, pack.id,
                        hint, predicate_list(pack));
    return std::nullopt;
}

Target next_predicate_target(const Pack& pack, const Rational& current) {
    // Predicates are descending by lower bound: the next one up is the last with min > current.
    const Predicate* next = nullptr;
    for (const auto& p : pack.predicates)
        if (p.min > current) next = &p;
    if (!next) {
        Target t;
        t.kind = TargetKind::max_reached;
        t.source = TargetSource::default_next;
        t.index = current;
        t.predicate = &pack.predicate_for(current);
        return t;
    }
    return predicate_target(*next, TargetSource::default_next);
}

TargetResolution resolve_target(const Pack& pack, const EvidenceFile& file, const TargetRequest& req,
                                const Rational& current, bool allow_levels) {
    TargetResolution out;
    auto levels_for_all = [&](int level, TargetSource source) {
        Target t;
        t.kind = TargetKind::levels;
        t.source = source;
        t.level = level;
        for (const auto& ind : pack.indicators)
            t.levels.push_back(pack.value_of_level(std::min(level, pack.scale_of(ind).max())));
        return t;
    };
    if (!req.target.empty() && req.target_level) {
        out.usage_error = "give either --target or --target-level, not both";
        return out;
    }
    if (req.target_level) {
        if (*req.target_level < pack.min_level() || *req.target_level > pack.max_level()) {
            out.usage_error = fmt::format("--target-level {} is outside the levels {} to {} of {}", *req.target_level,
                                          pack.min_level(), pack.max_level(), pack.id);
            return out;
        }
        out.target = levels_for_all(*req.target_level, TargetSource::command_line);
        return out;
    }
    if (!req.target.empty()) {
        std::string error;
        out.target = parse_target_text(pack, req.target, error);
        if (!out.target) out.usage_error = error;
        return out;
    }

    // The evidence file's own targets.
    const Targets& ft = file.targets;
    auto file_error = [&](std::string msg) {
        out.diags.push_back(Diagnostic{"", ft.pos, Severity::error, std::move(msg), "target"});
    };
    int given = (ft.index ? 1 : 0) + (ft.predicate.empty() ? 0 : 1) + (ft.level ? 1 : 0);
    if (given > 1) {
        file_error("'targets' must give only one of 'index', 'predicate' and 'level'");
        return out;
    }
    const Predicate* file_predicate = nullptr;
    if (!ft.predicate.empty()) {
        file_predicate = find_predicate(pack, ft.predicate);
        if (!file_predicate) {
            file_error(fmt::format("target predicate '{}' is not a predicate of {}; predicates: {}", ft.predicate,
                                   pack.id, predicate_list(pack)));
            return out;
        }
    }
    if (ft.level && (*ft.level < pack.min_level() || *ft.level > pack.max_level())) {
        file_error(fmt::format("target level {} is outside the levels {} to {} of {}", *ft.level, pack.min_level(),
                               pack.max_level(), pack.id));
        return out;
    }
    bool per_indicator = std::any_of(file.indicators.begin(), file.indicators.end(),
                                     [](const IndicatorEntry& e) { return e.target.has_value(); });
    // Per-indicator `target:` levels, with `targets: {level}` for the indicators without one.
    std::vector<std::optional<int>> levels;
    for (const auto& ind : pack.indicators) {
        const IndicatorEntry* e = file.find(ind.id);
        if (e && e->target) levels.push_back(pack.value_from(*e->target));
        else if (ft.level && allow_levels)
            levels.push_back(pack.value_of_level(std::min(*ft.level, pack.scale_of(ind).max())));
        else levels.push_back(std::nullopt);
    }
    bool has_index = ft.index || file_predicate;
    if (allow_levels && !has_index && (per_indicator || ft.level)) {
        Target t;
        t.kind = TargetKind::levels;
        t.source = TargetSource::file;
        t.level = ft.level;
        t.levels = std::move(levels);
        out.target = std::move(t);
        return out;
    }
    if (ft.index) out.target = index_target(pack, *ft.index, TargetSource::file);
    else if (file_predicate) out.target = predicate_target(*file_predicate, TargetSource::file);
    else out.target = next_predicate_target(pack, current);
    // An index target keeps the file's per-indicator targets as steps every plan must include.
    if (per_indicator && out.target->kind == TargetKind::index) out.target->levels = std::move(levels);
    return out;
}

} // namespace spbe
