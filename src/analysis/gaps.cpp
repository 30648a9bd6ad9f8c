// Gap rows and evidence checks. Target levels for index targets reuse the exact plan, so `gaps` and
// `plan` always agree on which indicators to raise.
#include "analysis/gaps.hpp"

#include <algorithm>

namespace spbe {

EvidenceIssue evidence_issue(const EvidenceItem& item, const GapsOptions& options) {
    EvidenceIssue issue{&item, {}};
    if (item.valid_until && *item.valid_until < options.as_of) issue.problems.push_back(EvidenceProblem::expired);
    if (item.file.empty()) issue.problems.push_back(EvidenceProblem::no_file);
    else if (options.file_exists && !options.file_exists(item.file))
        issue.problems.push_back(EvidenceProblem::file_missing);
    return issue;
}

std::vector<EvidenceRow> list_evidence(const AgencyResult& agency, const GapsOptions& options) {
    std::vector<EvidenceRow> out;
    const Pack& pack = *agency.pack;
    for (size_t i = 0; i < pack.indicators.size(); ++i)
        if (const IndicatorEntry* e = agency.file.find(pack.indicators[i].id))
            for (const auto& item : e->evidence) out.push_back({static_cast<int>(i), evidence_issue(item, options)});
    return out;
}

std::vector<int> levels_at_target(const AgencyResult& agency, const GapsResult& gaps) {
    std::vector<int> levels = agency.score.levels;
    for (const auto& row : gaps.rows) levels[static_cast<size_t>(row.indicator)] = row.target;
    return levels;
}

GapsResult analyse_gaps(const AgencyResult& agency, const Target& target, const GapsOptions& options) {
    const Pack& pack = *agency.pack;
    const std::vector<int>& levels = agency.score.levels;
    size_t n = pack.indicators.size();
    GapsResult out;
    out.target = target;
    out.as_of = options.as_of;
    out.current_index = agency.score.index;
    out.current_predicate = agency.score.predicate;

    std::vector<int> goal(levels);
    if (target.kind == TargetKind::index) {
        out.plan = plan_to_index(pack, levels, efforts_from_file(pack, agency.file), target.index, std::nullopt,
                                 target.levels);
        for (size_t i = 0; i < n; ++i) goal[i] = raised_value(pack, levels[i], out.plan->raise[i]);
    } else if (target.kind == TargetKind::levels) {
        for (size_t i = 0; i < n; ++i)
            if (target.levels[i]) goal[i] = std::max(levels[i], *target.levels[i]);
    }
    out.index_after = score_levels(pack, goal).index;
    out.predicate_after = &pack.predicate_for(out.index_after);
    out.target_met = target.kind != TargetKind::index || out.index_after >= target.index;

    static const std::string empty;
    for (size_t i = 0; i < n; ++i) {
        const Indicator& ind = pack.indicators[i];
        const IndicatorEntry* e = agency.file.find(ind.id);
        // Stored values (see Pack::step) of what the file says; validated, so they convert.
        std::optional<int> self = e && e->level ? pack.value_from(*e->level) : std::nullopt;
        std::optional<int> verified = e && e->verified ? pack.value_from(*e->verified) : std::nullopt;
        if (self && verified && *self > *verified)
            out.flags.push_back(GapFlag{static_cast<int>(i), FlagKind::self_above_verified, *self, verified});
        if (self && *self >= pack.value_of_level(2) && e->evidence.empty())
            out.flags.push_back(GapFlag{static_cast<int>(i), FlagKind::claim_without_evidence, *self, verified});
        if (goal[i] <= levels[i]) continue;
        GapRow row;
        row.indicator = static_cast<int>(i);
        row.current = levels[i];
        row.self = self;
        row.verified = verified;
        row.target = goal[i];
        row.gain_level = ind.weight / pack.total_weight;
        row.gain_total = row.gain_level * pack.exact(goal[i] - levels[i]);
        row.next_level = pack.next_level(levels[i]);
        row.criteria = &pack.criteria_for(ind, row.next_level);
        auto g = ind.guide.find(row.next_level);
        row.expected_evidence = g != ind.guide.end() ? &g->second.evidence : &empty;
        row.conditions = g != ind.guide.end() ? &g->second.conditions : &empty;
        if (e)
            for (const auto& item : e->evidence) {
                EvidenceIssue issue = evidence_issue(item, options);
                if (!issue.problems.empty()) row.evidence_issues.push_back(std::move(issue));
            }
        out.rows.push_back(std::move(row));
    }
    std::stable_sort(out.rows.begin(), out.rows.end(),
                     [](const GapRow& a, const GapRow& b) { return a.gain_total > b.gain_total; });
    return out;
}

} // namespace spbe
