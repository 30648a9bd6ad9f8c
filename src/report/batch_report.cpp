// Batch row renderers. Layout decisions: one line per agency with the top-tier groups as columns (ids,
// as in the CSV), rows rendered ahead of time where the columns allow, the summary block after them.
#include "report/batch_report.hpp"

#include "report/batch_labels.hpp"
#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace spbe {

namespace {

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

std::string agency_json_fragment(const AgencyResult& r, const ReportOptions& opt, bool pretty) {
    JsonWriter w(pretty);
    w.begin_object();
    write_agency_json(w, r, opt);
    w.end_object();
    return w.str();
}

BatchRenderer::BatchRenderer(BatchFormat format, const BatchReportOptions& opt, const std::vector<const Pack*>& packs)
    : format_(format), opt_(opt), mixed_(packs.size() > 1), cols_(top_columns(packs)),
      json_(format != BatchFormat::jsonl) {
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
    for (int k : cols)
        cells.push_back(k < 0 ? std::string() : r.top[static_cast<size_t>(k)].to_fixed(r.pack->precision));
}

std::vector<std::string> BatchRenderer::table_cells(const BatchRow& r) const {
    std::vector<std::string> row;
    if (opt_.ranked) row.push_back(std::to_string(r.rank));
    row.push_back(terminal_safe(r.agency.name));
    row.push_back(year_text(r));
    if (mixed_) row.push_back(terminal_safe(r.pack->id));
    row.push_back(colorize(r.index.to_fixed(r.pack->precision), Color::bold, opt_.base.color));
    row.push_back(
        colorize(r.predicate->name.get(opt_.base.lang), predicate_color(*r.pack, *r.predicate), opt_.base.color));
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
        for (const char* h :
             {"file", "agency", "code", "type", "province", "year", "rubric", "index", "index_exact", "predicate"})
            names.push_back(h);
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
            fit_columns(widths_, right_, 0);
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
    case BatchFormat::json: json_.raw_number(text); return json_.drain();
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
} // namespace spbe
