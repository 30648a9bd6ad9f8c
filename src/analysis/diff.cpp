// Year-over-year comparison. Indicators and groups are matched by id rather than position so that
// files under different pack versions still compare; evidence items match by title or by file.
#include "analysis/diff.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace spbe {

namespace {

// Same document when either the non-empty title or the non-empty file is the same: a renamed title
// with the same file, or a re-uploaded file with the same title, is not a new piece of evidence.
bool same_item(const EvidenceItem& a, const EvidenceItem& b) {
    return (!a.title.empty() && a.title == b.title) || (!a.file.empty() && a.file == b.file);
}

const std::vector<EvidenceItem>& items_of(const EvidenceFile& f, const std::string& id) {
    static const std::vector<EvidenceItem> none;
    const IndicatorEntry* e = f.find(id);
    return e ? e->evidence : none;
}

std::vector<std::string> indicator_ids(const EvidenceFile& f) {
    std::vector<std::string> ids;
    for (const auto& e : f.indicators) ids.push_back(e.id);
    return ids;
}

} // namespace

bool AgencyDiff::predicate_changed() const { return old_predicate->name.id != new_predicate->name.id; }

bool AgencyDiff::regression() const {
    if (new_index < old_index) return true;
    for (const auto& g : groups)
        if (g.tier == 0 && g.old_value && g.new_value && *g.new_value < *g.old_value) return true;
    return false;
}

size_t AgencyDiff::count(IndicatorDelta::Status s) const {
    return static_cast<size_t>(std::count_if(indicators.begin(), indicators.end(), [&](const IndicatorDelta& d) { return d.status == s; }));
}

size_t AgencyDiff::count(EvidenceDelta::Kind k) const {
    return static_cast<size_t>(std::count_if(evidence.begin(), evidence.end(), [&](const EvidenceDelta& d) { return d.kind == k; }));
}

AgencyDiff diff_agencies(const AgencyResult& old_r, const AgencyResult& new_r, const Date& as_of) {
    const Pack& op = *old_r.pack;
    const Pack& np = *new_r.pack;
    AgencyDiff d;
    d.old_index = old_r.score.index;
    d.new_index = new_r.score.index;
    d.old_predicate = old_r.score.predicate;
    d.new_predicate = new_r.score.predicate;
    d.same_pack = op.id == np.id;
    d.same_agency = old_r.file.agency.name == new_r.file.agency.name;

    for (size_t i = 0; i < np.indicators.size(); ++i) {
        const Indicator& ind = np.indicators[i];
        IndicatorDelta x{ind.id, ind.name, std::nullopt, new_r.score.levels[i], IndicatorDelta::only_new};
        auto it = op.indicator_index.find(ind.id);
        if (it != op.indicator_index.end()) {
            x.old_level = old_r.score.levels[static_cast<size_t>(it->second)];
            x.status = *x.new_level > *x.old_level ? IndicatorDelta::up : *x.new_level < *x.old_level ? IndicatorDelta::down : IndicatorDelta::unchanged;
        }
        d.indicators.push_back(std::move(x));
    }
    for (size_t i = 0; i < op.indicators.size(); ++i) {
        const Indicator& ind = op.indicators[i];
        if (np.indicator_index.count(ind.id)) continue;
        d.indicators.push_back({ind.id, ind.name, old_r.score.levels[i], std::nullopt, IndicatorDelta::only_old});
    }

    // Groups: tiers of the new pack first, each in pack order; old groups without a partner after.
    std::map<std::pair<std::string, std::string>, size_t> old_groups; // (tier id, group id) -> index
    for (size_t gi = 0; gi < op.groups.size(); ++gi)
        old_groups[{op.tiers[static_cast<size_t>(op.groups[gi].tier)].id, op.groups[gi].id}] = gi;
    std::set<size_t> matched;
    for (size_t t = 0; t < np.tiers.size(); ++t)
        for (int gi : np.groups_of_tier(static_cast<int>(t))) {
            const Group& g = np.groups[static_cast<size_t>(gi)];
            GroupDelta x{static_cast<int>(t), np.tiers[t].id, np.tiers[t].plural, np.tiers[t].name, g.id, g.name, g.weight, std::nullopt, new_r.score.group_index[static_cast<size_t>(gi)]};
            auto it = old_groups.find({np.tiers[t].id, g.id});
            if (it != old_groups.end()) {
                x.old_value = old_r.score.group_index[it->second];
                matched.insert(it->second);
            }
            d.groups.push_back(std::move(x));
        }
    for (size_t t = 0; t < op.tiers.size(); ++t)
        for (int gi : op.groups_of_tier(static_cast<int>(t))) {
            if (matched.count(static_cast<size_t>(gi))) continue;
            const Group& g = op.groups[static_cast<size_t>(gi)];
            d.groups.push_back({static_cast<int>(t), op.tiers[t].id, op.tiers[t].plural, op.tiers[t].name, g.id, g.name, g.weight, old_r.score.group_index[static_cast<size_t>(gi)], std::nullopt});
        }
    std::stable_sort(d.groups.begin(), d.groups.end(), [](const GroupDelta& a, const GroupDelta& b) { return a.tier < b.tier; });

    // Evidence: by indicator in new file order, then indicators listed only in the old file.
    std::vector<std::string> ids = indicator_ids(new_r.file);
    for (const auto& id : indicator_ids(old_r.file))
        if (!new_r.file.find(id)) ids.push_back(id);
    for (const auto& id : ids) {
        const auto& before = items_of(old_r.file, id);
        const auto& after = items_of(new_r.file, id);
        for (const auto& item : after)
            if (std::none_of(before.begin(), before.end(), [&](const EvidenceItem& b) { return same_item(item, b); }))
                d.evidence.push_back({EvidenceDelta::added, id, item});
        for (const auto& item : before)
            if (std::none_of(after.begin(), after.end(), [&](const EvidenceItem& a) { return same_item(item, a); }))
                d.evidence.push_back({EvidenceDelta::removed, id, item});
    }
    for (const auto& e : new_r.file.indicators)
        for (const auto& item : e.evidence)
            if (item.valid_until && *item.valid_until < as_of) d.evidence.push_back({EvidenceDelta::expired, e.id, item});
    return d;
}

} // namespace spbe
