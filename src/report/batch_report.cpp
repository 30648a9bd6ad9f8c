// Batch renderers. Layout decisions: one line per agency with the top-tier groups as columns (ids,
// as in the CSV), a summary block per rubric (statistics are never mixed across rubric packs), and
// per-group tables with the predicate distribution as count columns.
#include "report/batch_report.hpp"

#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"
#include "model/varint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <stdexcept>

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

// Top-tier group ids of the packs in a batch.
std::vector<std::string> top_columns(std::vector<const Pack*> packs) {
    // Packs with more top-tier groups first, so that a newer pack's order wins whatever the row order.
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

void BatchSummarizer::Part::add(const BatchRow& row, size_t expected) {
    // Strict comparisons: ties keep the first in path order.
    if (count == 0 || row.index < min) {
        min = row.index;
        min_agency = row.agency.name;
        min_path = row.path;
    }
    if (count == 0 || row.index > max) {
        max = row.index;
        max_agency = row.agency.name;
        max_path = row.path;
    }
    ++count;
    if (!push_units(row.index, expected)) throw RationalOverflow();
}

bool BatchSummarizer::Part::push_units(const Rational& x, size_t expected) {
    using Int = Rational::Int;
    auto fits = [](Int v) { return v <= INT64_MAX && v >= INT64_MIN; };
    const Int d = x.den();
    if (den % d != 0) { // a finer denominator: rescale what is kept, after checking that it can be
        Int factor = d / gcd(d, den), wider;
        if (__builtin_mul_overflow(den, factor, &wider) || !fits(wider)) return false;
        for (long long u : units)
            if (!fits(static_cast<Int>(u) * factor)) return false;
        for (auto& u : units) u = static_cast<long long>(static_cast<Int>(u) * factor);
        den = wider;
    }
    Int u;
    if (__builtin_mul_overflow(x.num(), den / d, &u) || !fits(u)) return false;
    if (units.empty() && expected > 0) units.reserve(expected);
    units.push_back(static_cast<long long>(u));
    return true;
}

SummaryPart BatchSummarizer::Part::finish(const Pack& pack, std::string key) {
    SummaryPart out;
    out.key = std::move(key);
    out.stats = compute_batch_stats(pack, units, den);
    std::vector<long long>().swap(units);
    out.min_agency = std::move(min_agency);
    out.min_path = std::move(min_path);
    out.max_agency = std::move(max_agency);
    out.max_path = std::move(max_path);
    return out;
}

void BatchSummarizer::add(const BatchRow& row) {
    ++scored_;
    PerPack& pp = by_rubric_[row.pack->id];
    if (!pp.pack) {
        pp.pack = row.pack;
        packs_.push_back(row.pack);
    }
    pp.all.add(row, packs_.size() == 1 && by_ == GroupBy::none ? expected_ : 0);
    if (by_ != GroupBy::none) pp.groups[group_key(row, by_)].add(row, 0);
}

BatchSummary BatchSummarizer::finish(size_t invalid) {
    BatchSummary s;
    s.group_by = by_;
    s.scored = scored_;
    s.invalid = invalid;
    for (auto& [id, pp] : by_rubric_) { // std::map: sorted by pack id
        RubricSummary rs;
        rs.pack = pp.pack;
        rs.all = pp.all.finish(*pp.pack, "");
        for (auto& [key, g] : pp.groups)
            if (!key.empty()) rs.groups.push_back(g.finish(*pp.pack, key));
        if (auto it = pp.groups.find(""); it != pp.groups.end()) rs.groups.push_back(it->second.finish(*pp.pack, "")); // "not given" last
        s.rubrics.push_back(std::move(rs));
    }
    return s;
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
            {B.min, st.min.to_fixed(pack.precision), terminal_safe(rs.all.min_agency)},
            {B.max, st.max.to_fixed(pack.precision), terminal_safe(rs.all.max_agency)},
            {B.stddev, decimal_sqrt(st.variance, pack.precision)},
        };
        out += render_table(rows, {false, true, false});
        // The predicate counts are wider than a value column, so they get a line of their own.
        size_t label_width = 0;
        for (const auto& r : rows) label_width = std::max(label_width, display_width(r[0]));
        out += "  " + pad_right(L.predicate, std::max(label_width, display_width(L.predicate))) + "  " + terminal_safe(predicate_line(pack, st, opt.lang)) + "\n";
        if (s.group_by != GroupBy::none) {
            std::vector<bool> right(7 + pack.predicates.size(), true);
            right[0] = false;
            out += '\n';
            auto grows = group_rows(s, rs, opt.lang);
            for (auto& row : grows)
                for (auto& cell : row) cell = terminal_safe(cell);
            out += render_table(grows, right);
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
    }
    if (s.invalid > 0) out += fmt::format("\n{}: {}\n", B.invalid, s.invalid);
    return out;
}

BatchRenderer::BatchRenderer(BatchFormat format, const BatchReportOptions& opt, const std::vector<const Pack*>& packs)
    : format_(format), opt_(opt), mixed_(packs.size() > 1), cols_(top_columns(packs)), json_(format != BatchFormat::jsonl) {
    if (opt_.ranked) right_.push_back(true);
    right_.insert(right_.end(), {false, true}); // agency, year
    if (mixed_) right_.push_back(false);
    right_.insert(right_.end(), {true, false}); // index, predicate
    right_.insert(right_.end(), cols_.size(), true);
    right_.push_back(false); // file
    for (const Pack* pack : packs) {
        std::vector<int> cols(cols_.size(), -1);
        auto tops = pack->groups_of_tier(0);
        for (size_t c = 0; c < cols_.size(); ++c)
            for (size_t k = 0; k < tops.size(); ++k)
                if (pack->groups[static_cast<size_t>(tops[k])].id == cols_[c]) cols[c] = static_cast<int>(k);
        col_of_.emplace(pack, std::move(cols));
    }
}

void BatchRenderer::append_top_cells(std::vector<std::string>& cells, const BatchRow& r) const {
    const std::vector<int>& cols = col_of_.at(r.pack);
    for (int k : cols) cells.push_back(k < 0 ? std::string() : r.top[static_cast<size_t>(k)].to_fixed(r.pack->precision));
}

std::vector<std::string> BatchRenderer::table_cells(const BatchRow& r) const {
    std::vector<std::string> row;
    if (opt_.ranked) row.push_back(std::to_string(r.rank));
    row.push_back(terminal_safe(r.agency.name));
    row.push_back(year_text(r));
    if (mixed_) row.push_back(terminal_safe(r.pack->id));
    row.push_back(colorize(r.index.to_fixed(r.pack->precision), Color::bold, opt_.base.color));
    row.push_back(colorize(r.predicate->name.get(opt_.base.lang), predicate_color(*r.pack, *r.predicate), opt_.base.color));
    append_top_cells(row, r);
    row.push_back(terminal_safe(r.path));
    return row;
}

void BatchRenderer::widen(const BatchRow& row) { widen_columns(widths_, table_cells(row)); }

std::string BatchRenderer::header() {
    const Labels& L = labels(opt_.base.lang);
    const BatchLabels& B = batch_labels(opt_.base.lang);
    std::vector<std::string> names;
    if (opt_.ranked) names.push_back(format_ == BatchFormat::csv ? "rank" : B.rank);
    switch (format_) {
    case BatchFormat::csv:
        for (const char* h : {"file", "agency", "code", "type", "province", "year", "rubric", "index", "index_exact", "predicate"}) names.push_back(h);
        names.insert(names.end(), cols_.begin(), cols_.end());
        return csv_row({names.begin(), names.end()});
    case BatchFormat::table:
    case BatchFormat::markdown: {
        if (opt_.detail_blocks) return "";
        for (const char* h : {L.agency, L.year}) names.push_back(h);
        if (mixed_) names.push_back(L.rubric);
        names.push_back(L.index);
        names.push_back(L.predicate);
        names.insert(names.end(), cols_.begin(), cols_.end());
        names.push_back(B.file);
        if (format_ == BatchFormat::table) {
            for (auto& name : names) name = terminal_safe(name);
            widen_columns(widths_, names);
            return render_table_line(names, right_, widths_, "");
        }
        std::string head = "|", rule = "|";
        for (size_t k = 0; k < names.size(); ++k) {
            head += ' ';
            head += markdown_escape(names[k]);
            head += " |";
            rule += right_[k] ? "---:|" : "---|";
        }
        return head + "\n" + rule + "\n";
    }
    case BatchFormat::json:
        json_.begin_object();
        json_.field("schema", kBatchJsonSchema);
        json_.key("results").begin_array();
        return json_.drain();
    case BatchFormat::jsonl: break;
    }
    return "";
}

std::string BatchRenderer::row(const BatchRow& r) {
    if (format_ != BatchFormat::table) return place(row_text(r));
    const bool first = rows_++ == 0;
    if (opt_.detail_blocks) {
        std::string out = first ? "" : "\n";
        if (opt_.ranked) out += fmt::format("{} {}\n", batch_labels(opt_.base.lang).rank_word, r.rank);
        return out + r.fragment;
    }
    return render_table_line(table_cells(r), right_, widths_, "");
}

std::string BatchRenderer::row_text(const BatchRow& r) const {
    switch (format_) {
    case BatchFormat::csv: {
        // The hottest renderer (a levels CSV of 100,000 rows): fields appended in place.
        std::string line;
        line.reserve(160 + r.path.size());
        bool first_field = true;
        auto text = [&](std::string_view v) {
            if (!first_field) line += ',';
            first_field = false;
            append_csv_field(line, v);
        };
        auto number = [&](std::string_view v) {
            if (!first_field) line += ',';
            first_field = false;
            line += v;
        };
        if (opt_.ranked) number(std::to_string(r.rank));
        text(r.path);
        text(r.agency.name);
        text(r.agency.code);
        text(r.agency.type);
        text(r.agency.province);
        number(year_text(r));
        text(r.pack->id);
        number(r.index.to_fixed(r.pack->precision));
        number(r.index.to_exact_string());
        text(r.predicate->name.get(opt_.base.lang));
        for (int k : col_of_.at(r.pack)) {
            line += ',';
            if (k >= 0) line += r.top[static_cast<size_t>(k)].to_fixed(r.pack->precision);
        }
        line += '\n';
        return line;
    }
    case BatchFormat::markdown: {
        if (opt_.detail_blocks) return r.fragment;
        std::string line = "|";
        auto cell = [&](const std::string& v) {
            line += ' ';
            line += markdown_escape(v);
            line += " |";
        };
        if (opt_.ranked) cell(std::to_string(r.rank));
        cell(r.agency.name);
        cell(year_text(r));
        if (mixed_) cell(r.pack->id);
        cell(r.index.to_fixed(r.pack->precision));
        cell(r.predicate->name.get(opt_.base.lang));
        std::vector<std::string> tops;
        append_top_cells(tops, r);
        for (const auto& t : tops) cell(t);
        cell(r.path);
        return line + "\n";
    }
    case BatchFormat::json: return place_fragment(r.fragment, r, opt_.ranked, true, 2);
    case BatchFormat::jsonl: return place_fragment(r.fragment, r, opt_.ranked, false, 0) + "\n";
    case BatchFormat::table: break;
    }
    return "";
}

std::string BatchRenderer::place(std::string_view text) {
    const bool first = rows_++ == 0;
    switch (format_) {
    case BatchFormat::json:
        json_.raw_number(text);
        return json_.drain();
    case BatchFormat::markdown:
        if (opt_.detail_blocks && !first) return "\n" + std::string(text);
        return std::string(text);
    default: return std::string(text);
    }
}

std::string BatchRenderer::footer(const BatchSummary& s) {
    const BatchLabels& B = batch_labels(opt_.base.lang);
    switch (format_) {
    case BatchFormat::csv: return "";
    case BatchFormat::table:
        if (opt_.summary && !s.rubrics.empty()) return "\n" + render_summary_table(s, opt_.base);
        if (opt_.summary && s.invalid > 0) return fmt::format("\n{}: {}\n", B.invalid, s.invalid);
        return "";
    case BatchFormat::markdown:
        if (opt_.summary && (!s.rubrics.empty() || s.invalid > 0)) return "\n" + render_summary_markdown(s, opt_.base);
        return "";
    case BatchFormat::json:
        json_.end_array();
        json_.key("summary").begin_object();
        write_summary_json(json_, s, opt_.base.lang);
        json_.end_object();
        json_.end_object();
        return json_.drain();
    case BatchFormat::jsonl: {
        JsonWriter w(false);
        w.begin_object();
        w.field("type", "summary");
        w.field("schema", kBatchJsonSchema);
        write_summary_json(w, s, opt_.base.lang);
        w.end_object();
        return w.take() + "\n";
    }
    }
    return "";
}

namespace {

uint64_t read_varint(std::string_view& in) {
    uint64_t v = 0;
    if (!spbe::get_varint(in, v)) throw std::runtime_error("corrupt batch spool record");
    return v;
}

void put_text(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out += s;
}

std::string get_text(std::string_view& in) {
    uint64_t n = read_varint(in);
    if (n > in.size()) throw std::runtime_error("corrupt batch spool record");
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
}

void put_rational(std::string& out, const Rational& r) {
    Rational::Int parts[2] = {r.num(), r.den()};
    out.append(reinterpret_cast<const char*>(parts), sizeof parts);
}

Rational get_rational(std::string_view& in) {
    Rational::Int parts[2];
    if (in.size() < sizeof parts) throw std::runtime_error("corrupt batch spool record");
    std::memcpy(parts, in.data(), sizeof parts);
    in.remove_prefix(sizeof parts);
    return Rational(parts[0], parts[1]);
}

} // namespace

void encode_batch_row(std::string& out, const BatchRow& row, uint32_t pack_no) {
    put_varint(out, pack_no);
    put_text(out, row.path);
    put_text(out, row.agency.name);
    put_text(out, row.agency.code);
    put_text(out, row.agency.type);
    put_text(out, row.agency.province);
    put_varint(out, row.year ? static_cast<uint64_t>(*row.year) + 1 : 0);
    put_rational(out, row.index);
    put_varint(out, static_cast<uint64_t>(row.predicate - row.pack->predicates.data()));
    put_varint(out, row.top.size());
    for (const auto& t : row.top) put_rational(out, t);
    put_text(out, row.fragment);
}

BatchRow decode_batch_row(std::string_view& in, const std::vector<const Pack*>& packs) {
    BatchRow row;
    uint64_t pack_no = read_varint(in);
    if (pack_no >= packs.size()) throw std::runtime_error("corrupt batch spool record");
    row.pack = packs[pack_no];
    row.path = get_text(in);
    row.agency.name = get_text(in);
    row.agency.code = get_text(in);
    row.agency.type = get_text(in);
    row.agency.province = get_text(in);
    if (uint64_t y = read_varint(in)) row.year = static_cast<int>(y - 1);
    row.index = get_rational(in);
    uint64_t p = read_varint(in);
    if (p >= row.pack->predicates.size()) throw std::runtime_error("corrupt batch spool record");
    row.predicate = &row.pack->predicates[p];
    uint64_t n = read_varint(in);
    for (uint64_t k = 0; k < n; ++k) row.top.push_back(get_rational(in));
    row.fragment = get_text(in);
    return row;
}

} // namespace spbe
