// Batch summary renderers: a block per rubric (statistics are never mixed across rubric packs) and,
// with --group-by, a per-group table with the predicate distribution as count columns.
#include "report/batch_summary_report.hpp"

#include "report/batch_labels.hpp"
#include "report/labels.hpp"
#include "report/predicate_json.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace spbe {

namespace {

std::string summary_title(const RubricSummary& rs, Lang lang) {
    const BatchLabels& B = batch_labels(lang);
    const char* noun = rs.all.stats.count == 1 ? B.agency : B.agencies;
    return fmt::format("{} · {} · {} {}", B.summary, rs.pack->id, rs.all.stats.count, noun);
}

std::string predicate_line(const Pack& pack, const BatchStats& st, Lang lang) {
    std::string out;
    for (size_t k = 0; k < pack.predicates.size(); ++k)
        out += fmt::format("{}{} {}", k ? " · " : "", pack.predicates[k].name.get(lang), st.predicate_counts[k]);
    return out;
}

// Rows of the per-group table: key, count, mean, median, min, max, std dev, one count per predicate.
std::vector<std::vector<std::string>> group_rows(const BatchSummary& s, const RubricSummary& rs, Lang lang) {
    const BatchLabels& B = batch_labels(lang);
    const Pack& pack = *rs.pack;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{
        group_by_label(s.group_by, lang), B.count, B.mean, B.median, B.min, B.max, B.stddev};
    for (const auto& p : pack.predicates) header.push_back(p.name.get(lang));
    rows.push_back(header);
    for (const auto& g : rs.groups) {
        const BatchStats& st = g.stats;
        std::vector<std::string> row{key_text(g.key, lang),
                                     std::to_string(st.count),
                                     st.mean.to_fixed(pack.precision),
                                     st.median.to_fixed(pack.precision),
                                     st.min.to_fixed(pack.precision),
                                     st.max.to_fixed(pack.precision),
                                     decimal_sqrt(st.variance, pack.precision)};
        for (size_t c : st.predicate_counts) row.push_back(std::to_string(c));
        rows.push_back(row);
    }
    return rows;
}

void write_part_json(JsonWriter& w, const Pack& pack, const SummaryPart& p, Lang lang) {
    const BatchStats& st = p.stats;
    w.field("count", static_cast<long long>(st.count));
    w.key("mean").raw_number(st.mean.to_fixed(pack.precision));
    w.field("mean_exact", st.mean.to_exact_string());
    w.key("median").raw_number(st.median.to_fixed(pack.precision));
    w.field("median_exact", st.median.to_exact_string());
    auto extreme = [&](const char* k, const Rational& v, const std::string& agency, const std::string& path) {
        w.key(k).begin_object();
        w.key("index").raw_number(v.to_fixed(pack.precision));
        w.field("index_exact", v.to_exact_string());
        w.field("agency", agency);
        w.field("file", path);
        w.end_object();
    };
    extreme("min", st.min, p.min_agency, p.min_path);
    extreme("max", st.max, p.max_agency, p.max_path);
    w.key("stddev").raw_number(decimal_sqrt(st.variance, pack.precision));
    w.field("variance_exact", st.variance.to_exact_string());
    w.key("predicates").begin_array();
    for (size_t k = 0; k < pack.predicates.size(); ++k) {
        w.begin_object();
        write_predicate(w, pack.predicates[k], lang);
        w.field("count", static_cast<long long>(st.predicate_counts[k]));
        w.end_object();
    }
    w.end_array();
}

} // namespace

void write_summary_json(JsonWriter& w, const BatchSummary& s, Lang lang) {
    w.field("scored", static_cast<long long>(s.scored));
    w.field("invalid", static_cast<long long>(s.invalid));
    w.key("group_by");
    if (s.group_by == GroupBy::none) w.null();
    else w.value(group_by_name(s.group_by));
    w.key("rubrics").begin_array();
    for (const auto& rs : s.rubrics) {
        w.begin_object();
        w.field("rubric", rs.pack->id);
        write_part_json(w, *rs.pack, rs.all, lang);
        if (s.group_by != GroupBy::none) {
            w.key("groups").begin_array();
            for (const auto& g : rs.groups) {
                w.begin_object();
                w.key(group_by_name(s.group_by));
                if (g.key.empty()) w.null();
                else if (s.group_by == GroupBy::year) w.raw_number(g.key);
                else w.value(g.key);
                write_part_json(w, *rs.pack, g, lang);
                w.end_object();
            }
            w.end_array();
        }
        w.end_object();
    }
    w.end_array();
}

// The statistics of one rubric's block as (label, value, agency) rows, shared by table and markdown.
std::vector<std::vector<std::string>> stat_rows(const RubricSummary& rs, const BatchLabels& B) {
    const Pack& pack = *rs.pack;
    const BatchStats& st = rs.all.stats;
    return {
        {B.mean, st.mean.to_fixed(pack.precision), ""},
        {B.median, st.median.to_fixed(pack.precision), ""},
        {B.min, st.min.to_fixed(pack.precision), rs.all.min_agency},
        {B.max, st.max.to_fixed(pack.precision), rs.all.max_agency},
        {B.stddev, decimal_sqrt(st.variance, pack.precision), ""},
    };
}

std::string render_summary_table(const BatchSummary& s, const ReportOptions& opt) {
    const Labels& L = labels(opt.lang);
    const BatchLabels& B = batch_labels(opt.lang);
    std::string out;
    for (const auto& rs : s.rubrics) {
        const Pack& pack = *rs.pack;
        const BatchStats& st = rs.all.stats;
        if (!out.empty()) out += "\n";
        out += colorize(summary_title(rs, opt.lang), Color::bold, opt.color) + "\n";
        auto rows = stat_rows(rs, B);
        for (auto& r : rows) r[2] = terminal_safe(r[2]);
        out += render_table(rows, {false, true, false});
        // The predicate counts are wider than a value column, so they get a line of their own.
        size_t label_width = 0;
        for (const auto& r : rows) label_width = std::max(label_width, display_width(r[0]));
        out += "  " + pad_right(L.predicate, std::max(label_width, display_width(L.predicate))) + "  " +
               terminal_safe(predicate_line(pack, st, opt.lang)) + "\n";
        if (s.group_by != GroupBy::none) {
            std::vector<bool> right(7 + pack.predicates.size(), true);
            right[0] = false;
            out += '\n';
            auto grows = group_rows(s, rs, opt.lang);
            for (auto& row : grows)
                for (auto& cell : row) cell = terminal_safe(cell);
            out += render_table(grows, right);
        }
        out += source_footer(pack, opt.lang, false);
    }
    if (s.invalid > 0) out += fmt::format("\n{}: {}\n", B.invalid, s.invalid);
    return out;
}

std::string render_summary_markdown(const BatchSummary& s, const ReportOptions& opt) {
    const Labels& L = labels(opt.lang);
    const BatchLabels& B = batch_labels(opt.lang);
    std::string out;
    for (const auto& rs : s.rubrics) {
        const Pack& pack = *rs.pack;
        const BatchStats& st = rs.all.stats;
        if (!out.empty()) out += "\n";
        out += fmt::format("## {}\n\n", markdown_escape(summary_title(rs, opt.lang)));
        out += "| | | |\n|---|---:|---|\n";
        for (const auto& r : stat_rows(rs, B))
            out += r[2].empty() ? fmt::format("| {} | {} | |\n", r[0], r[1])
                                : fmt::format("| {} | {} | {} |\n", r[0], r[1], markdown_escape(r[2]));
        out += fmt::format("| {} | | {} |\n", L.predicate, markdown_escape(predicate_line(pack, st, opt.lang)));
        if (s.group_by != GroupBy::none) {
            auto rows = group_rows(s, rs, opt.lang);
            out += "\n";
            for (size_t i = 0; i < rows.size(); ++i) {
                out += "|";
                for (const auto& c : rows[i]) {
                    out += ' ';
                    out += markdown_escape(c);
                    out += " |";
                }
                out += "\n";
                if (i == 0) {
                    out += "|---|";
                    for (size_t c = 1; c < rows[i].size(); ++c) out += "---:|";
                    out += "\n";
                }
            }
        }
        out += source_footer(pack, opt.lang, true);
    }
    if (s.invalid > 0) out += fmt::format("\n{}: {}\n", B.invalid, s.invalid);
    return out;
}

} // namespace spbe
