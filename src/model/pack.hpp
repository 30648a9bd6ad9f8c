// The rubric pack: a weighted tree of groups (e.g. domain > aspect) over indicators scored on a level
// scale, plus predicate bands. Plain data; built by the loader, read by scoring and reports.
#pragma once

#include "model/rational.hpp"
#include "model/text.hpp"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace spbe {

struct ScaleLevel {
    int value = 0;
    LocalText name;
    std::string criteria; // generic description of the level
};

struct Scale {
    std::string id;
    LocalText name;
    std::vector<ScaleLevel> levels; // ascending by value
    int min() const { return levels.front().value; }
    int max() const { return levels.back().value; }
    const ScaleLevel* find(int value) const;
};

// A predicate band; the band of a value is the one with the greatest `min` not above it.
struct Predicate {
    LocalText name;
    Rational min;
};

// A grouping tier such as "domain" or "aspect". `plural` is the YAML key that lists groups of this
// tier inside their parent, and the JSON key in reports.
struct Tier {
    std::string id;
    std::string plural;
    LocalText name;
};

// Pedoman-style guidance for one level of one indicator.
struct LevelGuide {
    std::string criteria_revised; // newer wording of the level criteria, when it differs
    std::string fulfilment;       // what the agency must satisfy
    std::string evidence;         // expected supporting evidence (bukti dukung)
};

struct Indicator {
    std::string id;
    LocalText name;
    Rational weight;
    int scale = 0; // index into Pack::scales
    int group = 0; // index of the innermost group in Pack::groups
    SourcePos pos;
    std::string file;
    // Text, present when the pack was loaded with its text (explain, gaps); empty for scoring-only.
    std::string question;
    std::map<int, std::string> criteria;
    std::map<int, LevelGuide> guide;
    std::string assessment;
    std::string example_evidence;
    std::string note;
};

struct Group {
    std::string id;
    std::optional<int> number;
    LocalText name;
    Rational weight;
    int tier = 0;
    int parent = -1;
    std::vector<int> children;   // indices into Pack::groups
    std::vector<int> indicators; // indices into Pack::indicators (innermost tier only)
    SourcePos pos;
    std::string file;
};

struct PackSource {
    std::string regulation;
    std::string title;
    std::string date;
    std::string evidence;
};

struct Pack {
    std::string id;
    LocalText title;
    LocalText index_name{"Indeks", "Index"}; // e.g. "Indeks SPBE"
    PackSource source;
    std::string provenance;
    Rational total_weight{100};
    int precision = 2;
    std::string rounding = "half-up";
    std::vector<Tier> tiers;
    std::vector<Scale> scales;
    int default_scale = 0;
    std::vector<Predicate> predicates; // descending by min
    std::vector<std::string> files;
    std::vector<Group> groups;         // pre-order: a group precedes its children
    std::vector<Indicator> indicators; // in pack order
    bool has_text = false;
    std::string origin; // "built-in" or the directory it was loaded from

    std::unordered_map<std::string, int> indicator_index;

    const Indicator* find_indicator(const std::string& id) const;
    const Scale& scale_of(const Indicator& ind) const { return scales[static_cast<size_t>(ind.scale)]; }
    // Indices of the groups of one tier, in pack order.
    std::vector<int> groups_of_tier(int tier) const;
    // The ancestor of `group` (or the group itself) at `tier`.
    int ancestor_at(int group, int tier) const;
    // The predicate band of an exact index (lower bounds inclusive).
    const Predicate& predicate_for(const Rational& value) const;
    // Criteria text of one level: the indicator's own, else the scale's generic description.
    const std::string& criteria_for(const Indicator& ind, int level) const;
    // Lowest and highest level over all scales, for bounds on the index.
    int min_level() const;
    int max_level() const;
};

} // namespace spbe
