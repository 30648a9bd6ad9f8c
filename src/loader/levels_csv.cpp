// Levels CSV reader: RFC 4180 record splitting with exact positions, separator and BOM detection,
// and the conversion of a row into a short-form evidence file that validates like a YAML one.
#include "loader/levels_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace spbe {

namespace {

void add(std::vector<Diagnostic>& diags, int line, int col, Severity sev, std::string message, const char* rule) {
    diags.push_back(Diagnostic{"", {line, col}, sev, std::move(message), rule});
}

std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    return s.substr(b, e - b);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A level cell: "3", "-1"; "3,0" or "3.0" read as 3 with a warning; anything else is an error.
// A level cell: a whole number, or a decimal with ',' or '.' (spreadsheets in Indonesian write 2,5).
// Exact; whether the row's rubric records decimals is for validate_evidence to say.
std::optional<Rational> read_level(const CsvField& f, int col, const std::string& id, std::vector<Diagnostic>& diags) {
    std::string_view s = f.text;
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    size_t sep = s.find_first_of(",.");
    std::string_view whole = s.substr(0, sep);
    std::string_view frac;
    if (sep != std::string_view::npos) {
        frac = s.substr(sep + 1);
        if (!all_digits(frac) || frac.size() > 6) whole = {};
    }
    if (!all_digits(whole) || whole.size() > 4) {
        add(diags, f.line, col, Severity::error, fmt::format("level '{}' of indicator {} is not a number", f.text, id),
            "type");
        return std::nullopt;
    }
    int v = std::stoi(std::string(whole));
    if (v > 1000) {
        add(diags, f.line, col, Severity::error, fmt::format("level {} of indicator {} is not a maturity level", v, id),
            "level-range");
        return std::nullopt;
    }
    Rational level(negative ? -v : v);
    if (!frac.empty() && frac.find_first_not_of('0') == std::string_view::npos) {
        add(diags, f.line, col, Severity::warning,
            fmt::format("level '{}' of indicator {} read as {}{}", f.text, id, negative ? "-" : "", whole),
            "decimal-level");
    } else if (!frac.empty()) {
        long long den = 1;
        for (size_t i = 0; i < frac.size(); ++i) den *= 10;
        Rational part(std::stoll(std::string(frac)), den);
        level = negative ? level - part : level + part;
    }
    return level;
}

// Field number (1-based) of byte `offset` in the record that starts at `begin` (outside quotes).
int field_at(std::string_view t, size_t begin, size_t offset, char separator) {
    int field = 1;
    bool q = false;
    for (size_t i = begin; i < offset && i < t.size(); ++i) {
        if (t[i] == '"') q = !q;
        else if (!q && t[i] == separator) ++field;
    }
    return field;
}

} // namespace

std::vector<CsvField> split_csv_record(std::string_view rec, char separator, int line, std::vector<Diagnostic>& diags) {
    std::vector<CsvField> fields;
    size_t i = 0;
    int field_no = 1;
    while (true) {
        CsvField f;
        f.line = line;
        size_t start = i;
        while (i < rec.size() && (rec[i] == ' ' || rec[i] == '\t')) ++i;
        if (i < rec.size() && rec[i] == '"') {
            f.quoted = true;
            ++i;
            bool closed = false;
            while (i < rec.size()) {
                char c = rec[i];
                if (c == '"') {
                    if (i + 1 < rec.size() && rec[i + 1] == '"') {
                        f.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (c == '\r' && i + 1 < rec.size() && rec[i + 1] == '\n') {
                    ++i;
                    continue; // CRLF inside a quoted field becomes LF
                }
                if (c == '\n') ++line;
                f.text += c;
                ++i;
            }
            if (!closed) {
                add(diags, f.line, field_no, Severity::error, "quoted field is not closed (missing '\"')",
                    "csv-syntax");
                fields.push_back(std::move(f));
                return fields;
            }
            while (i < rec.size() && (rec[i] == ' ' || rec[i] == '\t' || rec[i] == '\r')) ++i;
            if (i < rec.size() && rec[i] != separator) {
                add(diags, line, field_no, Severity::error,
                    fmt::format(
                        "unexpected '{}' after the closing quote (a quote inside a quoted field is written \"\")",
                        rec[i]),
                    "csv-syntax");
                while (i < rec.size() && rec[i] != separator) ++i;
            }
        } else {
            i = start;
            size_t end = rec.find(separator, i);
            if (end == std::string_view::npos) end = rec.size();
            std::string_view raw = rec.substr(i, end - i);
            if (raw.find('"') != std::string_view::npos)
                add(diags, line, field_no, Severity::error,
                    "quote inside an unquoted field (enclose the field in quotes and write a quote as \"\")",
                    "csv-syntax");
            f.text = std::string(trim(raw));
            i = end;
        }
        fields.push_back(std::move(f));
        if (i >= rec.size()) break;
        ++i; // the separator
        ++field_no;
    }
    return fields;
}

LevelsCsv LevelsCsv::parse(std::string text) {
    LevelsCsv csv;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    csv.text_ = std::move(text);
    const std::string& t = csv.text_;
    if (t.rfind("\xFF\xFE", 0) == 0 || t.rfind("\xFE\xFF", 0) == 0) {
        add(csv.diags_, 1, 1, Severity::error,
            "the levels CSV is UTF-16 text; save it as \"CSV UTF-8\" (Excel) or UTF-8 (other programs)", "encoding");
        return csv;
    }

    // Records: newlines outside quotes end a record. Blank records are skipped. Reading stops at a
    // line over the limit, so that a cut-short text and the whole one give the same error.
    std::vector<Record> records;
    bool in_quotes = false;
    int line = 1;
    size_t begin = 0, line_begin = 0;
    int begin_line = 1;
    size_t quote_open = 0; // where the quote now open was opened
    int quote_line = 0;
    size_t overlong = std::string::npos;
    for (size_t i = 0; i <= t.size(); ++i) {
        bool end = i == t.size();
        char c = end ? '\n' : t[i];
        if (c == '"') {
            in_quotes = !in_quotes; // "" toggles twice, which is what an escape needs
            if (in_quotes) quote_open = i, quote_line = line;
        }
        if (c != '\n' && i - line_begin >= kMaxCsvLineBytes) {
            overlong = i;
            break;
        }
        if (c == '\n' && (!in_quotes || end)) {
            size_t stop = i;
            if (stop > begin && t[stop - 1] == '\r') --stop;
            if (trim(std::string_view(t).substr(begin, stop - begin)).size() > 0)
                records.push_back({begin, stop, begin_line});
            begin = i + 1;
            begin_line = line + 1;
        }
        if (c == '\n') ++line, line_begin = i + 1;
    }
    size_t scanned = overlong == std::string::npos ? t.size() : overlong;
    if (records.empty() && overlong == std::string::npos) {
        add(csv.diags_, 1, 1, Severity::error,
            "the levels CSV is empty (expected a header such as name;province;1;2;...)", "csv-header");
        return csv;
    }

    // Separator: whichever of ';' and ',' occurs more often outside quotes in the header.
    std::string_view head_text =
        records.empty()
            ? std::string_view(t).substr(begin, scanned - begin)
            : std::string_view(t).substr(records.front().begin, records.front().end - records.front().begin);
    size_t commas = 0, semicolons = 0;
    bool q = false;
    for (char c : head_text) {
        if (c == '"') q = !q;
        else if (!q && c == ',') ++commas;
        else if (!q && c == ';') ++semicolons;
    }
    csv.separator_ = semicolons > commas ? ';' : ',';

    // Whole-file problems, the first in the text wins: bytes that are not UTF-8 or a NUL (a binary
    // file), a line over the limit, a quote never closed (every line after it would be one field).
    auto record_begin = [&](size_t offset) {
        if (offset >= begin) return begin; // in the record the scan stopped in
        auto it = std::upper_bound(records.begin(), records.end(), offset,
                                   [](size_t o, const Record& r) { return o < r.begin; });
        return it == records.begin() ? begin : std::prev(it)->begin;
    };
    auto line_of = [&](size_t offset) {
        return 1 + static_cast<int>(std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    };
    auto fail_at = [&](size_t offset, int at_line, std::string message, const char* rule) {
        add(csv.diags_, at_line, field_at(t, record_begin(offset), offset, csv.separator_), Severity::error,
            std::move(message), rule);
    };
    std::string_view scanned_text = std::string_view(t).substr(0, scanned);
    size_t bad = find_invalid_utf8(scanned_text);
    size_t nul = scanned_text.find('\0');
    if (bad != std::string::npos && bad < nul) {
        fail_at(
            bad, line_of(bad),
            fmt::format("not UTF-8 (byte 0x{:02X}); save the file as \"CSV UTF-8\" (Excel) or UTF-8 (other programs)",
                        static_cast<unsigned char>(t[bad])),
            "encoding");
        return csv;
    }
    if (nul != std::string::npos) {
        fail_at(nul, line_of(nul),
                "NUL byte: this is not a text file (a spreadsheet saved as .xlsx? save it as \"CSV UTF-8\")",
                "encoding");
        return csv;
    }
    if (overlong != std::string::npos) {
        fail_at(overlong, line,
                fmt::format("line is longer than {} bytes (1 MiB); a levels CSV holds one agency per line",
                            kMaxCsvLineBytes),
                "csv-limit");
        return csv;
    }
    if (in_quotes) {
        fail_at(
            quote_open, quote_line,
            "quote is never closed (the rest of the file would be one field); a quote inside a field is written \"\"",
            "csv-syntax");
        return csv;
    }
    const Record& head = records.front();
    csv.header_line_ = head.line;

    std::vector<CsvField> header = split_csv_record(head_text, csv.separator_, head.line, csv.diags_);
    csv.header_fields_ = header.size();
    if (header.size() > kMaxCsvColumns) {
        add(csv.diags_, head.line, static_cast<int>(kMaxCsvColumns) + 1, Severity::error,
            fmt::format(
                "the header has {} columns; a levels CSV has at most {} (the agency columns and one per indicator)",
                header.size(), kMaxCsvColumns),
            "csv-limit");
        return csv;
    }
    std::vector<std::string> seen;
    for (size_t k = 0; k < header.size(); ++k) {
        int col = static_cast<int>(k) + 1;
        std::string name = header[k].text;
        if (name.empty()) {
            add(csv.diags_, header[k].line, col, Severity::error,
                fmt::format("column {} has no name in the header", col), "csv-header");
            continue;
        }
        if (std::find(seen.begin(), seen.end(), lower(name)) != seen.end()) {
            add(csv.diags_, header[k].line, col, Severity::error,
                fmt::format("column '{}' appears twice in the header", name), "csv-header");
            continue;
        }
        seen.push_back(lower(name));
        std::string key = lower(name);
        int idx = static_cast<int>(k);
        if (key == "name") csv.col_name_ = idx;
        else if (key == "code") csv.col_code_ = idx;
        else if (key == "type") csv.col_type_ = idx;
        else if (key == "province") csv.col_province_ = idx;
        else if (key == "year") csv.col_year_ = idx;
        else if (key == "rubric") csv.col_rubric_ = idx;
        else {
            csv.indicators_.emplace_back(name, col);
            csv.indicator_index_.push_back(idx);
        }
    }
    // A key column under another name (Indonesian, or a typo) would otherwise be read as an indicator.
    static const std::vector<std::pair<std::string, std::string>> kAliases{
        {"nama", "name"}, {"instansi", "name"},     {"kode", "code"},  {"jenis", "type"},
        {"tipe", "type"}, {"provinsi", "province"}, {"tahun", "year"}, {"rubrik", "rubric"}};
    const std::vector<std::string> keys{"name", "code", "type", "province", "year", "rubric"};
    const std::vector<int> key_cols{csv.col_name_,     csv.col_code_, csv.col_type_,
                                    csv.col_province_, csv.col_year_, csv.col_rubric_};
    std::vector<bool> named(keys.size(), false);
    for (size_t k = 0; k < keys.size(); ++k) named[k] = key_cols[k] >= 0;
    for (size_t i = 0; i < csv.indicators_.size();) {
        const auto& [name, col] = csv.indicators_[i];
        std::string low = lower(name), meant;
        for (const auto& [alias, key] : kAliases)
            if (low == alias) meant = key;
        if (meant.empty() && low.find_first_of("0123456789") == std::string::npos) meant = closest_match(low, keys);
        auto it = std::find(keys.begin(), keys.end(), meant);
        if (it == keys.end() || named[static_cast<size_t>(it - keys.begin())]) {
            ++i;
            continue;
        }
        named[static_cast<size_t>(it - keys.begin())] = true;
        add(csv.diags_, header[static_cast<size_t>(col - 1)].line, col, Severity::error,
            fmt::format("column '{}' is not a known column; did you mean '{}'? (rename it: the key columns are "
                        "name, code, type, province, year, rubric)",
                        name, meant),
            "csv-header");
        csv.indicators_.erase(csv.indicators_.begin() + static_cast<std::ptrdiff_t>(i));
        csv.indicator_index_.erase(csv.indicator_index_.begin() + static_cast<std::ptrdiff_t>(i));
        if (meant == "name") csv.col_name_ = col - 1; // reported; do not also say 'name' is missing
    }
    if (csv.col_name_ < 0)
        add(csv.diags_, head.line, 1, Severity::error, "the header has no 'name' column", "csv-header");
    if (csv.indicators_.empty())
        add(csv.diags_, head.line, 1, Severity::error, "the header has no indicator columns", "csv-header");
    csv.records_.assign(records.begin() + 1, records.end());
    // Rows made only of separators (spreadsheets export them for formatted but empty rows).
    csv.records_.erase(std::remove_if(csv.records_.begin(), csv.records_.end(),
                                      [&](const Record& r) {
                                          std::string_view s = std::string_view(t).substr(r.begin, r.end - r.begin);
                                          return s.find_first_not_of(std::string(" \t\r") + csv.separator_) ==
                                                 std::string_view::npos;
                                      }),
                       csv.records_.end());
    return csv;
}

bool LevelsCsv::usable() const { return !has_errors(diags_); }

LevelsCsvRow LevelsCsv::row(size_t i) const {
    LevelsCsvRow out;
    const Record& r = records_[i];
    std::vector<CsvField> fields =
        split_csv_record(std::string_view(text_).substr(r.begin, r.end - r.begin), separator_, r.line, out.diags);
    EvidenceFile& file = out.file;
    file.indicators_pos = {r.line, 1};
    if (fields.size() != header_fields_) {
        // Column: the first missing field, or the first one beyond the header.
        add(out.diags, r.line, static_cast<int>(std::min(fields.size(), header_fields_)) + 1, Severity::error,
            fmt::format("row has {} fields, the header has {}", fields.size(), header_fields_), "csv-columns");
        return out;
    }
    if (has_errors(out.diags)) return out;
    auto cell = [&](int idx) -> const CsvField* { return idx >= 0 ? &fields[static_cast<size_t>(idx)] : nullptr; };
    auto text = [&](int idx) { return idx >= 0 ? fields[static_cast<size_t>(idx)].text : std::string(); };
    file.agency.name = text(col_name_);
    file.agency.code = text(col_code_);
    file.agency.type = text(col_type_);
    file.agency.province = text(col_province_);
    if (file.agency.name.empty())
        add(out.diags, r.line, col_name_ + 1, Severity::error, "agency has no 'name'", "missing-key");
    if (const CsvField* y = cell(col_year_); y && !y->text.empty()) {
        if (!all_digits(y->text) || y->text.size() != 4 || std::stoi(y->text) < 2000 || std::stoi(y->text) > 2100)
            add(out.diags, y->line, col_year_ + 1, Severity::error,
                fmt::format("year '{}' is not a year from 2000 to 2100", y->text), "year-range");
        else file.year = std::stoi(y->text);
    }
    if (const CsvField* rb = cell(col_rubric_)) {
        file.rubric = rb->text;
        file.rubric_pos = {rb->line, col_rubric_ + 1};
    }
    file.indicators.reserve(indicators_.size());
    for (size_t k = 0; k < indicators_.size(); ++k) {
        const CsvField& f = fields[static_cast<size_t>(indicator_index_[k])];
        IndicatorEntry e;
        e.id = indicators_[k].first;
        e.pos = e.level_pos = {f.line, indicators_[k].second};
        if (!f.text.empty()) e.level = read_level(f, indicators_[k].second, e.id, out.diags);
        file.indicators.push_back(std::move(e));
    }
    return out;
}

bool LevelsCsv::fast_row(size_t i, FastCsvRow& out) const {
    const Record& r = records_[i];
    std::string_view rec = std::string_view(text_).substr(r.begin, r.end - r.begin);
    if (rec.find('"') != std::string_view::npos) return false;
    out.name = out.code = out.type = out.province = out.rubric = {};
    out.year = 0;
    out.levels.assign(indicators_.size(), 0);
    size_t k = 0;        // field index
    size_t next_ind = 0; // next entry of indicator_index_ (ascending field order)
    size_t pos = 0;
    while (true) {
        size_t end = rec.find(separator_, pos);
        std::string_view f = trim(rec.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
        int idx = static_cast<int>(k);
        if (next_ind < indicator_index_.size() && indicator_index_[next_ind] == idx) {
            if (f.empty() || f.size() > 4) return false;
            int v = 0;
            for (char c : f) {
                if (c < '0' || c > '9') return false;
                v = v * 10 + (c - '0');
            }
            if (v > 1000) return false;
            out.levels[next_ind++] = v;
        } else if (idx == col_name_) out.name = f;
        else if (idx == col_code_) out.code = f;
        else if (idx == col_type_) out.type = f;
        else if (idx == col_province_) out.province = f;
        else if (idx == col_rubric_) out.rubric = f;
        else if (idx == col_year_ && !f.empty()) {
            if (f.size() != 4 || !all_digits(f)) return false;
            int y = (f[0] - '0') * 1000 + (f[1] - '0') * 100 + (f[2] - '0') * 10 + (f[3] - '0');
            if (y < 2000 || y > 2100) return false;
            out.year = y;
        }
        ++k;
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return k == header_fields_ && next_ind == indicator_index_.size() && !out.name.empty();
}

} // namespace spbe
