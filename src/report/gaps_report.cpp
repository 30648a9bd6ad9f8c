// `spbe gaps` output. The gap table is sorted by the analysis (largest exact gain first); texts of
// the regulation (criteria, expected evidence) are printed verbatim, wrapped only in the table format.
// At ~400 lines because the four formats of one gap list stay beside each other, so a column added
// to one is seen missing from the others.
#include "report/gaps_report.hpp"

#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/predicate_json.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

namespace spbe {

namespace {

// Labels only these reports use (kept here so the shared label table stays small).
struct GapLabels {
    const char* target;
    const char* after;
    const char* next_predicate;
    const char* command_line;
    const char* evidence_file;
    const char* level_for_all;
    const char* per_indicator;
    const char* max_reached;
    const char* already_met;
    const char* unreachable;
    const char* name;
    const char* target_level;
    const char* gain_level;
    const char* gain_total;
    const char* listed_evidence;
    const char* expired;
    const char* no_file;
    const char* file_missing;
    const char* attention;
    const char* self_above;
    const char* no_evidence;
    const char* none;
    const char* criteria_of; // {level}
    const char* with_floors;
};

const GapLabels& gap_labels(Lang lang) {
    static const LabelSet<GapLabels> set({
        {"Target", "Target"},                                                                       // target
        {"Jika semua kesenjangan ditutup", "With every gap closed"},                                // after
        {"predikat berikutnya", "next predicate"},                                                  // next_predicate
        {"dari baris perintah", "from the command line"},                                           // command_line
        {"dari berkas bukti", "from the evidence file"},                                            // evidence_file
        {"tingkat {} untuk setiap indikator", "level {} for every indicator"},                      // level_for_all
        {"target per indikator dari berkas bukti", "per-indicator targets from the evidence file"}, // per_indicator
        // max_reached
        {"Predikat tertinggi ({}) sudah tercapai; tidak ada yang perlu ditingkatkan.",
         "The highest predicate ({}) is already reached; nothing to raise."},
        {"Target sudah tercapai; tidak ada kesenjangan.", "The target is already met; no gaps."}, // already_met
        // unreachable
        {"Target tidak dapat dicapai; indeks tertinggi yang mungkin: {}",
         "The target cannot be reached; highest possible index: {}"},
        {"Nama", "Name"},                                                                           // name
        {"Target", "Target"},                                                                       // target_level
        {"Kenaikan/tingkat", "Gain/level"},                                                         // gain_level
        {"Kenaikan total", "Total gain"},                                                           // gain_total
        {"Bukti dukung terdaftar", "Listed evidence"},                                              // listed_evidence
        {"kedaluwarsa {}", "expired {}"},                                                           // expired
        {"tanpa berkas", "no file"},                                                                // no_file
        {"berkas tidak ditemukan: {}", "file not found: {}"},                                       // file_missing
        {"Perhatian", "Attention"},                                                                 // attention
        {"Penilaian mandiri di atas hasil verifikasi", "Self-assessment above the verified level"}, // self_above
        {"Tingkat ≥ 2 diklaim tanpa bukti dukung", "Level ≥ 2 claimed without evidence"},           // no_evidence
        {"tidak ada", "none"},                                                                      // none
        {"Kriteria tingkat {}", "Criteria of level {}"},                                            // criteria_of
        {"termasuk target per indikator dari berkas bukti", "including the per-indicator targets of the evidence file"},
    });
    return set.get(lang);
}

std::string tier_cell(const Pack& pack, const Indicator& ind, size_t tier, Lang lang) {
    const Group& g = pack.groups[static_cast<size_t>(pack.ancestor_at(ind.group, static_cast<int>(tier)))];
    if (tier == 0) return truncate(terminal_safe(g.name.get(lang)), 24);
    return terminal_safe(g.id);
}

std::string issue_text(const EvidenceIssue& is, Lang lang) {
    const GapLabels& G = gap_labels(lang);
    std::string what = is.item->title.empty() ? is.item->file : is.item->title;
    std::string problems;
    for (EvidenceProblem p : is.problems) {
        problems += problems.empty() ? "" : "; ";
        switch (p) {
        case EvidenceProblem::expired:
            problems += fmt::format(fmt::runtime(G.expired), is.item->valid_until->to_string());
            break;
        case EvidenceProblem::no_file: problems += G.no_file; break;
        case EvidenceProblem::file_missing: problems += fmt::format(fmt::runtime(G.file_missing), is.item->file); break;
        }
    }
    return fmt::format("\"{}\": {}", what, problems);
}

const char* problem_id(EvidenceProblem p) {
    switch (p) {
    case EvidenceProblem::expired: return "expired";
    case EvidenceProblem::no_file: return "no_file";
    case EvidenceProblem::file_missing: return "file_missing";
    }
    return "";
}

std::string level_cell(const AgencyResult& r, const GapRow& row, Lang lang) {
    return level_text(*r.pack, r.file.find(r.pack->indicators[static_cast<size_t>(row.indicator)].id), row.current,
                      r.basis, lang);
}

// Summary lines shared by table and Markdown (without trailing newline handling).
std::vector<std::string> summary_lines(const AgencyResult& r, const GapsResult& g, Lang lang) {
    const GapLabels& G = gap_labels(lang);
    const Pack& pack = *r.pack;
    std::vector<std::string> lines;
    if (g.target.kind == TargetKind::max_reached) {
        lines.push_back(fmt::format(fmt::runtime(G.max_reached), g.current_predicate->name.get(lang)));
        return lines;
    }
    lines.push_back(fmt::format("{}: {}", G.target, target_description(pack, g.target, lang)));
    if (g.rows.empty() && g.target_met) {
        lines.push_back(G.already_met);
        return lines;
    }
    lines.push_back(
        fmt::format("{}: {}  {}", G.after, g.index_after.to_fixed(pack.precision), g.predicate_after->name.get(lang)));
    if (!g.target_met)
        lines.push_back(fmt::format(fmt::runtime(G.unreachable), g.index_after.to_fixed(pack.precision)));
    return lines;
}

// Each flag line as a label and its items ("12 (3 > 2)"), so renderers can wrap between items.
std::vector<std::pair<std::string, std::vector<std::string>>> flag_lines(const AgencyResult& r, const GapsResult& g,
                                                                         Lang lang) {
    const GapLabels& G = gap_labels(lang);
    const Pack& pack = *r.pack;
    std::vector<std::string> above, missing;
    for (const auto& f : g.flags) {
        const std::string& id = r.pack->indicators[static_cast<size_t>(f.indicator)].id;
        if (f.kind == FlagKind::self_above_verified)
            above.push_back(fmt::format("{} ({} > {})", id, pack.value_text(f.self), pack.value_text(*f.verified)));
        else missing.push_back(fmt::format("{} ({})", id, pack.value_text(f.self)));
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    if (!above.empty()) out.emplace_back(G.self_above, above);
    if (!missing.empty()) out.emplace_back(G.no_evidence, missing);
    return out;
}

std::string join_items(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// "Label: a, b, c" wrapped at `width` only between items.
std::string wrap_items(const std::string& label, const std::vector<std::string>& items, size_t width,
                       const std::string& indent) {
    std::vector<std::string> words{label + ":"};
    for (size_t i = 0; i < items.size(); ++i)
        words.push_back(terminal_safe(items[i]) + (i + 1 < items.size() ? "," : ""));
    std::string out;
    bool first = true;
    for (const auto& line : break_lines(words, width, 0, 2)) { // later lines are indented by two more
        out += indent + (first ? "" : "  ") + line + "\n";
        first = false;
    }
    return out;
}

} // namespace

std::string target_description(const Pack& pack, const Target& t, Lang lang) {
    const GapLabels& G = gap_labels(lang);
    const Labels& L = labels(lang);
    const char* source = t.source == TargetSource::command_line ? G.command_line
                         : t.source == TargetSource::file       ? G.evidence_file
                                                                : G.next_predicate;
    if (t.kind == TargetKind::levels) {
        if (t.source == TargetSource::file && !t.level) return G.per_indicator;
        return fmt::format("{}, {}", fmt::format(fmt::runtime(G.level_for_all), *t.level), source);
    }
    std::string out = t.predicate ? fmt::format("{} ({} ≥ {}), {}", t.predicate->name.get(lang), L.index,
                                                t.index.to_exact_string(), source)
                                  : fmt::format("{} ≥ {} ({}), {}", L.index, t.index.to_exact_string(),
                                                pack.predicate_for(t.index).name.get(lang), source);
    if (!t.levels.empty()) out += fmt::format("; {}", G.with_floors);
    return out;
}

void write_target_json(JsonWriter& w, const Pack& pack, const Target& t, Lang lang) {
    w.key("target").begin_object();
    w.field("kind", t.kind == TargetKind::index ? "index" : t.kind == TargetKind::levels ? "levels" : "none");
    w.field("source", t.source == TargetSource::command_line ? "command_line"
                      : t.source == TargetSource::file       ? "file"
                                                             : "next_predicate");
    w.key("index");
    if (t.kind == TargetKind::index) w.raw_number(json_number(t.index));
    else w.null();
    w.key("index_exact");
    if (t.kind == TargetKind::index) w.value(t.index.to_exact_string());
    else w.null();
    if (t.predicate && t.kind == TargetKind::index) write_predicate(w, *t.predicate, lang);
    else w.key("predicate").null().key("predicate_id").null();
    w.key("level");
    if (t.level) w.value(*t.level);
    else w.null();
    w.key("indicator_targets").begin_array();
    for (size_t i = 0; i < t.levels.size(); ++i)
        if (t.levels[i]) {
            w.begin_object();
            w.field("id", pack.indicators[i].id);
            w.key("level").raw_number(pack.exact(*t.levels[i]).to_exact_string());
            w.end_object();
        }
    w.end_array();
    w.end_object();
}

std::string render_gaps_table(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt) {
    const Pack& pack = *r.pack;
    const Labels& L = labels(opt.lang);
    const GapLabels& G = gap_labels(opt.lang);
    std::string out = colorize(agency_heading(r), Color::bold, opt.color) + "\n";
    out += fmt::format(
        "{} {}  {}\n", terminal_safe(pack.index_name.get(opt.lang)),
        colorize(g.current_index.to_fixed(pack.precision), Color::bold, opt.color),
        colorize(g.current_predicate->name.get(opt.lang), predicate_color(pack, *g.current_predicate), opt.color));
    for (const auto& line : summary_lines(r, g, opt.lang)) out += terminal_safe(line) + "\n";
    if (!g.rows.empty()) {
        std::vector<std::vector<std::string>> rows;
        std::vector<std::string> header{L.indicator, G.name};
        for (const auto& t : pack.tiers) header.push_back(terminal_safe(t.name.get(opt.lang)));
        for (const char* h : {L.level, G.target_level, L.weight, G.gain_level, G.gain_total}) header.push_back(h);
        rows.push_back(header);
        std::vector<bool> right{true, false};
        right.resize(2 + pack.tiers.size(), false);
        for (bool b : {false, true, true, true, true}) right.push_back(b);
        for (const auto& row : g.rows) {
            const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
            std::vector<std::string> cells{terminal_safe(ind.id), truncate(terminal_safe(ind.name.get(opt.lang)), 40)};
            for (size_t t = 0; t < pack.tiers.size(); ++t) cells.push_back(tier_cell(pack, ind, t, opt.lang));
            for (std::string c : {level_cell(r, row, opt.lang), pack.value_text(row.target), format_weight(ind.weight),
                                  row.gain_level.to_exact_string(), row.gain_total.to_exact_string()})
                cells.push_back(c);
            rows.push_back(cells);
        }
        out += "\n" + render_table(rows, right);
        for (const auto& row : g.rows) {
            const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
            out += "\n" + colorize(fmt::format("{} {}", L.indicator, ind.id), Color::bold, opt.color) + "\n";
            out += wrap_text(ind.name.get(opt.lang), 96, "  ");
            out += "  " + fmt::format(fmt::runtime(G.criteria_of), row.next_level) + ":\n";
            out += wrap_text(*row.criteria, 94, "    ");
            if (!row.conditions->empty())
                out += fmt::format("  {}:\n", L.conditions) + wrap_text(*row.conditions, 94, "    ");
            if (!row.expected_evidence->empty()) {
                out += fmt::format("  {}:\n", L.evidence);
                out += wrap_text(*row.expected_evidence, 94, "    ");
            }
            if (!row.evidence_issues.empty()) {
                out += fmt::format("  {}:\n", G.listed_evidence);
                for (const auto& is : row.evidence_issues)
                    out += "    - " + terminal_safe(issue_text(is, opt.lang)) + "\n";
            }
        }
    }
    auto flags = flag_lines(r, g, opt.lang);
    if (!flags.empty()) {
        out += "\n" + colorize(G.attention, Color::bold, opt.color) + "\n";
        for (const auto& [label, items] : flags) out += wrap_items(label, items, 96, "  ");
    }
    return out + source_footer(pack, opt.lang, false);
}

std::string render_gaps_json(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt) {
    const Pack& pack = *r.pack;
    JsonWriter w;
    w.begin_object();
    w.field("schema", kGapsJsonSchema);
    write_file_fields_json(w, r);
    w.field("as_of", g.as_of.to_string());
    w.key("index").raw_number(g.current_index.to_fixed(pack.precision));
    w.field("index_exact", g.current_index.to_exact_string());
    write_predicate(w, *g.current_predicate, opt.lang);
    write_target_json(w, pack, g.target, opt.lang);
    w.key("after").begin_object();
    w.key("index").raw_number(g.index_after.to_fixed(pack.precision));
    w.field("index_exact", g.index_after.to_exact_string());
    write_predicate(w, *g.predicate_after, opt.lang);
    w.end_object();
    w.field("target_met", g.target_met);
    w.key("gaps").begin_array();
    for (const auto& row : g.rows) {
        const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
        w.begin_object();
        w.field("id", ind.id);
        w.field("name", ind.name.get(opt.lang));
        for (size_t t = 0; t < pack.tiers.size(); ++t)
            w.field(pack.tiers[t].id,
                    pack.groups[static_cast<size_t>(pack.ancestor_at(ind.group, static_cast<int>(t)))].id);
        w.key("level").raw_number(pack.exact(row.current).to_exact_string());
        w.key("self");
        if (row.self) w.raw_number(pack.exact(*row.self).to_exact_string());
        else w.null();
        w.key("verified");
        if (row.verified) w.raw_number(pack.exact(*row.verified).to_exact_string());
        else w.null();
        w.key("target").raw_number(pack.exact(row.target).to_exact_string());
        w.key("weight").raw_number(json_number(ind.weight));
        w.field("weight_exact", ind.weight.to_exact_string());
        w.key("gain_per_level").raw_number(json_number(row.gain_level));
        w.field("gain_per_level_exact", row.gain_level.to_exact_string());
        w.key("gain_total").raw_number(json_number(row.gain_total));
        w.field("gain_total_exact", row.gain_total.to_exact_string());
        w.field("next_level", row.next_level);
        w.field("criteria", *row.criteria);
        w.field("expected_evidence", *row.expected_evidence);
        if (!row.conditions->empty()) w.field("conditions", *row.conditions); // packs with Kondisi only
        w.key("evidence_issues").begin_array();
        for (const auto& is : row.evidence_issues) {
            w.begin_object();
            w.field("title", is.item->title);
            w.key("file");
            if (is.item->file.empty()) w.null();
            else w.value(is.item->file);
            w.key("problems").begin_array();
            for (EvidenceProblem p : is.problems) w.value(problem_id(p));
            w.end_array();
            w.key("valid_until");
            if (is.item->valid_until) w.value(is.item->valid_until->to_string());
            else w.null();
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("flags").begin_array();
    for (const auto& f : g.flags) {
        w.begin_object();
        w.field("id", pack.indicators[static_cast<size_t>(f.indicator)].id);
        w.field("kind", f.kind == FlagKind::self_above_verified ? "self_above_verified" : "claim_without_evidence");
        w.key("self").raw_number(pack.exact(f.self).to_exact_string());
        w.key("verified");
        if (f.verified) w.raw_number(pack.exact(*f.verified).to_exact_string());
        else w.null();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

std::string render_gaps_csv(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt) {
    const Pack& pack = *r.pack;
    std::vector<CsvCell> header{"file", "id", "name"};
    for (const auto& t : pack.tiers) header.push_back(t.id);
    for (const char* h : {"level", "self", "verified", "target", "weight", "gain_per_level", "gain_total", "next_level",
                          "evidence_issues"})
        header.push_back(h);
    std::string out = csv_row(header);
    auto opt_int = [&](const std::optional<int>& v) { return v ? pack.value_text(*v) : std::string(); };
    for (const auto& row : g.rows) {
        const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
        std::vector<CsvCell> cells{r.path, ind.id, ind.name.get(opt.lang)};
        for (size_t t = 0; t < pack.tiers.size(); ++t)
            cells.push_back(pack.groups[static_cast<size_t>(pack.ancestor_at(ind.group, static_cast<int>(t)))].id);
        std::string issues;
        for (const auto& is : row.evidence_issues) issues += (issues.empty() ? "" : "; ") + issue_text(is, opt.lang);
        for (std::string c :
             {pack.value_text(row.current), opt_int(row.self), opt_int(row.verified), pack.value_text(row.target),
              ind.weight.to_exact_string(), row.gain_level.to_exact_string(), row.gain_total.to_exact_string(),
              std::to_string(row.next_level)})
            cells.push_back(csv_number(std::move(c)));
        cells.push_back(issues);
        out += csv_row(cells);
    }
    return out;
}

std::string render_gaps_markdown(const AgencyResult& r, const GapsResult& g, const ReportOptions& opt) {
    const Pack& pack = *r.pack;
    const Labels& L = labels(opt.lang);
    const GapLabels& G = gap_labels(opt.lang);
    std::string out = fmt::format("## {}\n\n", markdown_escape(agency_heading(r)));
    out +=
        fmt::format("**{} {} — {}**\n\n", markdown_escape(pack.index_name.get(opt.lang)),
                    g.current_index.to_fixed(pack.precision), markdown_escape(g.current_predicate->name.get(opt.lang)));
    for (const auto& line : summary_lines(r, g, opt.lang)) out += markdown_escape(line) + "  \n";
    if (!g.rows.empty()) {
        out += fmt::format("\n| {} | {} |", L.indicator, G.name);
        for (const auto& t : pack.tiers) out += fmt::format(" {} |", markdown_escape(t.name.get(opt.lang)));
        out += fmt::format(" {} | {} | {} | {} | {} |\n|---:|---|", L.level, G.target_level, L.weight, G.gain_level,
                           G.gain_total);
        for (size_t t = 0; t < pack.tiers.size(); ++t) out += "---|";
        out += "---|---:|---:|---:|---:|\n";
        for (const auto& row : g.rows) {
            const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
            out += fmt::format("| {} | {} |", markdown_escape(ind.id), markdown_escape(ind.name.get(opt.lang)));
            for (size_t t = 0; t < pack.tiers.size(); ++t) {
                const Group& grp = pack.groups[static_cast<size_t>(pack.ancestor_at(ind.group, static_cast<int>(t)))];
                out += fmt::format(" {} |", markdown_escape(t == 0 ? grp.name.get(opt.lang) : grp.id));
            }
            out += fmt::format(" {} | {} | {} | {} | {} |\n", level_cell(r, row, opt.lang), pack.value_text(row.target),
                               format_weight(ind.weight), row.gain_level.to_exact_string(),
                               row.gain_total.to_exact_string());
        }
        for (const auto& row : g.rows) {
            const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
            out += fmt::format("\n### {} {} — {}\n\n", L.indicator, markdown_escape(ind.id),
                               markdown_escape(ind.name.get(opt.lang)));
            out += fmt::format("**{}:** {}\n", fmt::format(fmt::runtime(G.criteria_of), row.next_level),
                               markdown_escape(*row.criteria));
            if (!row.conditions->empty())
                out += fmt::format("\n**{}:** {}\n", L.conditions, markdown_escape(*row.conditions));
            if (!row.expected_evidence->empty())
                out += fmt::format("\n**{}:** {}\n", L.evidence, markdown_escape(*row.expected_evidence));
            if (!row.evidence_issues.empty()) {
                out += fmt::format("\n**{}:**\n\n", G.listed_evidence);
                for (const auto& is : row.evidence_issues)
                    out += "- " + markdown_escape(issue_text(is, opt.lang)) + "\n";
            }
        }
    }
    auto flags = flag_lines(r, g, opt.lang);
    if (!flags.empty()) {
        out += fmt::format("\n### {}\n\n", G.attention);
        for (const auto& [label, items] : flags) out += "- " + markdown_escape(label + ": " + join_items(items)) + "\n";
    }
    return out + source_footer(pack, opt.lang, true);
}

} // namespace spbe
