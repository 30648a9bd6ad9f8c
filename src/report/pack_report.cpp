// `explain` and `rubrics` output. Long regulation texts are wrapped for the terminal and kept
// verbatim (never reworded) in every format.
#include "report/pack_report.hpp"

#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

namespace spbe {

std::string indicator_path(const Pack& pack, const Indicator& ind, Lang lang) {
    std::vector<int> chain;
    for (int g = ind.group; g >= 0; g = pack.groups[static_cast<size_t>(g)].parent) chain.insert(chain.begin(), g);
    std::string out;
    for (int g : chain) {
        const Group& grp = pack.groups[static_cast<size_t>(g)];
        if (!out.empty()) out += " › ";
        out += fmt::format("{} {} {}", pack.tiers[static_cast<size_t>(grp.tier)].name.get(lang),
                           grp.number ? std::to_string(*grp.number) : grp.id, grp.name.get(lang));
    }
    return out;
}

std::string render_explain_table(const Pack& pack, const Indicator& ind, Lang lang) {
    const Labels& L = labels(lang);
    const Scale& scale = pack.scale_of(ind);
    std::string out = fmt::format("{} {} · {}\n", L.indicator, terminal_safe(ind.id), terminal_safe(pack.id));
    out += wrap_text(ind.name.get(lang), 100, "");
    out += terminal_safe(indicator_path(pack, ind, lang)) + "\n";
    Rational gain = ind.weight / pack.total_weight;
    out += fmt::format("{}: {} % ({} {})\n", L.weight, format_weight(ind.weight),
                       lang == Lang::en ? "one level adds to the index:" : "satu tingkat menambah indeks:",
                       "+" + gain.to_exact_string());
    out +=
        fmt::format("{}: {}\n", L.scale, terminal_safe(scale.name.get(lang).empty() ? scale.id : scale.name.get(lang)));
    if (!ind.question.empty()) out += "\n" + std::string(L.question) + ":\n" + wrap_text(ind.question, 96, "  ");
    if (!ind.assessment.empty()) out += "\n" + std::string(L.assessment) + ":\n" + wrap_text(ind.assessment, 96, "  ");
    for (const auto& level : scale.levels) {
        out += fmt::format("\n{} {} — {}\n", L.level, level.value, terminal_safe(level.name.get(lang)));
        out += wrap_text(pack.criteria_for(ind, level.value), 96, "  ");
        if (auto it = ind.guide.find(level.value); it != ind.guide.end()) {
            const LevelGuide& g = it->second;
            if (!g.criteria_revised.empty())
                out += fmt::format("  {}:\n", L.criteria_revised) + wrap_text(g.criteria_revised, 94, "    ");
            if (!g.fulfilment.empty())
                out += fmt::format("  {}:\n", L.fulfilment) + wrap_text(g.fulfilment, 94, "    ");
            if (!g.evidence.empty()) out += fmt::format("  {}:\n", L.evidence) + wrap_text(g.evidence, 94, "    ");
        }
    }
    if (!ind.example_evidence.empty())
        out += "\n" + std::string(L.example_evidence) + ":\n" + wrap_text(ind.example_evidence, 96, "  ");
    if (!ind.note.empty()) out += "\n" + std::string(L.note) + ":\n" + wrap_text(ind.note, 96, "  ");
    return out;
}

std::string render_explain_markdown(const Pack& pack, const Indicator& ind, Lang lang) {
    const Labels& L = labels(lang);
    const Scale& scale = pack.scale_of(ind);
    std::string out = fmt::format("## {} {} — {}\n\n", L.indicator, ind.id, markdown_escape(ind.name.get(lang)));
    out += fmt::format("{}  \n{}: {} % · {}: {}\n", markdown_escape(indicator_path(pack, ind, lang)), L.weight,
                       format_weight(ind.weight), L.rubric, markdown_escape(pack.id));
    if (!ind.question.empty()) out += fmt::format("\n**{}:** {}\n", L.question, markdown_escape(ind.question));
    if (!ind.assessment.empty()) out += fmt::format("\n**{}:** {}\n", L.assessment, markdown_escape(ind.assessment));
    out += fmt::format("\n| {} | {} | {} | {} |\n|---|---|---|---|\n", L.level, L.criteria, L.fulfilment, L.evidence);
    for (const auto& level : scale.levels) {
        const LevelGuide* g = nullptr;
        if (auto it = ind.guide.find(level.value); it != ind.guide.end()) g = &it->second;
        out += fmt::format("| {} {} | {} | {} | {} |\n", level.value, markdown_escape(level.name.get(lang)),
                           markdown_escape(pack.criteria_for(ind, level.value)),
                           g ? markdown_escape(g->fulfilment) : "", g ? markdown_escape(g->evidence) : "");
    }
    if (!ind.example_evidence.empty())
        out += fmt::format("\n**{}:** {}\n", L.example_evidence, markdown_escape(ind.example_evidence));
    return out;
}

std::string render_explain_json(const Pack& pack, const Indicator& ind, Lang lang) {
    JsonWriter w;
    const Scale& scale = pack.scale_of(ind);
    w.begin_object();
    w.field("schema", "spbe.explain/1");
    w.field("rubric", pack.id);
    w.field("id", ind.id);
    w.field("name", ind.name.get(lang));
    for (int g = ind.group; g >= 0; g = pack.groups[static_cast<size_t>(g)].parent) {
        const Group& grp = pack.groups[static_cast<size_t>(g)];
        w.key(pack.tiers[static_cast<size_t>(grp.tier)].id)
            .begin_object()
            .field("id", grp.id)
            .field("name", grp.name.get(lang))
            .end_object();
    }
    w.key("weight").raw_number(json_number(ind.weight));
    w.field("weight_exact", ind.weight.to_exact_string());
    w.field("index_gain_per_level", (ind.weight / pack.total_weight).to_exact_string());
    w.field("scale", scale.id);
    w.field("question", ind.question);
    w.field("assessment", ind.assessment);
    w.field("example_evidence", ind.example_evidence);
    w.key("levels").begin_array();
    for (const auto& level : scale.levels) {
        w.begin_object();
        w.field("level", level.value);
        w.field("name", level.name.get(lang));
        w.field("criteria", pack.criteria_for(ind, level.value));
        const LevelGuide* g = nullptr;
        if (auto it = ind.guide.find(level.value); it != ind.guide.end()) g = &it->second;
        w.field("criteria_2024", g ? g->criteria_revised : "");
        w.field("fulfilment", g ? g->fulfilment : "");
        w.field("expected_evidence", g ? g->evidence : "");
        w.end_object();
    }
    w.end_array();
    w.field("note", ind.note);
    w.end_object();
    return w.str();
}

std::string render_rubrics_table(const std::vector<const Pack*>& packs, Lang lang) {
    std::vector<std::vector<std::string>> rows{
        {"id", lang == Lang::en ? "title" : "judul", lang == Lang::en ? "source" : "sumber",
         lang == Lang::en ? "structure" : "struktur", lang == Lang::en ? "origin" : "asal"}};
    for (const Pack* p : packs) {
        std::string structure;
        for (size_t t = 0; t < p->tiers.size(); ++t)
            structure += fmt::format("{} {}, ", p->groups_of_tier(static_cast<int>(t)).size(), p->tiers[t].plural);
        structure += fmt::format("{} indicators, levels {}-{}", p->indicators.size(), p->min_level(), p->max_level());
        rows.push_back({terminal_safe(p->id), terminal_safe(p->title.get(lang)), terminal_safe(p->source.regulation),
                        terminal_safe(structure), terminal_safe(p->origin)});
    }
    return render_table(rows, {}, "");
}

std::string render_rubrics_json(const std::vector<const Pack*>& packs, Lang lang) {
    JsonWriter w;
    w.begin_object().field("schema", "spbe.rubrics/1").key("rubrics").begin_array();
    for (const Pack* p : packs) {
        w.begin_object();
        w.field("id", p->id)
            .field("title", p->title.get(lang))
            .field("regulation", p->source.regulation)
            .field("date", p->source.date)
            .field("origin", p->origin);
        w.key("tiers").begin_array();
        for (size_t t = 0; t < p->tiers.size(); ++t)
            w.begin_object()
                .field("id", p->tiers[t].id)
                .field("count", static_cast<long long>(p->groups_of_tier(static_cast<int>(t)).size()))
                .end_object();
        w.end_array();
        w.field("indicators", static_cast<long long>(p->indicators.size()));
        w.field("min_level", p->min_level()).field("max_level", p->max_level());
        w.key("predicates").begin_array();
        for (const auto& pr : p->predicates)
            w.begin_object().field("name", pr.name.get(lang)).field("min", pr.min.to_exact_string()).end_object();
        w.end_array();
        w.end_object();
    }
    w.end_array().end_object();
    return w.str();
}

} // namespace spbe
