// The one-agency visual report: the same sections in HTML (with inline SVG charts) and Markdown
// (with the radar as a separate SVG file), and the radar alone. Numbers in words are the exact
// engine's, rounded half-up only for display.
#include "report/agency_report.hpp"

#include "report/charts.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"
#include "report/visual_common.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace spbe {

namespace {

struct AgencyLabels {
    const char* title; // "{}" the pack's index name
    const char* code;
    const char* type;
    const char* province;
    const char* regulation;
    const char* self_basis;
    const char* target;
    const char* as_of;
    const char* profile; // "{}" the radar tier's name
    const char* bars;    // "{}" the top tier's name
    const char* indicators;
    const char* gaps;
    const char* evidence;
    const char* number;
    const char* name;
    const char* counted;
    const char* gain;
    const char* now_to_target;
    const char* next_criteria; // "{}" the level
    const char* document;
    const char* file;
    const char* valid_until;
    const char* status;
    const char* ok;
    const char* expired;
    const char* no_file;
    const char* missing;
    const char* no_evidence;
    const char* met;
    const char* max_reached;
    const char* unreachable; // "{}" target, "{}" highest possible
    const char* target_line; // "{}" target, "{}" index after, "{}" predicate after
    const char* more_gaps;   // "{}" count
    const char* series_verified;
    const char* series_self;
    const char* series_target;
    const char* exact;
    const char* total;
    const char* generated; // "{}" generator, "{}" pack id
    const char* chart_alt;
    const char* problems; // "{}" with problems, "{}" listed
    const char* radar_title;
};

const AgencyLabels& agency_labels(Lang lang) {
    static const LabelSet<AgencyLabels> set({
        {"Laporan {}", "{} report"}, // title
        {"Kode", "Code"},            // code
        {"Jenis", "Type"},           // type
        {"Provinsi", "Province"},    // province
        {"Regulasi", "Regulation"},  // regulation
        {"Dihitung dari penilaian mandiri (--basis self), bukan dari hasil verifikasi evaluator.",
         "Computed from the self-assessment (--basis self), not from the evaluator's verified levels."}, // self_basis
        {"Target", "Target"},                                                                            // target
        {"Masa berlaku bukti per", "Evidence validity as of"},                                           // as_of
        {"Profil per {}", "Profile by {}"},                                                              // profile
        {"{}: indeks terhadap rentang predikat", "{}: index against the predicate bands"},               // bars
        {"Nilai per indikator", "Indicator values"},                                                     // indicators
        {"Kesenjangan utama menuju target", "Top gaps to the target"},                                   // gaps
        {"Bukti dukung", "Evidence"},                                                                    // evidence
        {"No.", "No."},                                                                                  // number
        {"Nama", "Name"},                                                                                // name
        {"Dihitung", "Counted"},                                                                         // counted
        {"Tambahan indeks", "Index gain"},                                                               // gain
        {"Sekarang → target", "Now → target"},                                            // now_to_target
        {"Kriteria tingkat {}", "Level {} criteria"},                                     // next_criteria
        {"Dokumen", "Document"},                                                          // document
        {"Berkas", "File"},                                                               // file
        {"Berlaku s.d.", "Valid until"},                                                  // valid_until
        {"Status", "Status"},                                                             // status
        {"ada", "ok"},                                                                    // ok
        {"kedaluwarsa", "expired"},                                                       // expired
        {"tanpa berkas", "no file"},                                                      // no_file
        {"berkas tidak ditemukan", "file not found"},                                     // missing
        {"Berkas ini tidak mencantumkan bukti dukung.", "This file lists no evidence."},  // no_evidence
        {"Target sudah tercapai: tidak ada kesenjangan.", "The target is met: no gaps."}, // met
        {"Sudah pada predikat tertinggi; tidak ada target berikutnya.",
         "Already in the highest predicate; there is no next target."}, // max_reached
        {"Target {} tidak dapat dicapai; indeks tertinggi yang mungkin {}.",
         "Target {} cannot be reached; the highest possible index is {}."}, // unreachable
        {"Target: {}. Indeks bila semua kesenjangan ditutup: {} ({}).",
         "Target: {}. Index with every gap closed: {} ({})."}, // target_line
        {"… dan {} indikator lain di bawah target (lihat spbe gaps).",
         "… and {} more indicators below the target (see spbe gaps)."}, // more_gaps
        {"Verifikasi", "Verified"},                                     // series_verified
        {"Penilaian mandiri", "Self-assessment"},                       // series_self
        {"Target", "Target"},                                           // series_target
        {"tepat", "exact"},                                             // exact
        {"Jumlah", "Total"},                                            // total
        {"Dibuat dengan {} dari rubrik {}; angka tepat, dibulatkan setengah ke atas hanya untuk tampilan.",
         "Made with {} from the {} rubric; exact numbers, rounded half-up for display only."}, // generated
        {"Diagram radar", "Radar chart"},                                                      // chart_alt
        {"{} dari {} bukti bermasalah.", "{} of {} evidence items have problems."},            // problems
        {"{} per {}", "{} by {}"},                                                             // radar_title
    });
    return set.get(lang);
}

struct Series {
    const Score* score;
    SeriesStyle style;
    bool self_only = false; // the verified basis of a file the evaluator has not verified yet
};

// Verified first (filled), then the self-assessment, then the target, as the chart draws them.
std::vector<Series> series_of(const AgencyReport& rep) {
    const AgencyResult& r = *rep.agency;
    std::vector<Series> out;
    SeriesStyle main = r.basis == Basis::verified ? SeriesStyle::verified : SeriesStyle::self;
    SeriesStyle other = r.basis == Basis::verified ? SeriesStyle::self : SeriesStyle::verified;
    bool verified_any = std::any_of(r.file.indicators.begin(), r.file.indicators.end(),
                                    [](const IndicatorEntry& e) { return e.verified.has_value(); });
    if (r.other && other == SeriesStyle::verified) out.push_back({&*r.other, other});
    out.push_back({&r.score, main, main == SeriesStyle::verified && !verified_any});
    if (r.other && other == SeriesStyle::self) out.push_back({&*r.other, other});
    if (rep.target) out.push_back({&*rep.target, SeriesStyle::target});
    return out;
}

// A polygon is called what its levels are: "Verifikasi" only when some level was verified.
const char* series_name(const Series& s, const AgencyLabels& A) {
    if (s.self_only || s.style == SeriesStyle::self) return A.series_self;
    return s.style == SeriesStyle::verified ? A.series_verified : A.series_target;
}

RadarChart agency_radar(const AgencyReport& rep, Lang lang, bool with_legend) {
    const AgencyResult& r = *rep.agency;
    const Pack& pack = *r.pack;
    const AgencyLabels& A = agency_labels(lang);
    const int tier = radar_tier(pack);
    RadarChart c = radar_frame(pack, fmt::format(fmt::runtime(A.radar_title), r.file.agency.name,
                                                 pack.tiers[static_cast<size_t>(tier)].name.get(lang)));
    const auto groups = pack.groups_of_tier(tier);
    for (const auto& s : series_of(rep)) {
        RadarSeries rs{series_name(s, A), s.style, {}};
        for (int g : groups) rs.values.push_back(chart_value(s.score->group_index[static_cast<size_t>(g)]));
        c.series.push_back(std::move(rs));
    }
    if (with_legend) {
        c.size = 440;
        for (size_t k = 0; k < groups.size(); ++k) {
            const Group& g = pack.groups[static_cast<size_t>(groups[k])];
            std::string values;
            for (const auto& s : series_of(rep))
                values += "  " + s.score->group_index[static_cast<size_t>(groups[k])].to_fixed(pack.precision);
            c.legend.push_back(fmt::format("{}  {}{}", axis_label(g, k), g.name.get(lang), values));
        }
    }
    return c;
}

std::string index_text(const Pack& pack, const Rational& v) { return v.to_fixed(pack.precision); }

// "2.59" with the exact value beside it when rounding changed it.
std::string index_html(const Pack& pack, const Rational& v, const AgencyLabels& A) {
    std::string fixed = index_text(pack, v), exact = v.to_exact_string();
    if (Rational::parse(fixed) == v) return fixed;
    return fmt::format("{} <span class=\"exact\">({} {})</span>", fixed, A.exact, html(exact));
}

std::string entry_level(const Pack& pack, const std::optional<Rational>& level) {
    return level ? pack.level_text(*level) : "—";
}

// The self-assessment cell: the level, or for an indicator fed by another agency's index that
// index's value as given ("SDI 68.75"; "SDI —" while it is not published).
std::string self_cell(const Pack& pack, const IndicatorEntry* e) {
    if (e && !e->level && e->external)
        return fmt::format("{} {}", e->external->index,
                           e->external->value ? e->external->value->to_exact_string() : "—");
    return entry_level(pack, e ? e->level : std::nullopt);
}

std::string problems_text(const EvidenceIssue& issue, const AgencyLabels& A) {
    if (issue.problems.empty()) return A.ok;
    std::string out;
    for (EvidenceProblem p : issue.problems) {
        const char* name = p == EvidenceProblem::expired   ? A.expired
                           : p == EvidenceProblem::no_file ? A.no_file
                                                           : A.missing;
        out += (out.empty() ? "" : ", ") + std::string(name);
    }
    return out;
}

// The target as words: "Baik (≥ 2.6)", "3.5", or the per-indicator levels.
std::string target_words(const GapsResult& g, const Pack& pack, Lang lang) {
    const Target& t = g.target;
    if (t.kind == TargetKind::levels) return lang == Lang::en ? "levels per indicator" : "tingkat per indikator";
    if (t.predicate) return fmt::format("{} (≥ {})", t.predicate->name.get(lang), t.index.to_exact_string());
    (void)pack;
    return t.index.to_exact_string();
}

// One sentence on the gaps: met, unreachable, or the index every gap closed would give.
std::string gaps_sentence(const AgencyReport& rep, Lang lang) {
    const AgencyLabels& A = agency_labels(lang);
    const GapsResult& g = *rep.gaps;
    const Pack& pack = *rep.agency->pack;
    if (g.target.kind == TargetKind::max_reached) return A.max_reached;
    if (!g.target_met)
        return fmt::format(fmt::runtime(A.unreachable), target_words(g, pack, lang), index_text(pack, g.index_after));
    if (g.rows.empty()) return A.met;
    return fmt::format(fmt::runtime(A.target_line), target_words(g, pack, lang), index_text(pack, g.index_after),
                       g.predicate_after ? g.predicate_after->name.get(lang) : "");
}

size_t evidence_problem_count(const AgencyReport& rep) {
    return static_cast<size_t>(std::count_if(rep.evidence.begin(), rep.evidence.end(),
                                             [](const EvidenceRow& e) { return !e.issue.problems.empty(); }));
}

BandBarChart agency_bars(const AgencyReport& rep, Lang lang) {
    const AgencyResult& r = *rep.agency;
    const Pack& pack = *r.pack;
    const AgencyLabels& A = agency_labels(lang);
    BandBarChart c;
    c.title = fmt::format(fmt::runtime(A.bars), pack.tiers[0].name.get(lang));
    c.min = pack.min_level();
    c.max = pack.max_level();
    c.bands = predicate_bands(pack, lang);
    c.self_name = A.series_self;
    c.target_name = A.series_target;
    const Score* self = r.basis == Basis::self ? &r.score : r.other ? &*r.other : nullptr;
    for (int gi : pack.groups_of_tier(0)) {
        const auto g = static_cast<size_t>(gi);
        BandBar b{pack.groups[g].name.get(lang), chart_value(r.score.group_index[g]),
                  index_text(pack, r.score.group_index[g]), std::nullopt, std::nullopt};
        if (self && r.basis == Basis::verified) b.self = chart_value(self->group_index[g]);
        if (rep.target) b.target = chart_value(rep.target->group_index[g]);
        c.bars.push_back(std::move(b));
    }
    return c;
}

} // namespace

std::string render_agency_radar_svg(const AgencyReport& rep, Lang lang) {
    return render_radar_svg(agency_radar(rep, lang, true), true);
}

std::string render_agency_html(const AgencyReport& rep, Lang lang) {
    const AgencyResult& r = *rep.agency;
    const Pack& pack = *r.pack;
    const Agency& a = r.file.agency;
    const Labels& L = labels(lang);
    const AgencyLabels& A = agency_labels(lang);
    const std::string title = fmt::format(fmt::runtime(A.title), pack.index_name.get(lang));
    std::string b;
    b += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"headline\">{}</p>\n", html(title), html(a.name));
    b += "<table class=\"facts\">\n";
    auto fact = [&](const char* label, const std::string& value_html) {
        if (!value_html.empty()) b += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", label, value_html);
    };
    fact(A.code, html(a.code));
    fact(A.type, html(a.type));
    fact(A.province, html(a.province));
    fact(L.year, r.file.year ? std::to_string(*r.file.year) : "");
    fact(L.rubric, html(fmt::format("{} — {}", pack.id, pack.title.get(lang))));
    fact(A.regulation, html(pack.source.regulation));
    const std::string headline = r.basis == Basis::self ? L.self_index : pack.index_name.get(lang);
    fact(headline.c_str(), fmt::format("<b>{}</b> — <b>{}</b>", index_html(pack, r.score.index, A),
                                       html(r.score.predicate->name.get(lang))));
    if (r.other)
        fact(r.basis == Basis::verified ? L.self_index : L.verified_index,
             fmt::format("{} — {}", index_html(pack, r.other->index, A), html(r.other->predicate->name.get(lang))));
    if (rep.target) fact(A.target, html(target_words(*rep.gaps, pack, lang)));
    fact(A.as_of, rep.gaps->as_of.to_string());
    b += "</table>\n";
    if (r.basis == Basis::self) b += fmt::format("<p class=\"notice\">{}</p>\n", A.self_basis);
    b += html_source_notice(pack, lang);
    b += "</header>\n";

    // Charts: the radar with its legend table, the top-tier bars.
    const int tier = radar_tier(pack);
    const std::string tier_name = pack.tiers[static_cast<size_t>(tier)].name.get(lang);
    b += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"charts\">\n<figure>\n{}</figure>\n<div>\n<table>\n",
                     html(fmt::format(fmt::runtime(A.profile), tier_name)),
                     render_radar_svg(agency_radar(rep, lang, false), false));
    const auto series = series_of(rep);
    b += fmt::format("<thead><tr><th class=\"n\">{}</th><th>{}</th>", A.number, html(tier_name));
    for (const auto& s : series) b += fmt::format("<th class=\"n\">{}</th>", series_name(s, A));
    b += "</tr></thead>\n<tbody>\n";
    const auto groups = pack.groups_of_tier(tier);
    for (size_t k = 0; k < groups.size(); ++k) {
        const auto g = static_cast<size_t>(groups[k]);
        b += fmt::format("<tr><td class=\"n\">{}</td><td>{}</td>", axis_label(pack.groups[g], k),
                         html(pack.groups[g].name.get(lang)));
        for (const auto& s : series)
            b += fmt::format("<td class=\"n\">{}</td>", index_text(pack, s.score->group_index[g]));
        b += "</tr>\n";
    }
    b += "</tbody>\n</table>\n</div>\n</div>\n";
    if (tier != 0 || pack.tiers.size() == 1) {
        BandBarChart bars = agency_bars(rep, lang);
        b += fmt::format("<h3>{}</h3>\n<figure>\n{}</figure>\n", html(bars.title), render_band_bars_svg(bars, false));
    }
    b += "</section>\n";

    // Per indicator, under its innermost group.
    b += fmt::format("<section class=\"page\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>ID</th><th>{}</th>"
                     "<th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>"
                     "<th class=\"n\">{}</th></tr></thead>\n<tbody>\n",
                     A.indicators, L.indicator, A.series_self, A.series_verified, A.counted, L.weight, L.contribution);
    int last_group = -1;
    for (size_t i = 0; i < pack.indicators.size(); ++i) {
        const Indicator& ind = pack.indicators[i];
        if (ind.group != last_group) {
            const Group& g = pack.groups[static_cast<size_t>(ind.group)];
            b += fmt::format("<tr class=\"group\"><td colspan=\"7\">{} {} — {} · {} {}</td></tr>\n",
                             html(pack.tiers[static_cast<size_t>(g.tier)].name.get(lang)), html(g.id),
                             html(g.name.get(lang)), L.weight, format_weight(g.weight));
            last_group = ind.group;
        }
        const IndicatorEntry* e = r.file.find(ind.id);
        b += fmt::format(
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\"><b>{}</b>"
            "</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            html(ind.id), html(ind.name.get(lang)), html(self_cell(pack, e)),
            html(entry_level(pack, e ? e->verified : std::nullopt)), pack.value_text(r.score.levels[i]),
            format_weight(ind.weight),
            index_contribution(pack, static_cast<int>(i), r.score.levels[i]).to_exact_string());
    }
    b += fmt::format("<tr class=\"total\"><td></td><td>{}</td><td></td><td></td><td></td><td class=\"n\">{}</td>"
                     "<td class=\"n\">{}</td></tr>\n</tbody>\n</table>\n</section>\n",
                     A.total, format_weight(pack.total_weight), r.score.index.to_exact_string());

    // Top gaps, from the gaps engine.
    const GapsResult& g = *rep.gaps;
    b += fmt::format("<section class=\"page\">\n<h2>{}</h2>\n<p>{}</p>\n", A.gaps, html(gaps_sentence(rep, lang)));
    const size_t shown = std::min(rep.top_gaps, g.rows.size());
    if (shown) {
        b += fmt::format("<table>\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th>"
                         "</tr></thead>\n<tbody>\n",
                         L.indicator, A.now_to_target, A.gain, L.criteria);
        for (size_t k = 0; k < shown; ++k) {
            const GapRow& row = g.rows[k];
            const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
            std::string detail =
                fmt::format("<b>{}:</b> {}", html(fmt::format(fmt::runtime(A.next_criteria), row.next_level)),
                            html(*row.criteria, true));
            if (row.conditions && !row.conditions->empty())
                detail += fmt::format("<br>\n<b>{}:</b> {}", L.conditions, html(*row.conditions, true));
            if (row.expected_evidence && !row.expected_evidence->empty())
                detail += fmt::format("<br>\n<b>{}:</b> {}", L.evidence, html(*row.expected_evidence, true));
            for (const auto& is : row.evidence_issues)
                detail +=
                    fmt::format("<br>\n<span class=\"bad\">{}: {}</span>", html(is.item->title), problems_text(is, A));
            b += fmt::format("<tr><td class=\"wide\"><b>{}</b> {}</td><td class=\"n\">{} → {}</td><td "
                             "class=\"n\">+{}</td><td>{}</td>"
                             "</tr>\n",
                             html(ind.id), html(ind.name.get(lang)), pack.value_text(row.current),
                             pack.value_text(row.target), row.gain_total.to_fixed(3), detail);
        }
        b += "</tbody>\n</table>\n";
        if (g.rows.size() > shown)
            b += fmt::format("<p class=\"muted\">{}</p>\n",
                             fmt::format(fmt::runtime(A.more_gaps), g.rows.size() - shown));
    }
    b += "</section>\n";

    // Evidence: every listed document with what is wrong with it.
    b += fmt::format("<section>\n<h2>{}</h2>\n", A.evidence);
    if (rep.evidence.empty()) b += fmt::format("<p>{}</p>\n", A.no_evidence);
    else {
        b += fmt::format("<p>{}</p>\n",
                         fmt::format(fmt::runtime(A.problems), evidence_problem_count(rep), rep.evidence.size()));
        b += fmt::format("<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th>"
                         "</tr></thead>\n<tbody>\n",
                         L.indicator, A.document, A.file, A.valid_until, A.status);
        for (const auto& e : rep.evidence) {
            const EvidenceItem& item = *e.issue.item;
            bool bad = !e.issue.problems.empty();
            b += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td{}>{}</td></tr>\n",
                             html(pack.indicators[static_cast<size_t>(e.indicator)].id), html(item.title),
                             html(item.file), item.valid_until ? item.valid_until->to_string() : "—",
                             bad ? " class=\"bad\"" : "", problems_text(e.issue, A));
        }
        b += "</tbody>\n</table>\n";
    }
    b += "</section>\n";
    b += fmt::format("<footer>\n{}<p>{}</p>\n</footer>\n", html_source_notice(pack, lang),
                     html(fmt::format(fmt::runtime(A.generated), rep.generator, pack.id)));
    return html_document(lang, fmt::format("{} · {}", title, a.name), b);
}

std::string render_agency_markdown(const AgencyReport& rep, Lang lang) {
    const AgencyResult& r = *rep.agency;
    const Pack& pack = *r.pack;
    const Agency& a = r.file.agency;
    const Labels& L = labels(lang);
    const AgencyLabels& A = agency_labels(lang);
    auto md = [](std::string_view s) { return markdown_escape(s); };
    std::string out =
        fmt::format("# {} · {}\n\n", md(fmt::format(fmt::runtime(A.title), pack.index_name.get(lang))), md(a.name));
    auto fact = [&](const char* label, const std::string& value) {
        if (!value.empty()) out += fmt::format("- **{}:** {}\n", label, value);
    };
    fact(A.code, md(a.code));
    fact(A.type, md(a.type));
    fact(A.province, md(a.province));
    fact(L.year, r.file.year ? std::to_string(*r.file.year) : "");
    fact(L.rubric, md(fmt::format("{} — {}", pack.id, pack.title.get(lang))));
    fact(A.regulation, md(pack.source.regulation));
    const std::string headline = r.basis == Basis::self ? L.self_index : pack.index_name.get(lang);
    auto exact_note = [&](const Rational& v) {
        std::string fixed = index_text(pack, v);
        return Rational::parse(fixed) == v ? fixed : fmt::format("{} ({} {})", fixed, A.exact, v.to_exact_string());
    };
    fact(headline.c_str(),
         fmt::format("**{}** — **{}**", exact_note(r.score.index), md(r.score.predicate->name.get(lang))));
    if (r.other)
        fact(r.basis == Basis::verified ? L.self_index : L.verified_index,
             fmt::format("{} — {}", exact_note(r.other->index), md(r.other->predicate->name.get(lang))));
    if (rep.target) fact(A.target, md(target_words(*rep.gaps, pack, lang)));
    fact(A.as_of, rep.gaps->as_of.to_string());
    if (r.basis == Basis::self) out += fmt::format("\n> {}\n", A.self_basis);
    if (std::string n = source_notice(pack, lang); !n.empty()) out += fmt::format("\n> **{}**\n", md(n));

    const int tier = radar_tier(pack);
    const std::string tier_name = pack.tiers[static_cast<size_t>(tier)].name.get(lang);
    out += fmt::format("\n## {}\n\n", md(fmt::format(fmt::runtime(A.profile), tier_name)));
    if (!rep.chart_file.empty()) out += fmt::format("![{}]({})\n\n", A.chart_alt, md(rep.chart_file));
    const auto series = series_of(rep);
    out += fmt::format("| {} | {} |", A.number, md(tier_name));
    for (const auto& s : series) out += fmt::format(" {} |", series_name(s, A));
    out += "\n|---:|---|";
    for (size_t k = 0; k < series.size(); ++k) out += "---:|";
    out += "\n";
    const auto groups = pack.groups_of_tier(tier);
    for (size_t k = 0; k < groups.size(); ++k) {
        const auto g = static_cast<size_t>(groups[k]);
        out += fmt::format("| {} | {} |", axis_label(pack.groups[g], k), md(pack.groups[g].name.get(lang)));
        for (const auto& s : series) out += fmt::format(" {} |", index_text(pack, s.score->group_index[g]));
        out += "\n";
    }
    if (tier != 0) {
        out +=
            fmt::format("\n| {} | {} | {} |\n|---|---:|---|\n", md(pack.tiers[0].name.get(lang)), L.index, L.predicate);
        for (int gi : pack.groups_of_tier(0)) {
            const auto g = static_cast<size_t>(gi);
            out += fmt::format("| {} | {} | {} |\n", md(pack.groups[g].name.get(lang)),
                               index_text(pack, r.score.group_index[g]),
                               md(pack.predicate_for(r.score.group_index[g]).name.get(lang)));
        }
    }

    out +=
        fmt::format("\n## {}\n\n| ID | {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---:|---:|\n",
                    A.indicators, L.indicator, A.series_self, A.series_verified, A.counted, L.weight, L.contribution);
    for (size_t i = 0; i < pack.indicators.size(); ++i) {
        const Indicator& ind = pack.indicators[i];
        const IndicatorEntry* e = r.file.find(ind.id);
        out += fmt::format("| {} | {} | {} | {} | **{}** | {} | {} |\n", md(ind.id), md(ind.name.get(lang)),
                           md(self_cell(pack, e)), md(entry_level(pack, e ? e->verified : std::nullopt)),
                           pack.value_text(r.score.levels[i]), format_weight(ind.weight),
                           index_contribution(pack, static_cast<int>(i), r.score.levels[i]).to_exact_string());
    }
    out += fmt::format("| | **{}** | | | | {} | **{}** |\n", A.total, format_weight(pack.total_weight),
                       r.score.index.to_exact_string());

    const GapsResult& g = *rep.gaps;
    out += fmt::format("\n## {}\n\n{}\n", A.gaps, md(gaps_sentence(rep, lang)));
    const size_t shown = std::min(rep.top_gaps, g.rows.size());
    for (size_t k = 0; k < shown; ++k) {
        const GapRow& row = g.rows[k];
        const Indicator& ind = pack.indicators[static_cast<size_t>(row.indicator)];
        out += fmt::format("\n### {} {} — {}: {} → {}, +{}\n\n**{}:** {}\n", L.indicator, md(ind.id),
                           md(ind.name.get(lang)), pack.value_text(row.current), pack.value_text(row.target),
                           row.gain_total.to_fixed(3), fmt::format(fmt::runtime(A.next_criteria), row.next_level),
                           md(*row.criteria));
        if (row.conditions && !row.conditions->empty())
            out += fmt::format("\n**{}:** {}\n", L.conditions, md(*row.conditions));
        if (row.expected_evidence && !row.expected_evidence->empty())
            out += fmt::format("\n**{}:** {}\n", L.evidence, md(*row.expected_evidence));
        for (const auto& is : row.evidence_issues)
            out += fmt::format("\n- {}: {}\n", md(is.item->title), problems_text(is, A));
    }
    if (g.rows.size() > shown)
        out += fmt::format("\n{}\n", md(fmt::format(fmt::runtime(A.more_gaps), g.rows.size() - shown)));

    out += fmt::format("\n## {}\n\n", A.evidence);
    if (rep.evidence.empty()) out += fmt::format("{}\n", A.no_evidence);
    else {
        out += fmt::format("{}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
                           fmt::format(fmt::runtime(A.problems), evidence_problem_count(rep), rep.evidence.size()),
                           L.indicator, A.document, A.file, A.valid_until, A.status);
        for (const auto& e : rep.evidence) {
            const EvidenceItem& item = *e.issue.item;
            std::string status = problems_text(e.issue, A);
            out += fmt::format("| {} | {} | {} | {} | {} |\n", md(pack.indicators[static_cast<size_t>(e.indicator)].id),
                               md(item.title), md(item.file), item.valid_until ? item.valid_until->to_string() : "—",
                               e.issue.problems.empty() ? status : "**" + status + "**");
        }
    }
    out += fmt::format("\n---\n\n{}\n", md(fmt::format(fmt::runtime(A.generated), rep.generator, pack.id)));
    out += source_footer(pack, lang, true);
    return out;
}

} // namespace spbe
