// What-if scoring: parsing and checking `--set ID=LEVEL`, then re-scoring the modified levels with
// the same exact engine as `score`, so that a what-if of the current levels is the current score.
#include "analysis/whatif.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace spbe {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

} // namespace

std::optional<LevelSetting> parse_level_setting(std::string_view text, std::string& error) {
    size_t eq = text.find('=');
    if (eq == std::string_view::npos) {
        error = fmt::format("'{}' is not ID=LEVEL (write e.g. --set 5=3)", text);
        return std::nullopt;
    }
    std::string_view id = trim(text.substr(0, eq));
    std::string_view level = trim(text.substr(eq + 1));
    if (id.empty()) {
        error = fmt::format("'{}' has no indicator id before '=' (write e.g. --set 5=3)", text);
        return std::nullopt;
    }
    if (level.empty()) {
        error = fmt::format("'{}' has no level after '=' (write e.g. --set 5=3)", text);
        return std::nullopt;
    }
    auto value = level.find('/') == std::string_view::npos ? Rational::parse(level) : std::nullopt;
    if (!value) {
        error = fmt::format("'{}': the level '{}' is not a whole number", text, level);
        if (level.find(',') != std::string_view::npos) {
            std::string dotted(level);
            std::replace(dotted.begin(), dotted.end(), ',', '.');
            if (Rational::parse(dotted))
                error =
                    fmt::format("'{}': the level '{}' is not a whole number (write a decimal point, {}, in a rubric "
                                "that records decimals)",
                                text, level, dotted);
        }
        return std::nullopt;
    }
    return LevelSetting{std::string(id), *value, std::string(level)};
}

std::vector<SettingProblem> check_level_settings(const Pack& pack, const std::vector<LevelSetting>& settings) {
    std::vector<SettingProblem> problems;
    std::set<std::string> seen;
    for (const auto& s : settings) {
        const Indicator* ind = pack.find_indicator(s.id);
        if (!ind) {
            problems.push_back({SettingProblem::unknown_indicator, s, 0, 0});
            continue;
        }
        if (!seen.insert(s.id).second) {
            problems.push_back({SettingProblem::set_twice, s, 0, 0});
            continue;
        }
        const Scale& scale = pack.scale_of(*ind);
        if (!pack.value_from(s.level)) problems.push_back({SettingProblem::too_many_decimals, s, 0, 0});
        else if (s.level < Rational(scale.min()) || s.level > Rational(scale.max()))
            problems.push_back({SettingProblem::level_out_of_scale, s, scale.min(), scale.max()});
    }
    return problems;
}

WhatIf what_if(const Pack& pack, const std::vector<int>& levels, const std::vector<LevelSetting>& settings) {
    WhatIf w;
    w.before = score_levels(pack, levels);
    std::vector<int> changed = levels;
    for (const auto& s : settings) {
        auto it = pack.indicator_index.find(s.id);
        if (it == pack.indicator_index.end()) continue; // rejected by check_level_settings
        size_t i = static_cast<size_t>(it->second);
        int value = pack.value_from(s.level).value_or(levels[i]); // checked by check_level_settings
        changed[i] = value;
        w.changes.push_back({it->second, levels[i], value});
    }
    std::sort(w.changes.begin(), w.changes.end(),
              [](const LevelChange& a, const LevelChange& b) { return a.indicator < b.indicator; });
    w.after = score_levels(pack, changed);
    return w;
}

} // namespace spbe
