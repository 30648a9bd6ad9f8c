// `explain` and `rubrics` output. Long regulation texts are wrapped for the terminal and kept
// verbatim (never reworded) in every format.
#include "report/pack_report.hpp"

#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace spbe {

namespace {

// "Indeks Satu Data Indonesia (SDI, Bappenas, 0–100); nilai = 1 + 1/25 × indeks (diturunkan: …)".
std::string external_text(const ExternalIndex& x, Lang lang) {
    bool en = lang == Lang::en;
    const std::string& name = x.name.get(lang).empty() ? x.index : x.name.get(lang);
    std::string out = fmt::format("{} ({}{}{}, {}–{})", name, x.index, x.agency.empty() ? "" : ", ", x.agency,
                                  x.range_min.to_exact_string(), x.range_max.to_exact_string());
    if (x.has_conversion) {
        std::string formula = conversion_formula(x, lang);
        out += fmt::format("; {} [{}]", formula, x.grade);
        if (!x.basis.empty()) out += ". " + x.basis;
    } else {
        out += en ? "; no conversion to a level is known: give the level in the evidence file"
                  : "; konversi ke tingkat belum diketahui: isi tingkatnya di berkas bukti";
    }
    if (x.optional)
        out += en ? " (optional: the level may be scored from evidence)"
                  : " (opsional: tingkat boleh dinilai dari bukti dukung)";
    return out;
}

} // namespace

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
    if (pack.decimals > 0)
        out += fmt::format(
            "{}: {} – {} ({})\n", lang == Lang::en ? "Values" : "Nilai",
            pack.value_text(pack.value_of_level(scale.min())), pack.value_text(pack.value_of_level(scale.max())),
            lang == Lang::en ? fmt::format("{} decimals", pack.decimals) : fmt::format("{} desimal", pack.decimals));
    if (!ind.description.empty())
        out += "\n" + std::string(L.description) + ":\n" + wrap_text(ind.description, 96, "  ");
    if (!ind.question.empty()) out += "\n" + std::string(L.question) + ":\n" + wrap_text(ind.question, 96, "  ");
    if (!ind.assessment.empty()) out += "\n" + std::string(L.assessment) + ":\n" + wrap_text(ind.assessment, 96, "  ");
    if (ind.external)
        out += "\n" + std::string(L.external) + ":\n" + wrap_text(external_text(*ind.external, lang), 96, "  ");
    for (const auto& level : scale.levels) {
        out += fmt::format("\n{} {} — {}\n", L.level, level.value, terminal_safe(level.name.get(lang)));
        out += wrap_text(pack.criteria_for(ind, level.value), 96, "  ");
        if (auto it = ind.guide.find(level.value); it != ind.guide.end()) {
            const LevelGuide& g = it->second;
            if (!g.criteria_revised.empty())
                out += fmt::format("  {}:\n", L.criteria_revised) + wrap_text(g.criteria_revised, 94, "    ");
            if (!g.fulfilment.empty())
                out += fmt::format("  {}:\n", L.fulfilment) + wrap_text(g.fulfilment, 94, "    ");
            if (!g.conditions.empty())
                out += fmt::format("  {}:\n", L.conditions) + wrap_text(g.conditions, 94, "    ");
            if (!g.evidence.empty()) out += fmt::format("  {}:\n", L.evidence) + wrap_text(g.evidence, 94, "    ");
        }
    }
    if (!ind.example_evidence.empty())
        out += "\n" + std::string(L.example_evidence) + ":\n" + wrap_text(ind.example_evidence, 96, "  ");
    if (!ind.note.empty()) out += "\n" + std::string(L.note) + ":\n" + wrap_text(ind.note, 96, "  ");
    if (std::string notice = source_notice(pack, lang); !notice.empty()) out += "\n" + wrap_text(notice, 100, "");
    return out;
}

std::string render_explain_markdown(const Pack& pack, const Indicator& ind, Lang lang) {
    const Labels& L = labels(lang);
    const Scale& scale = pack.scale_of(ind);
    std::string out = fmt::format("## {} {} — {}\n\n", L.indicator, ind.id, markdown_escape(ind.name.get(lang)));
    out += fmt::format("{}  \n{}: {} % · {}: {}\n", markdown_escape(indicator_path(pack, ind, lang)), L.weight,
                       format_weight(ind.weight), L.rubric, markdown_escape(pack.id));
    if (!ind.description.empty()) out += fmt::format("\n**{}:** {}\n", L.description, markdown_escape(ind.description));
    if (!ind.question.empty()) out += fmt::format("\n**{}:** {}\n", L.question, markdown_escape(ind.question));
    if (!ind.assessment.empty()) out += fmt::format("\n**{}:** {}\n", L.assessment, markdown_escape(ind.assessment));
    if (ind.external)
        out += fmt::format("\n**{}:** {}\n", L.external, markdown_escape(external_text(*ind.external, lang)));
    // The Pedoman's "fulfilment" column, or the newer modules' "Kondisi", whichever the pack has.
    bool has_conditions =
        std::any_of(ind.guide.begin(), ind.guide.end(), [](const auto& kv) { return !kv.second.conditions.empty(); });
    out += fmt::format("\n| {} | {} | {} | {} |\n|---|---|---|---|\n", L.level, L.criteria,
                       has_conditions ? L.conditions : L.fulfilment, L.evidence);
    for (const auto& level : scale.levels) {
        const LevelGuide* g = nullptr;
        if (auto it = ind.guide.find(level.value); it != ind.guide.end()) g = &it->second;
        out += fmt::format("| {} {} | {} | {} | {} |\n", level.value, markdown_escape(level.name.get(lang)),
                           markdown_escape(pack.criteria_for(ind, level.value)),
                           g ? markdown_escape(has_conditions ? g->conditions : g->fulfilment) : "",
                           g ? markdown_escape(g->evidence) : "");
    }
    if (!ind.example_evidence.empty())
        out += fmt::format("\n**{}:** {}\n", L.example_evidence, markdown_escape(ind.example_evidence));
    if (!ind.note.empty()) out += fmt::format("\n**{}:** {}\n", L.note, markdown_escape(ind.note));
    if (std::string notice = source_notice(pack, lang); !notice.empty())
        out += fmt::format("\n*{}*\n", markdown_escape(notice));
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
    if (pack.decimals > 0 || ind.external || !ind.description.empty() || pack.source.secondary()) {
        // Fields of packs with decimals, external indices or a secondary source (absent for the others).
        w.field("description", ind.description);
        w.field("decimals", pack.decimals);
        w.field("source_status", pack.source.status);
        w.key("external");
        if (!ind.external) w.null();
        else {
            const ExternalIndex& x = *ind.external;
            w.begin_object().field("index", x.index).field("name", x.name.get(lang)).field("agency", x.agency);
            w.field("range_min", x.range_min.to_exact_string()).field("range_max", x.range_max.to_exact_string());
            w.key("conversion");
            if (!x.has_conversion) w.null();
            else
                w.begin_object()
                    .field("offset", x.offset.to_exact_string())
                    .field("factor", x.factor.to_exact_string())
                    .field("grade", x.grade)
                    .field("basis", x.basis)
                    .end_object();
            w.field("optional", x.optional).end_object();
        }
    }
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
        if (g && !g->conditions.empty()) w.field("conditions", g->conditions);
        w.end_object();
    }
    w.end_array();
    w.field("note", ind.note);
    w.end_object();
    return w.str();
}

std::string render_rubrics_table(const std::vector<const Pack*>& packs, Lang lang) {
    const bool en = lang == Lang::en;
    std::vector<std::vector<std::string>> rows{{"ID", en ? "Title" : "Judul", en ? "Source" : "Sumber",
                                                en ? "Structure" : "Struktur", en ? "Origin" : "Asal"}};
    for (const Pack* p : packs) {
        // "4 domains, 8 aspects, 47 indicators" / "4 domain, 8 aspek, 47 indikator" (Indonesian has no plural).
        std::string structure;
        for (size_t t = 0; t < p->tiers.size(); ++t) {
            std::string tier = en ? p->tiers[t].plural : p->tiers[t].name.get(Lang::id);
            std::transform(tier.begin(), tier.end(), tier.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            structure += fmt::format("{} {}, ", p->groups_of_tier(static_cast<int>(t)).size(), tier);
        }
        structure += fmt::format(fmt::runtime(en ? "{} indicators, levels {}-{}" : "{} indikator, tingkat {}-{}"),
                                 p->indicators.size(), p->min_level(), p->max_level());
        if (p->decimals > 0)
            structure += fmt::format(fmt::runtime(en ? " ({} decimals)" : " ({} desimal)"), p->decimals);
        std::string source = p->source.regulation;
        if (p->source.secondary()) source += en ? " (secondary)" : " (sekunder)";
        std::string origin = p->origin == "built-in" && !en ? "bawaan" : p->origin;
        rows.push_back({terminal_safe(p->id), terminal_safe(p->title.get(lang)), terminal_safe(source),
                        terminal_safe(structure), terminal_safe(origin)});
    }
    std::string out = render_table(rows, {}, "");
    for (const Pack* p : packs)
        if (std::string notice = source_notice(*p, lang); !notice.empty()) out += "\n" + wrap_text(notice, 100, "");
    return out;
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
        if (p->source.secondary() || p->decimals > 0) // absent for official whole-level packs
            w.field("source_status", p->source.status).field("decimals", p->decimals);
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
