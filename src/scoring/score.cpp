// Exact evaluation of the weighted index tree (PermenPANRB 59/2020 Lampiran I, B.4): innermost
// groups from indicator levels, outer groups from their children, the index from the top tier.
#include "scoring/score.hpp"

#include <algorithm>

namespace spbe {

namespace {

// Σ level × weight over the indicators of an innermost group. Weights of a group usually share a
// denominator (1.3 = 13/10 for all ten policy indicators), and then the sum is one exact fraction
// of integer sums instead of a normalised Rational per term. Levels are at most 1000 and weight
// numerators at most 18 digits, so the 128-bit sum cannot overflow for any real pack.
Rational indicator_sum(const Pack& pack, const Group& g, const std::vector<int>& levels) {
    if (g.indicators.empty()) return Rational(0);
    const Rational::Int den = pack.indicators[static_cast<size_t>(g.indicators.front())].weight.den();
    Rational::Int num = 0;
    for (int i : g.indicators) {
        const Rational& w = pack.indicators[static_cast<size_t>(i)].weight;
        if (w.den() != den) { // mixed denominators: the general path
            Rational sum;
            for (int j : g.indicators)
                sum += Rational(levels[static_cast<size_t>(j)]) * pack.indicators[static_cast<size_t>(j)].weight;
            return sum;
        }
        num += static_cast<Rational::Int>(levels[static_cast<size_t>(i)]) * w.num();
    }
    return Rational(num, den);
}

} // namespace

Score score_levels(const Pack& pack, const std::vector<int>& levels) {
    Score s;
    s.levels = levels;
    s.group_index.assign(pack.groups.size(), Rational(0));
    // Groups are stored in pre-order, so walking backwards sees every child before its parent.
    for (size_t gi = pack.groups.size(); gi-- > 0;) {
        const Group& g = pack.groups[gi];
        Rational sum = indicator_sum(pack, g, levels);
        for (int c : g.children)
            sum += s.group_index[static_cast<size_t>(c)] * pack.groups[static_cast<size_t>(c)].weight;
        s.group_index[gi] = sum / g.weight;
    }
    Rational total;
    for (size_t gi = 0; gi < pack.groups.size(); ++gi)
        if (pack.groups[gi].tier == 0) total += s.group_index[gi] * pack.groups[gi].weight;
    s.index = total / pack.total_weight;
    if (pack.step != 1) { // stored values are in steps of 1/step of a level
        for (auto& g : s.group_index) g /= Rational(pack.step);
        s.index /= Rational(pack.step);
    }
    s.predicate = &pack.predicate_for(s.index);
    return s;
}

namespace {

// Pack index of every entry of the file (-1 for ids the pack does not have).
std::vector<int> entry_indices(const Pack& pack, const EvidenceFile& file) {
    std::vector<int> out;
    out.reserve(file.indicators.size());
    for (const auto& e : file.indicators) {
        auto it = pack.indicator_index.find(e.id);
        out.push_back(it == pack.indicator_index.end() ? -1 : it->second);
    }
    return out;
}

std::optional<std::vector<int>> levels_at(const Pack& pack, const EvidenceFile& file, const std::vector<int>& indices,
                                          Basis basis) {
    std::vector<int> levels(pack.indicators.size(), 0);
    std::vector<bool> have(pack.indicators.size(), false);
    for (size_t k = 0; k < file.indicators.size(); ++k) {
        if (indices[k] < 0) continue;
        const IndicatorEntry& e = file.indicators[k];
        const Indicator& ind = pack.indicators[static_cast<size_t>(indices[k])];
        std::optional<int> value;
        if (const auto& level = e.effective(basis == Basis::self)) value = pack.value_from(*level);
        else if (e.external) value = external_value(pack, ind, *e.external);
        if (!value) return std::nullopt;
        levels[static_cast<size_t>(indices[k])] = *value;
        have[static_cast<size_t>(indices[k])] = true;
    }
    for (bool h : have)
        if (!h) return std::nullopt;
    return levels;
}

} // namespace

std::optional<std::vector<int>> levels_from_evidence(const Pack& pack, const EvidenceFile& file, Basis basis) {
    return levels_at(pack, file, entry_indices(pack, file), basis);
}

std::optional<int> external_value(const Pack& pack, const Indicator& ind, const ExternalValue& given) {
    if (!ind.external || !ind.external->has_conversion) return std::nullopt;
    const Scale& scale = pack.scale_of(ind);
    if (!given.value) return pack.value_of_level(scale.min());
    Rational v = ind.external->offset + ind.external->factor * *given.value;
    v = std::clamp(v, Rational(scale.min()), Rational(scale.max()));
    Rational steps = v * Rational(pack.step) + Rational(1, 2); // half-up: values are positive
    return static_cast<int>(steps.floor());
}

Rational index_contribution(const Pack& pack, int indicator, int value) {
    return Rational(value) * pack.indicators[static_cast<size_t>(indicator)].weight /
           (pack.total_weight * Rational(pack.step));
}

} // namespace spbe

namespace spbe {

std::optional<AgencyResult> score_evidence(const Pack& pack, EvidenceFile file, Basis basis) {
    const std::vector<int> indices = entry_indices(pack, file); // one id lookup per entry for both bases
    auto levels = levels_at(pack, file, indices, basis);
    if (!levels) return std::nullopt;
    AgencyResult r;
    r.pack = &pack;
    r.basis = basis;
    r.score = score_levels(pack, *levels);
    Basis other_basis = basis == Basis::self ? Basis::verified : Basis::self;
    if (auto other = levels_at(pack, file, indices, other_basis); other && *other != *levels)
        r.other = score_levels(pack, *other);
    r.path = file.path;
    r.file = std::move(file);
    return r;
}

} // namespace spbe
