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
    int decimals = 0;               // 0: whole levels only; 2: values such as 1.25 between the levels
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
    std::string conditions;       // the module's "Kondisi": the situation the level describes
};

// An indicator whose value comes from another agency's index (e.g. Indeks SDI of Bappenas). The
// conversion is data, with how sure it is, because the official tables are not always published.
struct ExternalIndex {
    std::string index; // short id written in evidence files: SDI, SJIG, IKASANDI
    LocalText name;
    std::string agency;            // the agency that publishes it
    Rational range_min, range_max; // values the external index can take
    std::vector<Rational> bands;   // edges between consecutive levels, when known
    bool has_conversion = false;   // value = offset + factor × index
    Rational offset, factor{1};
    std::string grade;     // "derived", "assumed" (what the sources allow us to say)
    std::string basis;     // where the conversion comes from
    bool optional = false; // the level may be scored from evidence instead
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
    std::string description;
    std::map<int, std::string> criteria;
    std::map<int, LevelGuide> guide;
    std::string assessment;
    std::string example_evidence;
    std::string note;
    std::optional<ExternalIndex> external; // kept also without text: scoring converts with it
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
    // "official" (from the regulation's text) or "secondary" (transcribed by others; the
    // official text could not be read). Every report of a secondary pack says so.
    std::string status = "official";
    bool secondary() const { return status == "secondary"; }
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
    // Indicator values are stored as integers in steps of 10^-decimals of a level (every scale of
    // a pack has the same decimals): whole levels for spbe-2020 (step 1), hundredths for pemdi-2026
    // (step 100, so 125 is 1.25). CSV rows, the spool and the linear scorer stay integer and exact.
    int decimals = 0;
    int step = 1;
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

    // Between levels and stored values (see `step`).
    int value_of_level(int level) const { return level * step; }
    int level_floor(int value) const { return value / step; } // values are positive
    Rational exact(int value) const { return Rational(value, step); }
    // "3" for whole-level packs, "1.25" (always `decimals` digits) otherwise.
    std::string value_text(int value) const;
    // An exact level as written in a file, shown like value_text where the pack records it.
    std::string level_text(const Rational& level) const;
    // The stored value of an exact level from a file, or nullopt when it has more decimals than
    // the pack records (2.5 in a whole-level pack).
    std::optional<int> value_from(const Rational& level) const;
    // The whole level above a value: 2 for 1.26 and for 1 (where the next criteria apply).
    int next_level(int value) const { return level_floor(value) + 1; }
};

} // namespace spbe
