// Lookups over the rubric pack tree: indicator by id, groups by tier, predicate bands, and the
// fallback from indicator criteria to the scale's generic level description.
#include "model/pack.hpp"

#include <algorithm>

namespace spbe {

const ScaleLevel* Scale::find(int value) const {
    for (const auto& l : levels)
        if (l.value == value) return &l;
    return nullptr;
}

const Indicator* Pack::find_indicator(const std::string& ind_id) const {
    auto it = indicator_index.find(ind_id);
    return it == indicator_index.end() ? nullptr : &indicators[static_cast<size_t>(it->second)];
}

std::vector<int> Pack::groups_of_tier(int tier) const {
    std::vector<int> out;
    for (size_t i = 0; i < groups.size(); ++i)
        if (groups[i].tier == tier) out.push_back(static_cast<int>(i));
    return out;
}

int Pack::ancestor_at(int group, int tier) const {
    while (group >= 0 && groups[static_cast<size_t>(group)].tier > tier)
        group = groups[static_cast<size_t>(group)].parent;
    return group;
}

const Predicate& Pack::predicate_for(const Rational& value) const {
    for (const auto& p : predicates)
        if (value >= p.min) return p;
    // Below every band: the loader guarantees the lowest band starts at or below the lowest level,
    // so only a malformed pack gets here; answer with the lowest band rather than crash.
    return predicates.back();
}

const std::string& Pack::criteria_for(const Indicator& ind, int level) const {
    if (auto it = ind.criteria.find(level); it != ind.criteria.end()) return it->second;
    static const std::string empty;
    const ScaleLevel* l = scale_of(ind).find(level);
    return l ? l->criteria : empty;
}

int Pack::min_level() const {
    int m = scales.front().min();
    for (const auto& s : scales) m = std::min(m, s.min());
    return m;
}

int Pack::max_level() const {
    int m = scales.front().max();
    for (const auto& s : scales) m = std::max(m, s.max());
    return m;
}

std::string Pack::value_text(int value) const {
    if (step == 1) return std::to_string(value);
    return exact(value).to_fixed(decimals);
}

std::string Pack::level_text(const Rational& level) const {
    auto v = value_from(level);
    return v ? value_text(*v) : level.to_exact_string();
}

std::optional<int> Pack::value_from(const Rational& level) const {
    Rational v = level * Rational(step);
    if (!v.is_integer() || v.num() > 1000000 || v.num() < -1000000) return std::nullopt;
    return static_cast<int>(v.num());
}

} // namespace spbe
