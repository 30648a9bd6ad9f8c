// `spbe plan` output: one line per one-level step in the plan's display order, the running index
// at the pack's precision (the predicate is always taken from the exact value).
#include "report/plan_report.hpp"

#include "report/gaps_report.hpp"
#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/predicate_json.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

namespace spbe {

namespace {

struct PlanLabels {
    const char* summary;     // {steps} {effort} {index} {predicate}
    const char* unreachable; // {best}
    const char* limit;       // {n}
    const char* max_reached; // {predicate}
    const char* already_met;
    const char* name;
    const char* from;
    const char* to;
    const char* effort;
    const char* gain;
};

const PlanLabels& plan_labels(Lang lang) {
    static const LabelSet<PlanLabels> set({
        {"Rencana: {} langkah, upaya total {} → {}  {}", "Plan: {} steps, total effort {} → {}  {}"}, // summary
        // unreachable
        {"Target tidak dapat dicapai; indeks tertinggi yang mungkin: {}",
         "The target cannot be reached; highest possible index: {}"},
        {" (paling banyak {} langkah)", " (at most {} steps)"}, // limit
        // max_reached
        {"Predikat tertinggi ({}) sudah tercapai; tidak ada yang perlu ditingkatkan.",
         "The highest predicate ({}) is already reached; nothing to raise."},
        {"Target sudah tercapai; tidak perlu langkah apa pun.", "The target is already met; no steps needed."},
        {"Nama", "Name"},     // name
        {"Dari", "From"},     // from
        {"Ke", "To"},         // to
        {"Upaya", "Effort"},  // effort
        {"Kenaikan", "Gain"}, // gain
    });
    return set.get(lang);
}

std::vector<std::string> summary_lines(const PlanView& v, Lang lang) {
    const AgencyResult& r = *v.agency;
    const Pack& pack = *r.pack;
    const PlanLabels& P = plan_labels(lang);
    std::vector<std::string> lines;
    if (!v.plan) {
        lines.push_back(fmt::format(fmt::runtime(P.max_reached), r.score.predicate->name.get(lang)));
        return lines;
    }
    lines.push_back(fmt::format("{}: {}", "Target", target_description(pack, v.target, lang)));
    const Plan& p = *v.plan;
    if (p.steps.empty() && p.reachable) {
        lines.push_back(P.already_met);
        return lines;
    }
    lines.push_back(fmt::format(fmt::runtime(P.summary), p.steps.size(), p.total_effort.to_exact_string(),
                                p.final_index.to_fixed(pack.precision),
                                pack.predicate_for(p.final_index).name.get(lang)));
    if (!p.reachable) {
        std::string line = fmt::format(fmt::runtime(P.unreachable), p.best_possible.to_fixed(pack.precision));
        if (v.max_steps) line += fmt::format(fmt::runtime(P.limit), *v.max_steps);
        lines.push_back(line);
    }
    return lines;
}

void write_index_object(JsonWriter& w, const char* key, const Pack& pack, const Rational& x, Lang lang) {
    w.key(key).begin_object();
    w.key("index").raw_number(x.to_fixed(pack.precision));
    w.field("index_exact", x.to_exact_string());
    write_predicate(w, pack.predicate_for(x), lang);
    w.end_object();
}

} // namespace

std::string render_plan_table(const PlanView& v, const ReportOptions& opt) {
    const AgencyResult& r = *v.agency;
    const Pack& pack = *r.pack;
    const Labels& L = labels(opt.lang);
    const PlanLabels& P = plan_labels(opt.lang);
    std::string out = colorize(agency_heading(r), Color::bold, opt.color) + "\n";
    out += fmt::format(
        "{} {}  {}\n", terminal_safe(pack.index_name.get(opt.lang)),
        colorize(r.score.index.to_fixed(pack.precision), Color::bold, opt.color),
        colorize(r.score.predicate->name.get(opt.lang), predicate_color(pack, *r.score.predicate), opt.color));
    for (const auto& line : summary_lines(v, opt.lang)) out += terminal_safe(line) + "\n";
    if (v.plan && !v.plan->steps.empty()) {
        std::vector<std::vector<std::string>> rows;
        rows.push_back({"#", L.indicator, P.name, P.from, P.to, P.effort, P.gain, L.index, L.predicate});
        int n = 0;
        for (const auto& st : v.plan->steps) {
            const Indicator& ind = pack.indicators[static_cast<size_t>(st.indicator)];
            rows.push_back({std::to_string(++n), terminal_safe(ind.id),
                            truncate(terminal_safe(ind.name.get(opt.lang)), 48), pack.value_text(st.from),
                            pack.value_text(st.to), st.effort.to_exact_string(), st.gain.to_exact_string(),
                            st.index_after.to_fixed(pack.precision),
                            colorize(st.predicate_after->name.get(opt.lang), predicate_color(pack, *st.predicate_after),
                                     opt.color)});
        }
        out += "\n" + render_table(rows, {true, true, false, true, true, true, true, true, false});
    }
    return out + source_footer(pack, opt.lang, false);
}

std::string render_plan_json(const PlanView& v, const ReportOptions& opt) {
    const AgencyResult& r = *v.agency;
    const Pack& pack = *r.pack;
    JsonWriter w;
    w.begin_object();
    w.field("schema", kPlanJsonSchema);
    write_file_fields_json(w, r);
    w.key("index").raw_number(r.score.index.to_fixed(pack.precision));
    w.field("index_exact", r.score.index.to_exact_string());
    write_predicate(w, *r.score.predicate, opt.lang);
    write_target_json(w, pack, v.target, opt.lang);
    w.key("max_steps");
    if (v.max_steps) w.value(*v.max_steps);
    else w.null();
    const Plan* p = v.plan ? &*v.plan : nullptr;
    w.field("reachable", p ? p->reachable : true);
    write_index_object(w, "final", pack, p ? p->final_index : r.score.index, opt.lang);
    write_index_object(w, "best_possible", pack, p ? p->best_possible : r.score.index, opt.lang);
    Rational effort = p ? p->total_effort : Rational(0);
    w.key("total_effort").raw_number(json_number(effort));
    w.field("total_effort_exact", effort.to_exact_string());
    w.key("steps").begin_array();
    if (p) {
        int n = 0;
        for (const auto& st : p->steps) {
            const Indicator& ind = pack.indicators[static_cast<size_t>(st.indicator)];
            w.begin_object();
            w.field("step", ++n);
            w.field("id", ind.id);
            w.field("name", ind.name.get(opt.lang));
            for (size_t t = 0; t < pack.tiers.size(); ++t)
                w.field(pack.tiers[t].id,
                        pack.groups[static_cast<size_t>(pack.ancestor_at(ind.group, static_cast<int>(t)))].id);
            w.key("from").raw_number(pack.exact(st.from).to_exact_string());
            w.key("to").raw_number(pack.exact(st.to).to_exact_string());
            w.key("effort").raw_number(json_number(st.effort));
            w.field("effort_exact", st.effort.to_exact_string());
            w.key("gain").raw_number(json_number(st.gain));
            w.field("gain_exact", st.gain.to_exact_string());
            w.key("index").raw_number(st.index_after.to_fixed(pack.precision));
            w.field("index_exact", st.index_after.to_exact_string());
            write_predicate(w, *st.predicate_after, opt.lang);
            w.end_object();
        }
    }
    w.end_array();
    w.end_object();
    return w.str();
}

std::string render_plan_csv(const PlanView& v, const ReportOptions& opt) {
    const AgencyResult& r = *v.agency;
    const Pack& pack = *r.pack;
    std::string out =
        csv_row({"file", "step", "id", "name", "from", "to", "effort", "gain", "index", "index_exact", "predicate"});
    if (!v.plan) return out;
    int n = 0;
    for (const auto& st : v.plan->steps) {
        const Indicator& ind = pack.indicators[static_cast<size_t>(st.indicator)];
        out += csv_row({r.path, csv_number(std::to_string(++n)), ind.id, ind.name.get(opt.lang),
                        csv_number(pack.value_text(st.from)), csv_number(pack.value_text(st.to)),
                        csv_number(st.effort.to_exact_string()), csv_number(st.gain.to_exact_string()),
                        csv_number(st.index_after.to_fixed(pack.precision)),
                        csv_number(st.index_after.to_exact_string()), st.predicate_after->name.get(opt.lang)});
    }
    return out;
}

std::string render_plan_markdown(const PlanView& v, const ReportOptions& opt) {
    const AgencyResult& r = *v.agency;
    const Pack& pack = *r.pack;
    const Labels& L = labels(opt.lang);
    const PlanLabels& P = plan_labels(opt.lang);
    std::string out = fmt::format("## {}\n\n", markdown_escape(agency_heading(r)));
    out += fmt::format("**{} {} — {}**\n\n", markdown_escape(pack.index_name.get(opt.lang)),
                       r.score.index.to_fixed(pack.precision), markdown_escape(r.score.predicate->name.get(opt.lang)));
    for (const auto& line : summary_lines(v, opt.lang)) out += markdown_escape(line) + "  \n";
    if (v.plan && !v.plan->steps.empty()) {
        out += fmt::format(
            "\n| # | {} | {} | {} | {} | {} | {} | {} | {} |\n|---:|---:|---|---:|---:|---:|---:|---:|---|\n",
            L.indicator, P.name, P.from, P.to, P.effort, P.gain, L.index, L.predicate);
        int n = 0;
        for (const auto& st : v.plan->steps) {
            const Indicator& ind = pack.indicators[static_cast<size_t>(st.indicator)];
            out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", ++n, markdown_escape(ind.id),
                               markdown_escape(ind.name.get(opt.lang)), pack.value_text(st.from),
                               pack.value_text(st.to), st.effort.to_exact_string(), st.gain.to_exact_string(),
                               st.index_after.to_fixed(pack.precision),
                               markdown_escape(st.predicate_after->name.get(opt.lang)));
        }
    }
    return out + source_footer(pack, opt.lang, true);
}

} // namespace spbe
