// Batch renderers. Layout decisions: one line per agency with the top-tier groups as columns (ids,
// as in the CSV), a summary block per rubric (statistics are never mixed across rubric packs), and
// per-group tables with the predicate distribution as count columns.
#include "report/batch_report.hpp"

#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace spbe {

namespace {

struct BatchLabels {
    const char* rank;
    const char* rank_word;
    const char* file;
    const char* summary;
    const char* agency;
    const char* agencies;
    const char* count;
    const char* mean;
    const char* median;
    const char* min;
    const char* max;
    const char* stddev;
    const char* none;
    const char* province;
    const char* type;
    const char* invalid;
};

const BatchLabels& batch_labels(Lang lang) {
    static const BatchLabels id{"#", "Peringkat", "Berkas", "Ringkasan", "instansi", "instansi", "Jumlah", "Rata-rata", "Median", "Minimum", "Maksimum",
                                "Simpangan baku", "(tidak diisi)", "Provinsi", "Jenis", "Masukan tidak valid"};
    static const BatchLabels en{"#", "Rank", "File", "Summary", "agency", "agencies", "Count", "Mean", "Median", "Minimum", "Maximum",
                                "Std. deviation", "(not given)", "Province", "Type", "Invalid inputs"};
    return lang == Lang::en ? en : id;
}

std::string group_key(const BatchRow& r, GroupBy by) {
    switch (by) {
    case GroupBy::province: return r.agency.province;
    case GroupBy::type: return r.agency.type;
    case GroupBy::year: return r.year ? std::to_string(*r.year) : std::string();
    case GroupBy::none: break;
    }
    return {};
}

const char* group_by_name(GroupBy by) {
    switch (by) {
    case GroupBy::province: return "province";
    case GroupBy::type: return "type";
    case GroupBy::year: return "year";
    case GroupBy::none: break;
    }
    return "";
}

std::string group_by_label(GroupBy by, Lang lang) {
    const BatchLabels& B = batch_labels(lang);
    switch (by) {
    case GroupBy::province: return B.province;
    case GroupBy::type: return B.type;
    case GroupBy::year: return labels(lang).year;
    case GroupBy::none: break;
    }
    return {};
}

SummaryPart make_part(const Pack& pack, const std::vector<const BatchRow*>& rows, std::string key) {
    SummaryPart p;
    p.key = std::move(key);
    std::vector<Rational> values;
    values.reserve(rows.size());
    for (const auto* r : rows) values.push_back(r->index);
    p.stats = compute_batch_stats(pack, values);
    p.min_agency = rows[p.stats.min_pos]->agency.name;
    p.min_path = rows[p.stats.min_pos]->path;
    p.max_agency = rows[p.stats.max_pos]->agency.name;
    p.max_path = rows[p.stats.max_pos]->path;
    return p;
}

// Top-tier group ids over all rows, in order of first use (packs may differ).
std::vector<std::string> top_columns(const std::vector<BatchRow>& rows) {
    // Packs with more top-tier groups first, so that a newer pack's order wins whatever the row order.
    std::vector<const Pack*> packs;
    for (const auto& r : rows)
        if (std::find(packs.begin(), packs.end(), r.pack) == packs.end()) packs.push_back(r.pack);
    std::sort(packs.begin(), packs.end(), [](const Pack* a, const Pack* b) {
        size_t na = a->groups_of_tier(0).size(), nb = b->groups_of_tier(0).size();
        return na != nb ? na > nb : a->id > b->id;
    });
    std::vector<std::string> cols;
    for (const Pack* pack : packs) {
        for (int gi : pack->groups_of_tier(0)) {
            const std::string& id = pack->groups[static_cast<size_t>(gi)].id;
            if (std::find(cols.begin(), cols.end(), id) == cols.end()) cols.push_back(id);
        }
    }
    return cols;
}

std::string top_cell(const BatchRow& r, const std::string& col) {
    auto tops = r.pack->groups_of_tier(0);
    for (size_t k = 0; k < tops.size(); ++k)
        if (r.pack->groups[static_cast<size_t>(tops[k])].id == col) return r.top[k].to_fixed(r.pack->precision);
    return "";
}

bool mixed_rubrics(const std::vector<BatchRow>& rows) {
    for (const auto& r : rows)
        if (r.pack != rows.front().pack) return true;
    return false;
}

std::string year_text(const BatchRow& r) { return r.year ? std::to_string(*r.year) : ""; }

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

std::string key_text(const std::string& key, Lang lang) { return key.empty() ? batch_labels(lang).none : key; }

// Rows of the per-group table: key, count, mean, median, min, max, std dev, one count per predicate.
std::vector<std::vector<std::string>> group_rows(const BatchSummary& s, const RubricSummary& rs, Lang lang) {
    const BatchLabels& B = batch_labels(lang);
    const Pack& pack = *rs.pack;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{group_by_label(s.group_by, lang), B.count, B.mean, B.median, B.min, B.max, B.stddev};
    for (const auto& p : pack.predicates) header.push_back(p.name.get(lang));
    rows.push_back(header);
    for (const auto& g : rs.groups) {
        const BatchStats& st = g.stats;
        std::vector<std::string> row{key_text(g.key, lang), std::to_string(st.count), st.mean.to_fixed(pack.precision), st.median.to_fixed(pack.precision),
                                     st.min.to_fixed(pack.precision), st.max.to_fixed(pack.precision), decimal_sqrt(st.variance, pack.precision)};
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
        w.field("predicate", pack.predicates[k].name.get(lang));
        w.field("count", static_cast<long long>(st.predicate_counts[k]));
        w.end_object();
    }
    w.end_array();
}

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

// A fragment rendered at depth 0 ("{\n  ...\n}"), with a rank put first and re-indented by `depth`.
std::string place_fragment(std::string frag, const BatchRow& r, bool ranked, bool pretty, int depth) {
    while (!frag.empty() && frag.back() == '\n') frag.pop_back();
    if (pretty) {
        if (ranked) frag = fmt::format("{{\n  \"rank\": {},{}", r.rank, frag.substr(1));
        std::string indent(static_cast<size_t>(depth) * 2, ' ');
        std::string out;
        out.reserve(frag.size() + frag.size() / 8);
        for (char c : frag) {
            out += c;
            if (c == '\n') out += indent;
        }
        return out;
    }
    std::string head = "{\"type\":\"agency\",";
    if (ranked) head += fmt::format("\"rank\":{},", r.rank);
    return head + frag.substr(1);
}

} // namespace

BatchRow make_batch_row(const AgencyResult& r) {
    BatchRow row;
    row.path = r.path;
    row.pack = r.pack;
    row.agency = r.file.agency;
    row.year = r.file.year;
    row.index = r.score.index;
    row.predicate = r.score.predicate;
    for (int gi : r.pack->groups_of_tier(0)) row.top.push_back(r.score.group_index[static_cast<size_t>(gi)]);
    return row;
}

BatchSummary summarize_batch(const std::vector<BatchRow>& rows, GroupBy by, size_t invalid) {
    BatchSummary s;
    s.group_by = by;
    s.scored = rows.size();
    s.invalid = invalid;
    std::map<std::string, std::vector<const BatchRow*>> by_rubric;
    for (const auto& r : rows) by_rubric[r.pack->id].push_back(&r);
    for (const auto& [id, list] : by_rubric) {
        RubricSummary rs;
        rs.pack = list.front()->pack;
        rs.all = make_part(*rs.pack, list, "");
        if (by != GroupBy::none) {
            std::map<std::string, std::vector<const BatchRow*>> groups;
            std::vector<const BatchRow*> unkeyed;
            for (const auto* r : list) {
                std::string key = group_key(*r, by);
                if (key.empty()) unkeyed.push_back(r);
                else groups[key].push_back(r);
            }
            for (const auto& [key, members] : groups) rs.groups.push_back(make_part(*rs.pack, members, key));
            if (!unkeyed.empty()) rs.groups.push_back(make_part(*rs.pack, unkeyed, ""));
        }
        s.rubrics.push_back(std::move(rs));
    }
    return s;
}

void assign_ranks(std::vector<BatchRow>& rows) {
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i].rank = i > 0 && rows[i].index == rows[i - 1].index ? rows[i - 1].rank : static_cast<int>(i) + 1;
}

std::string agency_json_fragment(const AgencyResult& r, const ReportOptions& opt, bool pretty) {
    JsonWriter w(pretty);
    w.begin_object();
    write_agency_json(w, r, opt);
    w.end_object();
    return w.str();
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
        std::vector<std::vector<std::string>> rows{
            {B.mean, st.mean.to_fixed(pack.precision)},
            {B.median, st.median.to_fixed(pack.precision)},
            {B.min, st.min.to_fixed(pack.precision), rs.all.min_agency},
            {B.max, st.max.to_fixed(pack.precision), rs.all.max_agency},
            {B.stddev, decimal_sqrt(st.variance, pack.precision)},
        };
        out += render_table(rows, {false, true, false});
        // The predicate counts are wider than a value column, so they get a line of their own.
        size_t label_width = 0;
        for (const auto& r : rows) label_width = std::max(label_width, display_width(r[0]));
        out += "  " + pad_right(L.predicate, std::max(label_width, display_width(L.predicate))) + "  " + predicate_line(pack, st, opt.lang) + "\n";
        if (s.group_by != GroupBy::none) {
            std::vector<bool> right(7 + pack.predicates.size(), true);
            right[0] = false;
            out += "\n" + render_table(group_rows(s, rs, opt.lang), right);
        }
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
        out += fmt::format("| {} | {} | |\n", B.mean, st.mean.to_fixed(pack.precision));
        out += fmt::format("| {} | {} | |\n", B.median, st.median.to_fixed(pack.precision));
        out += fmt::format("| {} | {} | {} |\n", B.min, st.min.to_fixed(pack.precision), markdown_escape(rs.all.min_agency));
        out += fmt::format("| {} | {} | {} |\n", B.max, st.max.to_fixed(pack.precision), markdown_escape(rs.all.max_agency));
        out += fmt::format("| {} | {} | |\n", B.stddev, decimal_sqrt(st.variance, pack.precision));
        out += fmt::format("| {} | | {} |\n", L.predicate, predicate_line(pack, st, opt.lang));
        if (s.group_by != GroupBy::none) {
            auto rows = group_rows(s, rs, opt.lang);
            out += "\n";
            for (size_t i = 0; i < rows.size(); ++i) {
                out += "|";
                for (const auto& c : rows[i]) out += " " + markdown_escape(c) + " |";
                out += "\n";
                if (i == 0) {
                    out += "|---|";
                    for (size_t c = 1; c < rows[i].size(); ++c) out += "---:|";
                    out += "\n";
                }
            }
        }
    }
    if (s.invalid > 0) out += fmt::format("\n{}: {}\n", B.invalid, s.invalid);
    return out;
}

std::string render_batch_table(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt) {
    const Labels& L = labels(opt.base.lang);
    const BatchLabels& B = batch_labels(opt.base.lang);
    std::string out;
    if (opt.detail_blocks) {
        for (const auto& r : rows) {
            if (!out.empty()) out += "\n";
            if (opt.ranked) out += fmt::format("{} {}\n", B.rank_word, r.rank);
            out += r.fragment;
        }
    } else if (!rows.empty()) {
        bool mixed = mixed_rubrics(rows);
        auto cols = top_columns(rows);
        std::vector<std::vector<std::string>> table;
        std::vector<bool> right;
        std::vector<std::string> header;
        if (opt.ranked) {
            header.push_back(B.rank);
            right.push_back(true);
        }
        for (const char* h : {L.agency, L.year}) header.push_back(h);
        right.insert(right.end(), {false, true});
        if (mixed) {
            header.push_back(L.rubric);
            right.push_back(false);
        }
        header.push_back(L.index);
        header.push_back(L.predicate);
        right.insert(right.end(), {true, false});
        for (const auto& c : cols) {
            header.push_back(c);
            right.push_back(true);
        }
        header.push_back(B.file);
        right.push_back(false);
        table.push_back(header);
        for (const auto& r : rows) {
            std::vector<std::string> row;
            if (opt.ranked) row.push_back(std::to_string(r.rank));
            row.push_back(r.agency.name);
            row.push_back(year_text(r));
            if (mixed) row.push_back(r.pack->id);
            row.push_back(colorize(r.index.to_fixed(r.pack->precision), Color::bold, opt.base.color));
            row.push_back(colorize(r.predicate->name.get(opt.base.lang), predicate_color(*r.pack, *r.predicate), opt.base.color));
            for (const auto& c : cols) row.push_back(top_cell(r, c));
            row.push_back(r.path);
            table.push_back(row);
        }
        out += render_table(table, right, "");
    }
    if (opt.summary && !s.rubrics.empty()) out += "\n" + render_summary_table(s, opt.base);
    else if (opt.summary && s.invalid > 0) out += fmt::format("\n{}: {}\n", B.invalid, s.invalid);
    return out;
}

std::string render_batch_markdown(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt) {
    const Labels& L = labels(opt.base.lang);
    const BatchLabels& B = batch_labels(opt.base.lang);
    std::string out;
    if (opt.detail_blocks) {
        for (const auto& r : rows) {
            if (!out.empty()) out += "\n";
            out += r.fragment;
        }
    } else if (!rows.empty()) {
        bool mixed = mixed_rubrics(rows);
        auto cols = top_columns(rows);
        std::string head = "|", rule = "|";
        auto col = [&](const std::string& name, bool right) {
            head += " " + markdown_escape(name) + " |";
            rule += right ? "---:|" : "---|";
        };
        if (opt.ranked) col(B.rank, true);
        col(L.agency, false);
        col(L.year, true);
        if (mixed) col(L.rubric, false);
        col(L.index, true);
        col(L.predicate, false);
        for (const auto& c : cols) col(c, true);
        col(B.file, false);
        out += head + "\n" + rule + "\n";
        for (const auto& r : rows) {
            std::string line = "|";
            auto cell = [&](const std::string& v) { line += " " + markdown_escape(v) + " |"; };
            if (opt.ranked) cell(std::to_string(r.rank));
            cell(r.agency.name);
            cell(year_text(r));
            if (mixed) cell(r.pack->id);
            cell(r.index.to_fixed(r.pack->precision));
            cell(r.predicate->name.get(opt.base.lang));
            for (const auto& c : cols) cell(top_cell(r, c));
            cell(r.path);
            out += line + "\n";
        }
    }
    if (opt.summary && (!s.rubrics.empty() || s.invalid > 0)) out += "\n" + render_summary_markdown(s, opt.base);
    return out;
}

std::string render_batch_csv(const std::vector<BatchRow>& rows, const BatchReportOptions& opt) {
    // The columns of the single-run CSV (render_score_csv), with `rank` first when ranked.
    auto cols = top_columns(rows);
    std::vector<std::string> header;
    if (opt.ranked) header.push_back("rank");
    for (const char* h : {"file", "agency", "code", "type", "province", "year", "rubric", "index", "index_exact", "predicate"}) header.push_back(h);
    header.insert(header.end(), cols.begin(), cols.end());
    std::string out = csv_row(header);
    for (const auto& r : rows) {
        std::vector<std::string> row;
        if (opt.ranked) row.push_back(std::to_string(r.rank));
        for (std::string v : {r.path, r.agency.name, r.agency.code, r.agency.type, r.agency.province, year_text(r), r.pack->id,
                              r.index.to_fixed(r.pack->precision), r.index.to_exact_string(), r.predicate->name.get(opt.base.lang)})
            row.push_back(std::move(v));
        for (const auto& c : cols) row.push_back(top_cell(r, c));
        out += csv_row(row);
    }
    return out;
}

std::string render_batch_json(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt) {
    JsonWriter w;
    size_t total = 0;
    for (const auto& r : rows) total += r.fragment.size() + r.fragment.size() / 4 + 64; // + indentation
    w.reserve(total + 65536);
    w.begin_object();
    w.field("schema", kBatchJsonSchema);
    w.key("results").begin_array();
    for (const auto& r : rows) w.raw_number(place_fragment(r.fragment, r, opt.ranked, true, 2));
    w.end_array();
    w.key("summary").begin_object();
    write_summary_json(w, s, opt.base.lang);
    w.end_object();
    w.end_object();
    return w.take();
}

std::string render_batch_jsonl(const std::vector<BatchRow>& rows, const BatchSummary& s, const BatchReportOptions& opt) {
    std::string out;
    size_t total = 0;
    for (const auto& r : rows) total += r.fragment.size() + 32;
    out.reserve(total + 4096); // one allocation: a growing string would briefly need twice the output
    for (const auto& r : rows) {
        out += place_fragment(r.fragment, r, opt.ranked, false, 0);
        out += '\n';
    }
    JsonWriter w(false);
    w.begin_object();
    w.field("type", "summary");
    w.field("schema", kBatchJsonSchema);
    write_summary_json(w, s, opt.base.lang);
    w.end_object();
    out += w.str(); // appended in place: `out + …` would copy the whole output once more
    out += '\n';
    return out;
}

} // namespace spbe
