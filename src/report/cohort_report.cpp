// The cohort visual report: per rubric pack the summary, predicate distribution, histogram, group
// comparison, over-claiming (self-assessment minus verified index) and ranking, in HTML with inline
// SVG (and a grid of small radar charts) or in Markdown. Packs in id order, agencies by rank.
#include "report/cohort_report.hpp"

#include "report/charts.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"
#include "report/visual_common.hpp"

#include <fmt/format.h>

namespace spbe {

namespace {

struct CohortLabels {
    const char* title; // "{}" the index name
    const char* title_mixed;
    const char* scored;  // "{}" count
    const char* invalid; // "{}" count
    const char* basis_self;
    const char* summary;
    const char* count;
    const char* mean;
    const char* median;
    const char* lowest;
    const char* highest;
    const char* stddev;
    const char* distribution;
    const char* range;
    const char* share;
    const char* histogram;
    const char* histogram_x;
    const char* histogram_y;
    const char* by_group; // "{}" province / type
    const char* province;
    const char* type;
    const char* year;
    const char* not_given;
    const char* province_column;
    const char* type_column;
    const char* inflation;
    const char* inflation_sentence; // mean, verified count, over-claimed count
    const char* unverified;         // "{}" count
    const char* none_verified;
    const char* self;
    const char* verified;
    const char* difference;
    const char* ranking;
    const char* rank;
    const char* multiples; // "{}" tier name
    const char* axes;      // "{}" tier name
    const char* generated; // "{}" generator
};

const CohortLabels& cohort_labels(Lang lang) {
    static const LabelSet<CohortLabels> set({
        {"Laporan kohort {}", "{} cohort report"},       // title
        {"Laporan kohort", "Cohort report"},             // title_mixed
        {"{} instansi dinilai.", "{} agencies scored."}, // scored
        {"{} masukan tidak dapat dinilai (pesannya di stderr) dan tidak termasuk di sini.",
         "{} inputs could not be scored (their messages are on stderr) and are left out."}, // invalid
        {"Dihitung dari penilaian mandiri (--basis self), bukan dari hasil verifikasi evaluator.",
         "Computed from the self-assessments (--basis self), not from the evaluators' verified levels."}, // basis_self
        {"Ringkasan", "Summary"},                                                                         // summary
        {"Jumlah instansi", "Agencies"},                                                                  // count
        {"Rata-rata", "Mean"},                                                                            // mean
        {"Median", "Median"},                                                                             // median
        {"Terendah", "Lowest"},                                                                           // lowest
        {"Tertinggi", "Highest"},                                                                         // highest
        {"Simpangan baku", "Standard deviation"},                                                         // stddev
        {"Sebaran predikat", "Predicate distribution"}, // distribution
        {"Rentang", "Range"},                           // range
        {"Porsi", "Share"},                             // share
        {"Histogram indeks", "Index histogram"},        // histogram
        {"Indeks (kelas selebar 0,1; batas bawah termasuk)",
         "Index (bins 0.1 wide, lower bound included)"}, // histogram_x
        {"Jumlah instansi", "Agencies"},                 // histogram_y
        {"Perbandingan per {}", "Comparison by {}"},     // by_group
        {"provinsi", "province"},                        // province
        {"jenis instansi", "agency type"},               // type
        {"tahun", "year"},                               // year
        {"(tidak diisi)", "(not given)"},                // not_given
        {"Provinsi", "Province"},                        // province_column
        {"Jenis", "Type"},                               // type_column
        {"Penilaian mandiri terhadap hasil verifikasi", "Self-assessment against the verified index"}, // inflation
        {"Rata-rata selisih (mandiri − verifikasi): {} indeks, dari {} instansi yang sudah diverifikasi; {} di "
         "antaranya menilai diri lebih tinggi daripada evaluator.",
         "Mean difference (self − verified): {} index points over {} verified agencies; {} of them rated "
         "themselves above the evaluator."}, // inflation_sentence
        {"{} instansi belum memiliki tingkat hasil verifikasi dan tidak dihitung.",
         "{} agencies have no verified levels yet and are not counted."},                              // unverified
        {"Belum ada instansi dengan tingkat hasil verifikasi.", "No agency has verified levels yet."}, // none_verified
        {"Mandiri", "Self"},                                                                           // self
        {"Verifikasi", "Verified"},                                                                    // verified
        {"Selisih", "Difference"},                                                                     // difference
        {"Peringkat", "Ranking"},                                                                      // ranking
        {"No.", "Rank"},                                                                               // rank
        {"Profil {} per instansi", "{} profile per agency"},                                           // multiples
        {"Nomor {}:", "{} numbers:"},                                                                  // axes
        {"Dibuat dengan {}; angka tepat, dibulatkan setengah ke atas hanya untuk tampilan.",
         "Made with {}; exact numbers, rounded half-up for display only."}, // generated
    });
    return set.get(lang);
}

std::string fixed(const Pack& pack, const Rational& v) { return v.to_fixed(pack.precision); }

// "spbe-2020 — Evaluasi SPBE menurut PermenPANRB 59/2020", with the regulation when the title lacks it.
std::string rubric_line(const Pack& pack, Lang lang) {
    std::string out = fmt::format("{} — {}", pack.id, pack.title.get(lang));
    if (!pack.source.regulation.empty() && out.find(pack.source.regulation) == std::string::npos)
        out += fmt::format(" ({})", pack.source.regulation);
    return out;
}

std::string signed_fixed(const Pack& pack, const Rational& v) {
    std::string s = fixed(pack, v);
    return v > Rational(0) ? "+" + s : s;
}

std::string percent(size_t part, size_t whole) {
    if (whole == 0) return "0.0";
    return Rational(static_cast<long long>(part) * 100, static_cast<long long>(whole)).to_fixed(1);
}

const char* group_word(GroupBy by, const CohortLabels& C) {
    return by == GroupBy::province ? C.province : by == GroupBy::type ? C.type : C.year;
}

const char* group_column(GroupBy by, const CohortLabels& C) {
    return by == GroupBy::province ? C.province_column : C.type_column;
}

std::string agency_name(const CohortMember& m) { return m.agency.name.empty() ? m.path : m.agency.name; }

// Lowest band first, for the distribution table.
struct BandRow {
    const Predicate* predicate;
    std::string range;
    size_t count;
};

std::vector<BandRow> band_rows(const CohortPack& p) {
    const Pack& pack = *p.pack;
    std::vector<BandRow> rows;
    std::string upper = std::to_string(pack.max_level());
    for (size_t i = 0; i < pack.predicates.size(); ++i) {
        const Predicate& pr = pack.predicates[i];
        std::string low = pr.min.to_exact_string();
        rows.push_back({&pr, i == 0 ? fmt::format("{} – {}", low, upper) : fmt::format("{} – < {}", low, upper),
                        p.summary.all.stats.predicate_counts[i]});
        upper = low;
    }
    return rows; // highest first, as the pack lists them
}

HistogramChart histogram_of(const CohortPack& p, Lang lang) {
    const CohortLabels& C = cohort_labels(lang);
    HistogramChart h;
    h.title = fmt::format("{} — {}", C.histogram, p.pack->index_name.get(lang));
    h.low = chart_value(p.histogram_low);
    h.bin_width = 0.1;
    h.counts = p.histogram;
    h.bands = predicate_bands(*p.pack, lang);
    h.x_label = C.histogram_x;
    h.y_label = C.histogram_y;
    return h;
}

std::string stats_html(const CohortPack& p, const SummaryPart& s, Lang lang) {
    (void)lang;
    const Pack& pack = *p.pack;
    return fmt::format("<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td>",
                       s.stats.count, fixed(pack, s.stats.mean), fixed(pack, s.stats.median), fixed(pack, s.stats.min),
                       fixed(pack, s.stats.max));
}

std::string pack_html(const CohortReport& rep, const CohortPack& p, Lang lang, bool mixed, bool first) {
    const Pack& pack = *p.pack;
    const Labels& L = labels(lang);
    const CohortLabels& C = cohort_labels(lang);
    const SummaryPart& all = p.summary.all;
    std::string b = first ? "<section>\n" : "<section class=\"page\">\n"; // in print each pack from a new page
    if (mixed) b += fmt::format("<h2>{} — {}</h2>\n", html(pack.index_name.get(lang)), html(pack.id));
    b += html_source_notice(pack, lang);
    b += fmt::format("<h2>{}</h2>\n<table class=\"facts\">\n", C.summary);
    b += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", L.rubric, html(rubric_line(pack, lang)));
    b += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", C.count, all.stats.count);
    b += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", C.mean, fixed(pack, all.stats.mean));
    b += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", C.median, fixed(pack, all.stats.median));
    b += fmt::format("<tr><th>{}</th><td>{} — {}</td></tr>\n", C.highest, fixed(pack, all.stats.max),
                     html(all.max_agency));
    b += fmt::format("<tr><th>{}</th><td>{} — {}</td></tr>\n", C.lowest, fixed(pack, all.stats.min),
                     html(all.min_agency));
    b += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n</table>\n", C.stddev,
                     decimal_sqrt(all.stats.variance, pack.precision));

    b += fmt::format("<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>"
                     "<th class=\"n\">{} %</th><th></th></tr></thead>\n<tbody>\n",
                     C.distribution, L.predicate, C.range, C.count, C.share);
    for (const auto& row : band_rows(p))
        b += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                         "<td style=\"width:45%\"><span class=\"bar\" style=\"width:{}%\"></span></td></tr>\n",
                         html(row.predicate->name.get(lang)), row.range, row.count, percent(row.count, all.stats.count),
                         percent(row.count, all.stats.count));
    b += "</tbody>\n</table>\n";
    b += fmt::format("<h3>{}</h3>\n<figure>\n{}</figure>\n", C.histogram,
                     render_histogram_svg(histogram_of(p, lang), false));

    if (rep.group_by != GroupBy::none && !p.summary.groups.empty()) {
        const char* word = group_word(rep.group_by, C);
        b += fmt::format("<h3>{}</h3>\n<table class=\"dense\">\n<thead><tr><th>{}</th><th class=\"n\">{}</th>"
                         "<th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>",
                         html(fmt::format(fmt::runtime(C.by_group), word)), group_column(rep.group_by, C), C.count,
                         C.mean, C.median, C.lowest, C.highest);
        for (const auto& pr : pack.predicates) b += fmt::format("<th class=\"n\">{}</th>", html(pr.name.get(lang)));
        b += "</tr></thead>\n<tbody>\n";
        for (const auto& g : p.summary.groups) {
            b += fmt::format("<tr><td>{}</td>{}", g.key.empty() ? C.not_given : html(g.key), stats_html(p, g, lang));
            for (size_t c : g.stats.predicate_counts) b += fmt::format("<td class=\"n\">{}</td>", c);
            b += "</tr>\n";
        }
        b += "</tbody>\n</table>\n";
    }

    b += fmt::format("<h3>{}</h3>\n", C.inflation);
    if (p.verified_count == 0) b += fmt::format("<p>{}</p>\n", C.none_verified);
    else {
        b += fmt::format("<p><b>{}</b></p>\n",
                         html(fmt::format(fmt::runtime(C.inflation_sentence), signed_fixed(pack, p.mean_inflation),
                                          p.verified_count, p.over_claimed)));
        if (size_t left = p.members.size() - p.verified_count)
            b += fmt::format("<p class=\"muted\">{}</p>\n", fmt::format(fmt::runtime(C.unverified), left));
        b += fmt::format("<table class=\"dense\">\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>"
                         "<th class=\"n\">{}</th></tr></thead>\n<tbody>\n",
                         L.agency, C.self, C.verified, C.difference);
        for (size_t i : p.by_inflation) {
            const CohortMember& m = p.members[i];
            Rational diff = m.self_index - m.verified_index;
            b += fmt::format(
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                html(agency_name(m)), fixed(pack, m.self_index), fixed(pack, m.verified_index),
                diff > Rational(0) ? "<b>" + signed_fixed(pack, diff) + "</b>" : signed_fixed(pack, diff));
        }
        b += "</tbody>\n</table>\n";
    }
    b += "</section>\n";

    // Ranking: top-tier groups by number in the header, named once under the table.
    const auto top = pack.groups_of_tier(0);
    std::string legend;
    b += fmt::format(
        "<section class=\"page\">\n<h2>{}</h2>\n<table class=\"dense\">\n<thead><tr><th class=\"n\">{}</th><th>{}</th>"
        "<th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th>",
        C.ranking, C.rank, L.agency, C.province_column, C.type_column, L.year, L.index, L.predicate);
    for (size_t k = 0; k < top.size(); ++k) {
        const Group& g = pack.groups[static_cast<size_t>(top[k])];
        b += fmt::format("<th class=\"n\" title=\"{}\">{}</th>", html(g.name.get(lang)), axis_label(g, k));
        legend += fmt::format("{}{} = {}", legend.empty() ? "" : "; ", axis_label(g, k), g.name.get(lang));
    }
    b += "</tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < p.members.size(); ++i) {
        const CohortMember& m = p.members[i];
        b +=
            fmt::format("<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>"
                        "<td class=\"n\"><b>{}</b></td><td>{}</td>",
                        p.ranks[i], html(agency_name(m)), html(m.agency.province), html(m.agency.type),
                        m.year ? std::to_string(*m.year) : "", fixed(pack, m.index), html(m.predicate->name.get(lang)));
        for (int g : top)
            b += fmt::format("<td class=\"n\">{}</td>", fixed(pack, m.group_index[static_cast<size_t>(g)]));
        b += "</tr>\n";
    }
    b += fmt::format("</tbody>\n</table>\n<p class=\"muted\">{} {}</p>\n</section>\n",
                     html(fmt::format(fmt::runtime(C.axes), pack.tiers[0].name.get(lang))), html(legend));

    // Small multiples: one radar per agency, in rank order.
    const int tier = radar_tier(pack);
    const auto groups = pack.groups_of_tier(tier);
    std::string axes;
    for (size_t k = 0; k < groups.size(); ++k) {
        const Group& g = pack.groups[static_cast<size_t>(groups[k])];
        axes += fmt::format("{}{} = {}", axes.empty() ? "" : "; ", axis_label(g, k), g.name.get(lang));
    }
    const std::string tier_name = pack.tiers[static_cast<size_t>(tier)].name.get(lang);
    b += fmt::format("<section class=\"page\" id=\"profiles-{}\">\n<h2>{}</h2>\n<p class=\"muted\">{} {}</p>\n"
                     "<div class=\"grid\">\n",
                     html(pack.id), html(fmt::format(fmt::runtime(C.multiples), tier_name)),
                     html(fmt::format(fmt::runtime(C.axes), tier_name)), html(axes));
    for (size_t i = 0; i < p.members.size(); ++i) {
        const CohortMember& m = p.members[i];
        RadarChart c = radar_frame(pack, agency_name(m));
        c.size = 150;
        c.key = false;
        RadarSeries s{"", rep.basis == Basis::verified ? SeriesStyle::verified : SeriesStyle::self, {}};
        for (int g : groups) s.values.push_back(chart_value(m.group_index[static_cast<size_t>(g)]));
        c.series.push_back(std::move(s));
        c.caption = fmt::format("{}. {}\n{} · {}", p.ranks[i], agency_name(m), fixed(pack, m.index),
                                m.predicate->name.get(lang));
        b += fmt::format("<div class=\"card\">\n{}</div>\n", render_radar_svg(c, false));
    }
    b += "</div>\n</section>\n";
    return b;
}

std::string pack_markdown(const CohortReport& rep, const CohortPack& p, Lang lang, bool mixed) {
    const Pack& pack = *p.pack;
    const Labels& L = labels(lang);
    const CohortLabels& C = cohort_labels(lang);
    const SummaryPart& all = p.summary.all;
    auto md = [](std::string_view s) { return markdown_escape(s); };
    std::string out;
    if (mixed) out += fmt::format("\n## {} — {}\n", md(pack.index_name.get(lang)), md(pack.id));
    if (std::string n = source_notice(pack, lang); !n.empty()) out += fmt::format("\n> **{}**\n", md(n));
    out += fmt::format("\n### {}\n\n", C.summary);
    out += fmt::format("- **{}:** {}\n", L.rubric, md(rubric_line(pack, lang)));
    out += fmt::format("- **{}:** {}\n- **{}:** {}\n- **{}:** {}\n", C.count, all.stats.count, C.mean,
                       fixed(pack, all.stats.mean), C.median, fixed(pack, all.stats.median));
    out += fmt::format("- **{}:** {} — {}\n- **{}:** {} — {}\n- **{}:** {}\n", C.highest, fixed(pack, all.stats.max),
                       md(all.max_agency), C.lowest, fixed(pack, all.stats.min), md(all.min_agency), C.stddev,
                       decimal_sqrt(all.stats.variance, pack.precision));
    out += fmt::format("\n### {}\n\n| {} | {} | {} | {} % |\n|---|---:|---:|---:|\n", C.distribution, L.predicate,
                       C.range, C.count, C.share);
    for (const auto& row : band_rows(p))
        out += fmt::format("| {} | {} | {} | {} |\n", md(row.predicate->name.get(lang)), row.range, row.count,
                           percent(row.count, all.stats.count));
    if (rep.group_by != GroupBy::none && !p.summary.groups.empty()) {
        const char* word = group_word(rep.group_by, C);
        out +=
            fmt::format("\n### {}\n\n| {} | {} | {} | {} | {} | {} |", md(fmt::format(fmt::runtime(C.by_group), word)),
                        group_column(rep.group_by, C), C.count, C.mean, C.median, C.lowest, C.highest);
        for (const auto& pr : pack.predicates) out += fmt::format(" {} |", md(pr.name.get(lang)));
        out += "\n|---|---:|---:|---:|---:|---:|";
        for (size_t k = 0; k < pack.predicates.size(); ++k) out += "---:|";
        out += "\n";
        for (const auto& g : p.summary.groups) {
            out += fmt::format("| {} | {} | {} | {} | {} | {} |", g.key.empty() ? C.not_given : md(g.key),
                               g.stats.count, fixed(pack, g.stats.mean), fixed(pack, g.stats.median),
                               fixed(pack, g.stats.min), fixed(pack, g.stats.max));
            for (size_t c : g.stats.predicate_counts) out += fmt::format(" {} |", c);
            out += "\n";
        }
    }
    out += fmt::format("\n### {}\n\n", C.inflation);
    if (p.verified_count == 0) out += fmt::format("{}\n", C.none_verified);
    else {
        out +=
            fmt::format("{}\n", md(fmt::format(fmt::runtime(C.inflation_sentence), signed_fixed(pack, p.mean_inflation),
                                               p.verified_count, p.over_claimed)));
        if (size_t left = p.members.size() - p.verified_count)
            out += fmt::format("\n{}\n", fmt::format(fmt::runtime(C.unverified), left));
        out +=
            fmt::format("\n| {} | {} | {} | {} |\n|---|---:|---:|---:|\n", L.agency, C.self, C.verified, C.difference);
        for (size_t i : p.by_inflation) {
            const CohortMember& m = p.members[i];
            out += fmt::format("| {} | {} | {} | {} |\n", md(agency_name(m)), fixed(pack, m.self_index),
                               fixed(pack, m.verified_index), signed_fixed(pack, m.self_index - m.verified_index));
        }
    }
    const auto top = pack.groups_of_tier(0);
    out += fmt::format("\n### {}\n\n| {} | {} | {} | {} | {} | {} | {} |", C.ranking, C.rank, L.agency,
                       C.province_column, C.type_column, L.year, L.index, L.predicate);
    std::string legend;
    for (size_t k = 0; k < top.size(); ++k) {
        const Group& g = pack.groups[static_cast<size_t>(top[k])];
        out += fmt::format(" {} |", axis_label(g, k));
        legend += fmt::format("{}{} = {}", legend.empty() ? "" : "; ", axis_label(g, k), g.name.get(lang));
    }
    out += "\n|---:|---|---|---|---:|---:|---|";
    for (size_t k = 0; k < top.size(); ++k) out += "---:|";
    out += "\n";
    for (size_t i = 0; i < p.members.size(); ++i) {
        const CohortMember& m = p.members[i];
        out += fmt::format("| {} | {} | {} | {} | {} | **{}** | {} |", p.ranks[i], md(agency_name(m)),
                           md(m.agency.province), md(m.agency.type), m.year ? std::to_string(*m.year) : "",
                           fixed(pack, m.index), md(m.predicate->name.get(lang)));
        for (int g : top) out += fmt::format(" {} |", fixed(pack, m.group_index[static_cast<size_t>(g)]));
        out += "\n";
    }
    out += fmt::format("\n{} {}\n", md(fmt::format(fmt::runtime(C.axes), pack.tiers[0].name.get(lang))), md(legend));
    return out;
}

std::string report_title(const CohortReport& rep, Lang lang) {
    const CohortLabels& C = cohort_labels(lang);
    const auto& packs = rep.cohort->packs;
    if (packs.size() == 1) return fmt::format(fmt::runtime(C.title), packs[0].pack->index_name.get(lang));
    return C.title_mixed;
}

} // namespace

std::string render_cohort_html(const CohortReport& rep, Lang lang) {
    const CohortLabels& C = cohort_labels(lang);
    const std::string title = report_title(rep, lang);
    std::string b = fmt::format("<header>\n<h1>{}</h1>\n<p class=\"headline\">{}</p>\n", html(title),
                                fmt::format(fmt::runtime(C.scored), rep.cohort->scored));
    if (rep.invalid)
        b += fmt::format("<p class=\"notice\">{}</p>\n", fmt::format(fmt::runtime(C.invalid), rep.invalid));
    if (rep.basis == Basis::self) b += fmt::format("<p class=\"notice\">{}</p>\n", C.basis_self);
    b += "</header>\n";
    const bool mixed = rep.cohort->packs.size() > 1;
    for (const auto& p : rep.cohort->packs) b += pack_html(rep, p, lang, mixed, &p == &rep.cohort->packs.front());
    b += "<footer>\n";
    for (const auto& p : rep.cohort->packs) b += html_source_notice(*p.pack, lang);
    b += fmt::format("<p>{}</p>\n</footer>\n", html(fmt::format(fmt::runtime(C.generated), rep.generator)));
    return html_document(lang, title, b);
}

std::string render_cohort_markdown(const CohortReport& rep, Lang lang) {
    const CohortLabels& C = cohort_labels(lang);
    std::string out = fmt::format("# {} · {}\n\n", markdown_escape(report_title(rep, lang)),
                                  fmt::format(fmt::runtime(C.scored), rep.cohort->scored));
    if (rep.invalid) out += fmt::format("> {}\n\n", fmt::format(fmt::runtime(C.invalid), rep.invalid));
    if (rep.basis == Basis::self) out += fmt::format("> {}\n\n", C.basis_self);
    const bool mixed = rep.cohort->packs.size() > 1;
    for (const auto& p : rep.cohort->packs) out += pack_markdown(rep, p, lang, mixed);
    out += fmt::format("\n---\n\n{}\n", markdown_escape(fmt::format(fmt::runtime(C.generated), rep.generator)));
    for (const auto& p : rep.cohort->packs) out += source_footer(*p.pack, lang, true);
    return out;
}

std::string render_cohort_histogram_svg(const CohortReport& rep, Lang lang) {
    return render_histogram_svg(histogram_of(rep.cohort->packs.front(), lang), true);
}

} // namespace spbe
