// What-if scoring: the current levels of an agency with some indicators set to other levels, scored
// again exactly, with the change of the index, the predicate and every group. Pure; no I/O.
#pragma once

#include "scoring/score.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spbe {

// One `--set ID=LEVEL`.
struct LevelSetting {
    std::string id;
    Rational level;     // exact, e.g. 2.5 (whether the pack records it is check_level_settings' business)
    std::string text{}; // the level as written, for messages (empty: level.to_exact_string())
};

// Parses "ID=LEVEL" (the level a number such as 3 or 2.5, spaces around '=' allowed). On failure returns nullopt
// and sets `error` to a message that names the problem ("'5=2,5': the level '2,5' is not a whole number").
std::optional<LevelSetting> parse_level_setting(std::string_view text, std::string& error);

// Why a setting cannot be applied to a pack.
struct SettingProblem {
    enum Kind { unknown_indicator, level_out_of_scale, set_twice, too_many_decimals };
    Kind kind = unknown_indicator;
    LevelSetting setting;
    int scale_min = 0; // for level_out_of_scale
    int scale_max = 0;
};

// Checks every setting against the pack (each problem once, in the order given).
std::vector<SettingProblem> check_level_settings(const Pack& pack, const std::vector<LevelSetting>& settings);

// One indicator that a setting touches, in pack order.
struct LevelChange {   // stored values (Pack::step)
    int indicator = 0; // index into Pack::indicators
    int from = 0;
    int to = 0;
};

struct WhatIf {
    Score before;
    Score after;
    std::vector<LevelChange> changes; // every setting (also those that keep the level), in pack order
    Rational index_delta() const { return after.index - before.index; }
    Rational group_delta(size_t group) const { return after.group_index[group] - before.group_index[group]; }
    bool predicate_changed() const { return before.predicate != after.predicate; }
};

// Scores `levels` (parallel to pack.indicators) with the settings applied. The settings must have
// passed check_level_settings.
WhatIf what_if(const Pack& pack, const std::vector<int>& levels, const std::vector<LevelSetting>& settings);

} // namespace spbe
