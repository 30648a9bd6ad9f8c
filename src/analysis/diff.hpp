// Comparing two scored evidence files of one agency (e.g. 2023 and 2024). Under one rubric pack
// indicators and groups are matched by id; across packs only through a crosswalk (ids that merely
// coincide are never the same indicator) and groups are not compared. Pure; the caller loads,
// scores and checks the crosswalk.
#pragma once

#include "model/crosswalk.hpp"
#include "scoring/score.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spbe {

struct IndicatorDelta {
    // not_compared: across packs, an indicator the crosswalk does not map (its side's level only).
    enum Status { up, down, unchanged, only_old, only_new, not_compared };
    std::string id;                    // in the new pack when there, else the old
    std::string old_id;                // in the old pack (differs from `id` through a crosswalk); empty when new only
    LocalText name;                    // from the new pack when there, else the old
    std::optional<Rational> old_level; // exact levels (2.5), comparable across packs
    std::optional<Rational> new_level;
    Status status = unchanged;
};

// A group matched by tier id and group id; a value is missing when the group exists in one pack only.
struct GroupDelta {
    int tier = 0;        // tier position (in the new pack when there, else the old)
    std::string tier_id; // "domain", "aspect"
    std::string tier_plural;
    LocalText tier_name;
    std::string id;
    LocalText name;
    Rational weight; // in the new pack when there, else the old
    std::optional<Rational> old_value;
    std::optional<Rational> new_value;
    std::optional<Rational> delta() const {
        if (!old_value || !new_value) return std::nullopt;
        return *new_value - *old_value;
    }
};

struct EvidenceDelta {
    enum Kind { added, removed, expired };
    Kind kind = added;
    std::string indicator;
    EvidenceItem item;
};

struct AgencyDiff {
    Rational old_index;
    Rational new_index;
    const Predicate* old_predicate = nullptr;
    const Predicate* new_predicate = nullptr;
    std::vector<IndicatorDelta> indicators; // new pack order, then old-only ids in old pack order
    std::vector<GroupDelta> groups;         // by tier, new pack order, then old-only groups; empty across packs
    std::vector<EvidenceDelta> evidence;    // added and removed by indicator (new file order), then expired
    bool same_pack = true;
    bool same_agency = true;
    bool mapped = false; // indicators were paired through a crosswalk

    Rational index_delta() const { return new_index - old_index; }
    bool predicate_changed() const;
    // The index or a top-tier group present in both went down (exact comparison).
    bool regression() const;
    size_t count(IndicatorDelta::Status s) const;
    size_t count(EvidenceDelta::Kind k) const;
};

// `as_of`: evidence of the new file whose valid_until is before this date counts as expired.
// `crosswalk` (checked against both packs) pairs the indicators; it is required when the packs
// differ (without one nothing but the index and predicate could honestly be compared).
AgencyDiff diff_agencies(const AgencyResult& old_result, const AgencyResult& new_result, const Date& as_of,
                         const Crosswalk* crosswalk = nullptr);

} // namespace spbe
