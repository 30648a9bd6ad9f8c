// The cohort behind `spbe report DIR`: members grouped by pack, ranked, their over-claiming measured
// and their indices counted in tenths, all exactly (display rounding is the report's business).
#include "analysis/cohort.hpp"

#include <algorithm>
#include <map>

namespace spbe {

CohortMember make_cohort_member(const AgencyResult& r) {
    CohortMember m;
    m.path = r.path;
    m.pack = r.pack;
    m.agency = r.file.agency;
    m.year = r.file.year;
    m.index = r.score.index;
    m.predicate = r.score.predicate;
    m.group_index = r.score.group_index;
    const Score& other = r.other ? *r.other : r.score;
    m.self_index = r.basis == Basis::self ? r.score.index : other.index;
    m.verified_index = r.basis == Basis::verified ? r.score.index : other.index;
    m.verified_any = std::any_of(r.file.indicators.begin(), r.file.indicators.end(),
                                 [](const IndicatorEntry& e) { return e.verified.has_value(); });
    return m;
}

size_t histogram_bin(const Rational& index, const Rational& low, size_t bins) {
    Rational::Int bin = ((index - low) * Rational(10)).floor();
    if (bin < 0) return 0;
    return std::min(static_cast<size_t>(bin), bins - 1);
}

Cohort build_cohort(std::vector<CohortMember> members, GroupBy group_by) {
    Cohort out;
    out.scored = members.size();
    BatchSummarizer summarizer(group_by, members.size());
    std::map<std::string, CohortPack> by_pack;
    for (auto& m : members) {
        summarizer.add(*m.pack, m.agency, m.year, m.index, m.path);
        CohortPack& p = by_pack[m.pack->id];
        p.pack = m.pack;
        p.members.push_back(std::move(m));
    }
    BatchSummary summary = summarizer.finish(0);
    for (auto& [id, p] : by_pack) {
        std::stable_sort(p.members.begin(), p.members.end(), [](const CohortMember& a, const CohortMember& b) {
            return a.index != b.index ? a.index > b.index : a.path < b.path;
        });
        p.ranks = competition_ranks(p.members, [](const CohortMember& m) { return m.index; });
        for (auto& s : summary.rubrics)
            if (s.pack == p.pack) p.summary = s;
        Rational total;
        for (size_t i = 0; i < p.members.size(); ++i) {
            const CohortMember& m = p.members[i];
            if (!m.verified_any) continue;
            ++p.verified_count;
            Rational diff = m.self_index - m.verified_index;
            total += diff;
            if (diff > Rational(0)) ++p.over_claimed;
            p.by_inflation.push_back(i);
        }
        if (p.verified_count) p.mean_inflation = total / Rational(static_cast<long long>(p.verified_count));
        std::stable_sort(p.by_inflation.begin(), p.by_inflation.end(), [&](size_t a, size_t b) {
            return p.members[a].self_index - p.members[a].verified_index >
                   p.members[b].self_index - p.members[b].verified_index;
        });
        p.histogram_low = Rational(p.pack->min_level());
        size_t bins = static_cast<size_t>(std::max(1, (p.pack->max_level() - p.pack->min_level()) * 10));
        p.histogram.assign(bins, 0);
        for (const auto& m : p.members) ++p.histogram[histogram_bin(m.index, p.histogram_low, bins)];
        out.packs.push_back(std::move(p));
    }
    return out;
}

} // namespace spbe
