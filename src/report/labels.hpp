// User-facing labels of the reports in Bahasa Indonesia and English, and the one mechanism every
// report's own labels use. Names of domains, aspects, indicators and predicates come from the
// rubric pack, not from here.
#pragma once

#include "model/pack.hpp"
#include "model/text.hpp"

#include <cstddef>
#include <string>
#include <utility>

namespace spbe {

// One label in both languages.
struct Label {
    const char* id;
    const char* en;

    constexpr const char* get(Lang lang) const { return lang == Lang::en ? en : id; }
};

// A report's labels: `Set` is a struct of `const char*` fields, built once per language from one Label per field in
// field order, so that each id text stands beside its English one and renderers read `L.weight` without a language.
template <class Set>
class LabelSet {
public:
    template <std::size_t N>
    explicit LabelSet(const Label (&labels)[N]) : id_(pick(labels, Lang::id)), en_(pick(labels, Lang::en)) {
        static_assert(sizeof(Set) == N * sizeof(const char*), "one Label for every field of the label struct");
    }

    const Set& get(Lang lang) const { return lang == Lang::en ? en_ : id_; }

private:
    template <std::size_t N>
    static Set pick(const Label (&labels)[N], Lang lang) {
        return [&]<std::size_t... I>(std::index_sequence<I...>) { return Set{labels[I].get(lang)...}; }
        (std::make_index_sequence<N>{});
    }

    Set id_, en_;
};

// The labels most reports share.
struct Labels {
    const char* weight;
    const char* index;
    const char* predicate;
    const char* indicator;
    const char* level;
    const char* self;
    const char* verified;
    const char* contribution;
    const char* rubric;
    const char* year;
    const char* agency;
    const char* self_index;
    const char* verified_index;
    const char* question;
    const char* criteria;
    const char* fulfilment;
    const char* evidence;
    const char* assessment;
    const char* example_evidence;
    const char* criteria_revised;
    const char* scale;
    const char* note;
    const char* conditions;
    const char* description;
    const char* external;
    const char* secondary; // "{}" is the pack id, "{}" its regulation
};

const Labels& labels(Lang lang);

// The footer line of every report on a pack that is not from the regulation's own text (empty for
// official packs): the numbers must be checked before they go into a letter.
std::string source_notice(const Pack& pack, Lang lang);
// "nilai = 1 + 0.04 × indeks" / "value = index": an external index's conversion (explain, init).
std::string conversion_formula(const ExternalIndex& x, Lang lang);

// The notice as the last paragraph of a table or Markdown report (empty for official packs).
std::string source_footer(const Pack& pack, Lang lang, bool markdown);

} // namespace spbe
