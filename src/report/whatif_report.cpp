// What-if renderers. Every value is shown before and after at the pack's precision, with the exact
// difference rounded separately (so "1.03 → 1.00 (-0.03)" is the rounded exact -0.025).
#include "report/whatif_report.hpp"

#include "report/delta_format.hpp"
#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/predicate_json.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

namespace spbe {

namespace {

struct WhatIfLabels {
    const char* note;
    const char* changes;
    const char* current;
    const char* simulated;
    const char* change;
    const char* unchanged;
    const char* index_change;
};

const WhatIfLabels& wl(Lang lang) {
    static const LabelSet<WhatIfLabels> set({
        {"Simulasi; berkas tidak diubah.", "What-if simulation; the file is not changed."}, // note
        {"Tingkat yang disimulasikan", "Simulated levels"},                                 // changes
        {"Sekarang", "Current"},                                                            // current
        {"Simulasi", "What-if"},                                                            // simulated
        {"Selisih", "Change"},                                                              // change
        {"tetap", "unchanged"},                                                             // unchanged
        {"Selisih indeks", "Index change"},                                                 // index_change
    });
    return set.get(lang);
}

std::string pct(const Rational& w) { return format_weight(w) + " %"; }

std::string group_label(const Group& g, Lang lang) {
    return g.tier == 0 ? g.name.get(lang) : g.id + " " + g.name.get(lang);
}

std::string predicate_change(const Predicate& a, const Predicate& b, Lang lang) {
    if (&a == &b) return a.name.get(lang);
    return a.name.get(lang) + " → " + b.name.get(lang);
}

std::string level_change(const Pack& pack, const LevelChange& c, Lang lang) {
    if (c.from == c.to) return fmt::format("{} ({})", pack.value_text(c.to), wl(lang).unchanged);
    return fmt::format("{} → {}", pack.value_text(c.from), pack.value_text(c.to));
}

// Exact change of the index from one indicator's new level, e.g. "+0.015".
Rational change_contribution(const Pack& pack, const LevelChange& c) {
    return index_contribution(pack, c.indicator, c.to) - index_contribution(pack, c.indicator, c.from);
}

} // namespace

std::string render_whatif_table(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt) {
    const Pack& pack = *base.pack;
    const Labels& L = labels(opt.lang);
    const WhatIfLabels& W = wl(opt.lang);
    int prec = pack.precision;
    std::string out = colorize(agency_heading(base), Color::bold, opt.color) + "\n" + W.note + "\n\n";

    std::vector<std::vector<std::string>> rows{{L.indicator, "", L.level, W.index_change}};
    for (const auto& c : w.changes) {
        const Indicator& ind = pack.indicators[static_cast<size_t>(c.indicator)];
        rows.push_back({terminal_safe(ind.id), truncate(terminal_safe(ind.name.get(opt.lang)), 50),
                        level_change(pack, c, opt.lang), signed_exact(change_contribution(pack, c))});
    }
    out += W.changes + std::string(":\n") + render_table(rows, {true, false, false, true});

    const Predicate& pb = *w.before.predicate;
    const Predicate& pa = *w.after.predicate;
    out += fmt::format("\n{} {} → {}  ({})  {}\n", terminal_safe(pack.index_name.get(opt.lang)),
                       w.before.index.to_fixed(prec), colorize(w.after.index.to_fixed(prec), Color::bold, opt.color),
                       signed_delta(w.index_delta(), prec),
                       colorize(predicate_change(pb, pa, opt.lang), predicate_color(pack, pa), opt.color));

    for (size_t tier = 0; tier < pack.tiers.size(); ++tier) {
        std::vector<std::vector<std::string>> grows;
        std::vector<std::string> header{terminal_safe(pack.tiers[tier].name.get(opt.lang)), L.weight, W.current,
                                        W.simulated, W.change};
        if (tier == 0) header.push_back(L.predicate);
        grows.push_back(header);
        for (int gi : pack.groups_of_tier(static_cast<int>(tier))) {
            size_t g = static_cast<size_t>(gi);
            const Group& grp = pack.groups[g];
            std::vector<std::string> row{terminal_safe(group_label(grp, opt.lang)), pct(grp.weight),
                                         w.before.group_index[g].to_fixed(prec), w.after.group_index[g].to_fixed(prec),
                                         signed_delta(w.group_delta(g), prec)};
            if (tier == 0)
                row.push_back(terminal_safe(predicate_change(pack.predicate_for(w.before.group_index[g]),
                                                             pack.predicate_for(w.after.group_index[g]), opt.lang)));
            grows.push_back(row);
        }
        out += "\n" + render_table(grows, {false, true, true, true, true, false});
    }
    return out + source_footer(pack, opt.lang, false);
}

std::string render_whatif_json(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt) {
    const Pack& pack = *base.pack;
    int prec = pack.precision;
    JsonWriter j;
    j.begin_object();
    j.field("schema", kWhatIfJsonSchema);
    j.field("file", base.path);
    j.field("rubric", pack.id);
    j.key("agency").begin_object();
    j.field("name", base.file.agency.name);
    for (auto [k, v] : {std::pair{"code", &base.file.agency.code},
                        {"type", &base.file.agency.type},
                        {"province", &base.file.agency.province}}) {
        j.key(k);
        if (v->empty()) j.null();
        else j.value(*v);
    }
    j.end_object();
    j.key("year");
    if (base.file.year) j.value(*base.file.year);
    else j.null();
    j.field("basis", basis_name(base.basis));

    j.key("changes").begin_array();
    for (const auto& c : w.changes) {
        const Indicator& ind = pack.indicators[static_cast<size_t>(c.indicator)];
        Rational contrib = change_contribution(pack, c);
        j.begin_object();
        j.field("id", ind.id);
        j.field(pack.tiers.back().id, pack.groups[static_cast<size_t>(ind.group)].id);
        j.field("name", ind.name.get(opt.lang));
        j.key("from").raw_number(pack.exact(c.from).to_exact_string());
        j.key("to").raw_number(pack.exact(c.to).to_exact_string());
        j.key("index_delta_exact").value(contrib.to_exact_string());
        j.end_object();
    }
    j.end_array();

    auto values = [&](const Rational& before, const Rational& after) {
        j.key("before").raw_number(before.to_fixed(prec));
        j.field("before_exact", before.to_exact_string());
        j.key("after").raw_number(after.to_fixed(prec));
        j.field("after_exact", after.to_exact_string());
        j.key("delta").raw_number(json_delta(after - before, prec));
        j.field("delta_exact", (after - before).to_exact_string());
    };
    j.key("index").begin_object();
    values(w.before.index, w.after.index);
    j.end_object();
    j.key("predicate").begin_object();
    write_predicate(j, *w.before.predicate, opt.lang, "before");
    write_predicate(j, *w.after.predicate, opt.lang, "after");
    j.field("changed", w.predicate_changed());
    j.end_object();

    for (size_t tier = 0; tier < pack.tiers.size(); ++tier) {
        j.key(pack.tiers[tier].plural).begin_array();
        for (int gi : pack.groups_of_tier(static_cast<int>(tier))) {
            size_t g = static_cast<size_t>(gi);
            const Group& grp = pack.groups[g];
            j.begin_object();
            j.field("id", grp.id);
            if (grp.parent >= 0) j.field(pack.tiers[tier - 1].id, pack.groups[static_cast<size_t>(grp.parent)].id);
            j.field("name", grp.name.get(opt.lang));
            j.key("weight").raw_number(json_number(grp.weight));
            values(w.before.group_index[g], w.after.group_index[g]);
            j.field("predicate_before", pack.predicate_for(w.before.group_index[g]).name.get(opt.lang));
            j.field("predicate_after", pack.predicate_for(w.after.group_index[g]).name.get(opt.lang));
            j.end_object();
        }
        j.end_array();
    }
    j.end_object();
    return j.str();
}

std::string render_whatif_csv(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt) {
    // One table for everything: a `kind` column says whether the row is a simulated indicator (values
    // are levels), the index, or a group of a tier (values are indices).
    const Pack& pack = *base.pack;
    int prec = pack.precision;
    std::string out = csv_row({"kind", "id", "name", "before", "after", "delta", "before_exact", "after_exact",
                               "delta_exact", "predicate_before", "predicate_after"});
    for (const auto& c : w.changes) {
        const Indicator& ind = pack.indicators[static_cast<size_t>(c.indicator)];
        out += csv_row({"indicator", ind.id, ind.name.get(opt.lang), csv_number(pack.value_text(c.from)),
                        csv_number(pack.value_text(c.to)), csv_number(signed_exact(pack.exact(c.to - c.from))), "", "",
                        csv_number(change_contribution(pack, c).to_exact_string()), "", ""});
    }
    auto row = [&](const std::string& kind, const std::string& id, const std::string& name, const Rational& b,
                   const Rational& a) {
        out += csv_row({kind, id, name, csv_number(b.to_fixed(prec)), csv_number(a.to_fixed(prec)),
                        csv_number(signed_delta(a - b, prec)), csv_number(b.to_exact_string()),
                        csv_number(a.to_exact_string()), csv_number((a - b).to_exact_string()),
                        pack.predicate_for(b).name.get(opt.lang), pack.predicate_for(a).name.get(opt.lang)});
    };
    row("index", "", pack.index_name.get(opt.lang), w.before.index, w.after.index);
    for (size_t tier = 0; tier < pack.tiers.size(); ++tier)
        for (int gi : pack.groups_of_tier(static_cast<int>(tier))) {
            size_t g = static_cast<size_t>(gi);
            row(pack.tiers[tier].id, pack.groups[g].id, pack.groups[g].name.get(opt.lang), w.before.group_index[g],
                w.after.group_index[g]);
        }
    return out;
}

std::string render_whatif_markdown(const AgencyResult& base, const WhatIf& w, const ReportOptions& opt) {
    const Pack& pack = *base.pack;
    const Labels& L = labels(opt.lang);
    const WhatIfLabels& W = wl(opt.lang);
    int prec = pack.precision;
    std::string out = fmt::format("## {}\n\n{}\n\n", markdown_escape(agency_heading(base)), W.note);
    out += fmt::format("| {} | | {} | {} |\n|---:|---|---|---:|\n", L.indicator, L.level, W.index_change);
    for (const auto& c : w.changes) {
        const Indicator& ind = pack.indicators[static_cast<size_t>(c.indicator)];
        out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(ind.id), markdown_escape(ind.name.get(opt.lang)),
                           level_change(pack, c, opt.lang), signed_exact(change_contribution(pack, c)));
    }
    out += fmt::format("\n**{} {} → {} ({}) — {}**\n", markdown_escape(pack.index_name.get(opt.lang)),
                       w.before.index.to_fixed(prec), w.after.index.to_fixed(prec), signed_delta(w.index_delta(), prec),
                       markdown_escape(predicate_change(*w.before.predicate, *w.after.predicate, opt.lang)));
    for (size_t tier = 0; tier < pack.tiers.size(); ++tier) {
        bool top = tier == 0;
        out += fmt::format("\n| {} | {} | {} | {} | {} |{}\n", markdown_escape(pack.tiers[tier].name.get(opt.lang)),
                           L.weight, W.current, W.simulated, W.change, top ? fmt::format(" {} |", L.predicate) : "");
        out += top ? "|---|---:|---:|---:|---:|---|\n" : "|---|---:|---:|---:|---:|\n";
        for (int gi : pack.groups_of_tier(static_cast<int>(tier))) {
            size_t g = static_cast<size_t>(gi);
            const Group& grp = pack.groups[g];
            out += fmt::format("| {} | {} | {} | {} | {} |{}\n", markdown_escape(group_label(grp, opt.lang)),
                               pct(grp.weight), w.before.group_index[g].to_fixed(prec),
                               w.after.group_index[g].to_fixed(prec), signed_delta(w.group_delta(g), prec),
                               top ? fmt::format(" {} |", markdown_escape(predicate_change(
                                                              pack.predicate_for(w.before.group_index[g]),
                                                              pack.predicate_for(w.after.group_index[g]), opt.lang)))
                                   : "");
        }
    }
    return out + source_footer(pack, opt.lang, true);
}

} // namespace spbe
