// Year-over-year comparison. Indicators and groups are matched by id under one pack; across packs
// indicators are paired only through the crosswalk and groups not at all. Evidence items match by
// title or by file.
#include "analysis/diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

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

// Groups of one pack: tiers in pack order, each in pack order; groups without a partner after.
void add_groups(AgencyDiff& d, const AgencyResult& old_r, const AgencyResult& new_r) {
    const Pack& op = *old_r.pack;
    const Pack& np = *new_r.pack;
    std::map<std::pair<std::string, std::string>, size_t> old_groups; // (tier id, group id) -> index
    for (size_t gi = 0; gi < op.groups.size(); ++gi)
        old_groups[{op.tiers[static_cast<size_t>(op.groups[gi].tier)].id, op.groups[gi].id}] = gi;
    std::set<size_t> matched;
    for (size_t t = 0; t < np.tiers.size(); ++t)
        for (int gi : np.groups_of_tier(static_cast<int>(t))) {
            const Group& g = np.groups[static_cast<size_t>(gi)];
            GroupDelta x{static_cast<int>(t),
                         np.tiers[t].id,
                         np.tiers[t].plural,
                         np.tiers[t].name,
                         g.id,
                         g.name,
                         g.weight,
                         std::nullopt,
                         new_r.score.group_index[static_cast<size_t>(gi)]};
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
            d.groups.push_back({static_cast<int>(t), op.tiers[t].id, op.tiers[t].plural, op.tiers[t].name, g.id, g.name,
                                g.weight, old_r.score.group_index[static_cast<size_t>(gi)], std::nullopt});
        }
    std::stable_sort(d.groups.begin(), d.groups.end(),
                     [](const GroupDelta& a, const GroupDelta& b) { return a.tier < b.tier; });
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
    return static_cast<size_t>(
        std::count_if(indicators.begin(), indicators.end(), [&](const IndicatorDelta& d) { return d.status == s; }));
}

size_t AgencyDiff::count(EvidenceDelta::Kind k) const {
    return static_cast<size_t>(
        std::count_if(evidence.begin(), evidence.end(), [&](const EvidenceDelta& d) { return d.kind == k; }));
}

AgencyDiff diff_agencies(const AgencyResult& old_r, const AgencyResult& new_r, const Date& as_of,
                         const Crosswalk* crosswalk) {
    const Pack& op = *old_r.pack;
    const Pack& np = *new_r.pack;
    AgencyDiff d;
    d.old_index = old_r.score.index;
    d.new_index = new_r.score.index;
    d.old_predicate = old_r.score.predicate;
    d.new_predicate = new_r.score.predicate;
    d.same_pack = op.id == np.id;
    d.same_agency = old_r.file.agency.name == new_r.file.agency.name;
    d.mapped = crosswalk != nullptr;

    // The pairing of ids: the crosswalk's, or (one pack, no crosswalk) every id with itself.
    std::unordered_map<std::string, std::string> old_of, new_of;
    if (crosswalk)
        for (const auto& p : crosswalk->pairs) {
            old_of.emplace(p.new_id, p.old_id);
            new_of.emplace(p.old_id, p.new_id);
        }
    const bool identity = !crosswalk && d.same_pack;
    auto partner = [identity](const std::unordered_map<std::string, std::string>& m,
                              const std::string& id) -> const std::string* {
        if (identity) return &id;
        auto it = m.find(id);
        return it == m.end() ? nullptr : &it->second;
    };
    const auto unpaired_old = identity ? IndicatorDelta::only_old : IndicatorDelta::not_compared;
    const auto unpaired_new = identity ? IndicatorDelta::only_new : IndicatorDelta::not_compared;

    std::set<std::string> paired_old;
    for (size_t i = 0; i < np.indicators.size(); ++i) {
        const Indicator& ind = np.indicators[i];
        IndicatorDelta x{ind.id, "", ind.name, std::nullopt, np.exact(new_r.score.levels[i]), unpaired_new};
        const std::string* old_id = partner(old_of, ind.id);
        auto it = old_id ? op.indicator_index.find(*old_id) : op.indicator_index.end();
        if (it != op.indicator_index.end()) {
            x.old_id = *old_id;
            paired_old.insert(*old_id);
            x.old_level = op.exact(old_r.score.levels[static_cast<size_t>(it->second)]);
            x.status = *x.new_level > *x.old_level   ? IndicatorDelta::up
                       : *x.new_level < *x.old_level ? IndicatorDelta::down
                                                     : IndicatorDelta::unchanged;
        }
        d.indicators.push_back(std::move(x));
    }
    for (size_t i = 0; i < op.indicators.size(); ++i) {
        const Indicator& ind = op.indicators[i];
        if (paired_old.count(ind.id)) continue;
        d.indicators.push_back({ind.id, ind.id, ind.name, op.exact(old_r.score.levels[i]), std::nullopt, unpaired_old});
    }

    if (d.same_pack) add_groups(d, old_r, new_r); // group ids of two packs coincide without meaning the same group

    // Evidence: by indicator pair in new file order, then pairs whose new id the new file lacks.
    std::vector<std::pair<std::string, std::string>> pairs; // (new id, old id)
    for (const auto& e : new_r.file.indicators)
        if (const std::string* old_id = partner(old_of, e.id)) pairs.emplace_back(e.id, *old_id);
    for (const auto& e : old_r.file.indicators)
        if (const std::string* new_id = partner(new_of, e.id); new_id && !new_r.file.find(*new_id))
            pairs.emplace_back(*new_id, e.id);
    for (const auto& [new_id, old_id] : pairs) {
        const auto& before = items_of(old_r.file, old_id);
        const auto& after = items_of(new_r.file, new_id);
        for (const auto& item : after)
            if (std::none_of(before.begin(), before.end(), [&](const EvidenceItem& b) { return same_item(item, b); }))
                d.evidence.push_back({EvidenceDelta::added, new_id, item});
        for (const auto& item : before)
            if (std::none_of(after.begin(), after.end(), [&](const EvidenceItem& a) { return same_item(item, a); }))
                d.evidence.push_back({EvidenceDelta::removed, new_id, item});
    }
    for (const auto& e : new_r.file.indicators)
        for (const auto& item : e.evidence)
            if (item.valid_until && *item.valid_until < as_of)
                d.evidence.push_back({EvidenceDelta::expired, e.id, item});
    return d;
}

} // namespace spbe
