// Score renderers. Layout decisions: index and group values always at the pack's precision with
// half-up rounding; the predicate next to every top-tier value; self vs verified shown when they differ.
#include "report/score_report.hpp"

#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/predicate_json.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace spbe {

namespace {

std::string pct(const Rational& w) { return format_weight(w) + " %"; }

std::string group_label(const Pack& /*pack*/, const Group& g, Lang lang) {
    // Tier-0 groups are named; inner groups also carry their official number/id for reference.
    if (g.tier == 0) return g.name.get(lang);
    return g.id + " " + g.name.get(lang);
}

std::string indicator_level_cell(const AgencyResult& r, size_t i, Lang lang) {
    const auto* entry = r.file.find(r.pack->indicators[i].id);
    return level_text(*r.pack, entry, r.score.levels[i], r.basis, lang);
}

// One source notice per secondary-sourced pack among the results, in first-seen order.
std::string score_footer(const std::vector<AgencyResult>& results, Lang lang, bool markdown) {
    std::vector<const Pack*> seen;
    std::string out;
    for (const auto& r : results)
        if (std::find(seen.begin(), seen.end(), r.pack) == seen.end()) {
            seen.push_back(r.pack);
            out += source_footer(*r.pack, lang, markdown);
        }
    return out;
}

} // namespace

std::string level_text(const Pack& pack, const IndicatorEntry* entry, int level, Basis basis, Lang lang) {
    const Labels& L = labels(lang);
    std::string out = pack.value_text(level);
    if (entry && entry->level && entry->verified && *entry->level != *entry->verified) {
        if (basis == Basis::verified) out += fmt::format(" ({} {})", L.self, pack.level_text(*entry->level));
        else out += fmt::format(" ({} {})", L.verified, pack.level_text(*entry->verified));
    }
    return out;
}

std::string agency_heading(const AgencyResult& r) {
    std::string out = r.file.agency.name;
    if (r.file.year) out += fmt::format(" · {}", *r.file.year);
    out += fmt::format(" · {}", r.pack->id);
    if (!r.pack->source.regulation.empty()) out += fmt::format(" ({})", r.pack->source.regulation);
    return out;
}

std::string render_score_table(const std::vector<AgencyResult>& results, const ReportOptions& opt) {
    const Labels& L = labels(opt.lang);
    std::string out;
    for (const auto& r : results) {
        const Pack& pack = *r.pack;
        if (!out.empty()) out += "\n";
        out += colorize(agency_heading(r), Color::bold, opt.color) + "\n";
        const Predicate& p = *r.score.predicate;
        // With --basis self the headline is the self-assessment, never labelled as the official index.
        const std::string headline = r.basis == Basis::self ? L.self_index : pack.index_name.get(opt.lang);
        out += fmt::format("{} {}  {}\n", terminal_safe(headline),
                           colorize(r.score.index.to_fixed(pack.precision), Color::bold, opt.color),
                           colorize(p.name.get(opt.lang), predicate_color(pack, p), opt.color));
        if (r.other) {
            const char* label = r.basis == Basis::verified ? L.self_index : L.verified_index;
            out += fmt::format("{} {}  {}\n", label, r.other->index.to_fixed(pack.precision),
                               terminal_safe(r.other->predicate->name.get(opt.lang)));
        }
        for (size_t tier = 0; tier < pack.tiers.size(); ++tier) {
            std::vector<std::vector<std::string>> rows;
            std::vector<std::string> header{terminal_safe(pack.tiers[tier].name.get(opt.lang)), L.weight, L.index};
            if (tier == 0) header.push_back(L.predicate);
            rows.push_back(header);
            for (int gi : pack.groups_of_tier(static_cast<int>(tier))) {
                const Group& g = pack.groups[static_cast<size_t>(gi)];
                const Rational& v = r.score.group_index[static_cast<size_t>(gi)];
                std::vector<std::string> row{terminal_safe(group_label(pack, g, opt.lang)), pct(g.weight),
                                             v.to_fixed(pack.precision)};
                if (tier == 0) {
                    const Predicate& gp = pack.predicate_for(v);
                    row.push_back(colorize(gp.name.get(opt.lang), predicate_color(pack, gp), opt.color));
                }
                rows.push_back(row);
            }
            out += "\n" + render_table(rows, {false, true, true, false});
        }
        if (opt.detail) {
            std::vector<std::vector<std::string>> rows;
            rows.push_back({"ID", L.indicator, L.weight, L.level, L.contribution});
            for (size_t i = 0; i < pack.indicators.size(); ++i) {
                const Indicator& ind = pack.indicators[i];
                rows.push_back({terminal_safe(ind.id), truncate(terminal_safe(ind.name.get(opt.lang)), 60),
                                pct(ind.weight), indicator_level_cell(r, i, opt.lang),
                                index_contribution(pack, static_cast<int>(i), r.score.levels[i]).to_exact_string()});
            }
            out += "\n" + render_table(rows, {true, false, true, false, true});
        }
    }
    return out + score_footer(results, opt.lang, false);
}

namespace {

// `"agency": {"name", "code", "type", "province"}` (absent ones null): the one shape of every JSON report.
void write_agency_object(JsonWriter& w, const Agency& a) {
    w.key("agency").begin_object();
    w.field("name", a.name);
    auto opt_field = [&](const char* k, const std::string& v) {
        w.key(k);
        if (v.empty()) w.null();
        else w.value(v);
    };
    opt_field("code", a.code);
    opt_field("type", a.type);
    opt_field("province", a.province);
    w.end_object();
}

} // namespace

void write_file_fields_json(JsonWriter& w, const AgencyResult& r) {
    w.field("file", r.path);
    w.field("rubric", r.pack->id);
    write_agency_object(w, r.file.agency);
    w.field("agency_name", r.file.agency.name); // the string `agency` of the /1 schemas; removed in /3
    w.key("year");
    if (r.file.year) w.value(*r.file.year);
    else w.null();
    w.field("basis", basis_name(r.basis));
}

void write_agency_json(JsonWriter& w, const AgencyResult& r, const ReportOptions& opt) {
    const Pack& pack = *r.pack;
    w.field("file", r.path);
    w.field("rubric", pack.id);
    write_agency_object(w, r.file.agency);
    w.key("year");
    if (r.file.year) w.value(*r.file.year);
    else w.null();
    w.field("basis", basis_name(r.basis));
    w.key("index").raw_number(r.score.index.to_fixed(pack.precision));
    w.field("index_exact", r.score.index.to_exact_string());
    write_predicate(w, *r.score.predicate, opt.lang);
    if (r.other) {
        w.key(r.basis == Basis::verified ? "self_assessment" : "verified_assessment").begin_object();
        w.key("index").raw_number(r.other->index.to_fixed(pack.precision));
        w.field("index_exact", r.other->index.to_exact_string());
        write_predicate(w, *r.other->predicate, opt.lang);
        w.end_object();
    }
    for (size_t tier = 0; tier < pack.tiers.size(); ++tier) {
        w.key(pack.tiers[tier].plural).begin_array();
        for (int gi : pack.groups_of_tier(static_cast<int>(tier))) {
            const Group& g = pack.groups[static_cast<size_t>(gi)];
            const Rational& v = r.score.group_index[static_cast<size_t>(gi)];
            w.begin_object();
            w.field("id", g.id);
            if (g.parent >= 0) w.field(pack.tiers[tier - 1].id, pack.groups[static_cast<size_t>(g.parent)].id);
            w.field("name", g.name.get(opt.lang));
            w.key("weight").raw_number(json_number(g.weight));
            w.field("weight_exact", g.weight.to_exact_string());
            w.key("index").raw_number(v.to_fixed(pack.precision));
            w.field("index_exact", v.to_exact_string());
            write_predicate(w, pack.predicate_for(v), opt.lang);
            w.end_object();
        }
        w.end_array();
    }
    w.key("indicators").begin_array();
    const std::string& inner_tier = pack.tiers.back().id;
    for (size_t i = 0; i < pack.indicators.size(); ++i) {
        const Indicator& ind = pack.indicators[i];
        const IndicatorEntry* e = r.file.find(ind.id);
        w.begin_object();
        w.field("id", ind.id);
        w.field(inner_tier, pack.groups[static_cast<size_t>(ind.group)].id);
        w.field("name", ind.name.get(opt.lang));
        w.key("weight").raw_number(json_number(ind.weight));
        w.field("weight_exact", ind.weight.to_exact_string());
        w.key("level").raw_number(pack.exact(r.score.levels[i]).to_exact_string());
        w.key("self");
        if (e && e->level) w.raw_number(e->level->to_exact_string());
        else w.null();
        w.key("verified");
        if (e && e->verified) w.raw_number(e->verified->to_exact_string());
        else w.null();
        w.field("contribution_exact",
                index_contribution(pack, static_cast<int>(i), r.score.levels[i]).to_exact_string());
        w.field("evidence_count", static_cast<long long>(e ? e->evidence.size() : 0));
        w.end_object();
    }
    w.end_array();
}

std::string render_score_json(const std::vector<AgencyResult>& results, const ReportOptions& opt) {
    JsonWriter w;
    auto one = [&](const AgencyResult& r) {
        w.begin_object();
        w.field("schema", kScoreJsonSchema);
        write_agency_json(w, r, opt);
        w.end_object();
    };
    if (results.size() == 1) {
        one(results.front());
    } else {
        w.begin_array();
        for (const auto& r : results) one(r);
        w.end_array();
    }
    return w.str();
}

std::string render_score_csv(const std::vector<AgencyResult>& results, const ReportOptions& opt) {
    // Columns: fixed agency fields, then one column per top-tier group id in order of first use,
    // so files scored under different packs still share one header.
    std::vector<std::string> group_cols;
    for (const auto& r : results)
        for (int gi : r.pack->groups_of_tier(0)) {
            const std::string& id = r.pack->groups[static_cast<size_t>(gi)].id;
            if (std::find(group_cols.begin(), group_cols.end(), id) == group_cols.end()) group_cols.push_back(id);
        }
    std::vector<CsvCell> header{"file", "agency", "code",  "type",        "province",
                                "year", "rubric", "index", "index_exact", "predicate"};
    header.insert(header.end(), group_cols.begin(), group_cols.end());
    std::string out = csv_row(header);
    for (const auto& r : results) {
        const Pack& pack = *r.pack;
        std::vector<CsvCell> row{r.path,
                                 r.file.agency.name,
                                 r.file.agency.code,
                                 r.file.agency.type,
                                 r.file.agency.province,
                                 csv_number(r.file.year ? std::to_string(*r.file.year) : ""),
                                 pack.id,
                                 csv_number(r.score.index.to_fixed(pack.precision)),
                                 csv_number(r.score.index.to_exact_string()),
                                 r.score.predicate->name.get(opt.lang)};
        for (const auto& col : group_cols) {
            std::string cell;
            for (int gi : pack.groups_of_tier(0))
                if (pack.groups[static_cast<size_t>(gi)].id == col)
                    cell = r.score.group_index[static_cast<size_t>(gi)].to_fixed(pack.precision);
            row.push_back(csv_number(cell));
        }
        out += csv_row(row);
    }
    return out;
}

std::string render_score_markdown(const std::vector<AgencyResult>& results, const ReportOptions& opt) {
    const Labels& L = labels(opt.lang);
    std::string out;
    for (const auto& r : results) {
        const Pack& pack = *r.pack;
        if (!out.empty()) out += "\n";
        out += fmt::format("## {}\n\n", markdown_escape(agency_heading(r)));
        const std::string headline = r.basis == Basis::self ? L.self_index : pack.index_name.get(opt.lang);
        out += fmt::format("**{} {} — {}**\n", markdown_escape(headline), r.score.index.to_fixed(pack.precision),
                           markdown_escape(r.score.predicate->name.get(opt.lang)));
        if (r.other) {
            const char* label = r.basis == Basis::verified ? L.self_index : L.verified_index;
            out += fmt::format("\n{}: {} — {}\n", label, r.other->index.to_fixed(pack.precision),
                               markdown_escape(r.other->predicate->name.get(opt.lang)));
        }
        for (size_t tier = 0; tier < pack.tiers.size(); ++tier) {
            bool top = tier == 0;
            out += fmt::format("\n| {} | {} | {} |{}\n", markdown_escape(pack.tiers[tier].name.get(opt.lang)), L.weight,
                               L.index, top ? fmt::format(" {} |", L.predicate) : "");
            out += top ? "|---|---:|---:|---|\n" : "|---|---:|---:|\n";
            for (int gi : pack.groups_of_tier(static_cast<int>(tier))) {
                const Group& g = pack.groups[static_cast<size_t>(gi)];
                const Rational& v = r.score.group_index[static_cast<size_t>(gi)];
                out += fmt::format("| {} | {} | {} |{}\n", markdown_escape(group_label(pack, g, opt.lang)),
                                   pct(g.weight), v.to_fixed(pack.precision),
                                   top ? fmt::format(" {} |", markdown_escape(pack.predicate_for(v).name.get(opt.lang)))
                                       : "");
            }
        }
        if (opt.detail) {
            out += fmt::format("\n| {} | | {} | {} | {} |\n|---:|---|---:|---|---:|\n", L.indicator, L.weight, L.level,
                               L.contribution);
            for (size_t i = 0; i < pack.indicators.size(); ++i) {
                const Indicator& ind = pack.indicators[i];
                out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_escape(ind.id),
                                   markdown_escape(ind.name.get(opt.lang)), pct(ind.weight),
                                   markdown_escape(indicator_level_cell(r, i, opt.lang)),
                                   index_contribution(pack, static_cast<int>(i), r.score.levels[i]).to_exact_string());
            }
        }
    }
    return out + score_footer(results, opt.lang, true);
}

} // namespace spbe
