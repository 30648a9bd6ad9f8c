// Text layout primitives for the table, CSV and Markdown renderers.
#include "report/text_util.hpp"

#include <algorithm>

namespace spbe {

size_t display_width(std::string_view s) {
    size_t n = 0;
    bool in_escape = false;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c == 0x1b) {
            in_escape = true;
            continue;
        }
        if (in_escape) {
            if (c == 'm') in_escape = false;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++n; // count code points, not continuation bytes
    }
    return n;
}

std::string pad_right(std::string_view s, size_t width) {
    std::string out(s);
    size_t w = display_width(s);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::string pad_left(std::string_view s, size_t width) {
    size_t w = display_width(s);
    std::string out = w < width ? std::string(width - w, ' ') : std::string();
    out += s;
    return out;
}

std::string truncate(std::string_view s, size_t width) {
    if (display_width(s) <= width) return std::string(s);
    std::string out;
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (n + 1 >= width) break;
            ++n;
        }
        out += s[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

std::vector<std::string> split_words(std::string_view line, bool keep_empty) {
    std::vector<std::string> words;
    size_t pos = 0;
    while (pos < line.size()) {
        size_t sp = line.find(' ', pos);
        std::string_view word = line.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos);
        pos = sp == std::string_view::npos ? line.size() : sp + 1;
        if (keep_empty || !word.empty()) words.emplace_back(word);
    }
    return words;
}

std::vector<std::string> break_lines(const std::vector<std::string>& words, size_t width, size_t first_reserved,
                                     size_t rest_reserved) {
    std::vector<std::string> lines;
    std::string line;
    for (const auto& word : words) {
        size_t reserved = lines.empty() ? first_reserved : rest_reserved;
        if (!line.empty() && reserved + display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    lines.push_back(std::move(line));
    return lines;
}

namespace {
size_t g_table_width = 0; // set once at start-up by the CLI (set_table_width)
} // namespace

void set_table_width(size_t columns) { g_table_width = columns; }
size_t table_width() { return g_table_width; }

std::string wrap_text(const std::string& text, size_t width, const std::string& indent) {
    if (table_width() > 0) width = std::min(width, std::max<size_t>(20, table_width() - display_width(indent)));
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        std::string para = terminal_safe(
            std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        for (const auto& line : break_lines(split_words(para, true), width)) out += indent + line + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

size_t append_utf8_char(std::string& out, std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = byte(i);
    if (c < 0x80) {
        out += static_cast<char>(c);
        return 1;
    }
    // Second-byte ranges per Unicode's table of well-formed sequences: no overlong forms, no
    // surrogates, nothing above U+10FFFF.
    unsigned lo = 0x80, hi = 0xBF;
    size_t n = 0;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : lo, hi = c == 0xED ? 0x9F : hi;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : lo, hi = c == 0xF4 ? 0x8F : hi;
    size_t k = 1;
    if (n > 0 && byte(i + 1) >= lo && byte(i + 1) <= hi)
        for (k = 2; k < n && (byte(i + k) & 0xC0) == 0x80; ++k) {}
    if (n > 0 && k == n) {
        out.append(s, i, n);
        return n;
    }
    out += "\xEF\xBF\xBD"; // U+FFFD for the maximal ill-formed subpart, as Unicode recommends
    return k;
}

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) i += append_utf8_char(out, s, i);
    return out;
}

std::string terminal_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0u;
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
            ++i;
        } else if (c < 0x20 || c == 0x7F || (c == 0xC2 && next >= 0x80 && next <= 0x9F)) {
            out += "\xEF\xBF\xBD"; // U+FFFD: C1 controls are C2 80..C2 9F in UTF-8
            i += c == 0xC2 ? 2 : 1;
        } else {
            i += append_utf8_char(out, s, i);
        }
    }
    return out;
}

CsvCell csv_number(std::string s) {
    CsvCell c(std::move(s));
    c.number = true;
    return c;
}

void append_csv_field(std::string& out, std::string_view text) {
    const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    if (text.find_first_of(",\";\n\r") == std::string_view::npos) {
        if (formula) out += '\'';
        out += text;
        return;
    }
    out += '"';
    if (formula) out += '\'';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string csv_row(const std::vector<CsvCell>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        if (cells[i].number) out += cells[i].text;
        else append_csv_field(out, cells[i].text);
    }
    return out + "\n";
}

namespace {
// After '<', the characters that can open an HTML tag, comment, declaration or processing
// instruction in CommonMark; "<2 tahun" stays as it is.
bool opens_html(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?'; }
} // namespace

std::string markdown_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    // Between line breaks (each one <br>, CRLF once) the text is terminal_safe first, so no control
    // character reaches a terminal or a viewer that shows the Markdown as it is.
    auto piece = [&](std::string_view raw) {
        const std::string p = terminal_safe(raw);
        for (size_t i = 0; i < p.size(); ++i) {
            char c = p[i];
            if (c == '|') out += "\\|";
            else if (c == '\\') out += "\\\\";
            else if (c == '<' && i + 1 < p.size() && opens_html(p[i + 1])) out += "&lt;";
            else out += c;
        }
    };
    size_t from = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\n' && s[i] != '\r') continue;
        piece(s.substr(from, i - from));
        out += "<br>";
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        from = i + 1;
    }
    piece(s.substr(from));
    return out;
}

std::string format_weight(const Rational& w) {
    std::string exact = w.to_exact_string();
    if (exact.find('/') == std::string::npos) return exact;
    return w.to_fixed(2);
}

std::string json_number(const Rational& v) {
    std::string exact = v.to_exact_string();
    if (exact.find('/') == std::string::npos) return exact;
    std::string s = v.to_fixed(6);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string colorize(std::string_view s, Color c, bool enabled) {
    if (!enabled || c == Color::none) return terminal_safe(s);
    const char* code = "";
    switch (c) {
    case Color::red: code = "\x1b[31m"; break;
    case Color::yellow: code = "\x1b[33m"; break;
    case Color::green: code = "\x1b[32m"; break;
    case Color::bold: code = "\x1b[1m"; break;
    case Color::dim: code = "\x1b[2m"; break;
    case Color::none: break;
    }
    return std::string(code) + terminal_safe(s) + "\x1b[0m";
}

Color predicate_color(const Pack& pack, const Predicate& p) {
    size_t rank = static_cast<size_t>(&p - pack.predicates.data());
    if (rank + 1 == pack.predicates.size()) return Color::red;
    if (rank < 2) return Color::green;
    return Color::yellow;
}

void widen_columns(std::vector<size_t>& widths, const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
        if (widths.size() <= i) widths.push_back(0);
        widths[i] = std::max(widths[i], display_width(row[i]));
    }
}

void fit_columns(std::vector<size_t>& widths, const std::vector<bool>& right, size_t indent) {
    if (g_table_width == 0 || widths.empty()) return;
    auto total = [&] {
        size_t sum = indent + 2 * (widths.size() - 1);
        for (size_t w : widths) sum += w;
        return sum;
    };
    constexpr size_t kMinText = 12; // narrower than this a name is no longer recognisable
    while (total() > g_table_width) {
        size_t widest = widths.size();
        for (size_t i = 0; i < widths.size(); ++i)
            if (!(i < right.size() && right[i]) && widths[i] > kMinText &&
                (widest == widths.size() || widths[i] > widths[widest]))
                widest = i;
        if (widest == widths.size()) return; // numbers and short texts only: nothing left to narrow
        widths[widest] =
            std::max(kMinText, widths[widest] - std::min(widths[widest] - kMinText, total() - g_table_width));
    }
}

std::string render_table_line(const std::vector<std::string>& row, const std::vector<bool>& right,
                              const std::vector<size_t>& widths, std::string_view indent) {
    std::string line(indent);
    for (size_t i = 0; i < row.size(); ++i) {
        bool r = i < right.size() && right[i];
        bool last = i + 1 == row.size();
        if (i) line += "  ";
        // A cell wider than its column (fit_columns narrowed it) is cut with "…"; colour codes never reach here
        // in a narrowed column, which holds names and paths only.
        const std::string cell = display_width(row[i]) > widths[i] ? truncate(row[i], widths[i]) : row[i];
        line += r ? pad_left(cell, widths[i]) : (last ? cell : pad_right(cell, widths[i]));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    return line;
}

std::string render_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right,
                         std::string_view indent) {
    std::vector<size_t> widths;
    for (const auto& row : rows) widen_columns(widths, row);
    fit_columns(widths, right, display_width(indent));
    std::string out;
    for (const auto& row : rows) out += render_table_line(row, right, widths, indent);
    return out;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        char ch = s[i];
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            // Valid UTF-8 only, and not U+FFFE or U+FFFF, which XML 1.0 does not allow either.
            size_t n = append_utf8_char(out, s, i);
            if (n == 3 && c == 0xEF && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF'))
                out.replace(out.size() - 3, 3, "\xEF\xBF\xBD");
            i += n;
            continue;
        }
        ++i;
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\r': out += "&#13;"; break; // a raw CR would be read back as LF
        default:
            // Control characters other than tab and newline are not allowed in XML 1.0 at all.
            if (c < 0x20 && ch != '\n' && ch != '\t') out += "\xEF\xBF\xBD";
            else out += ch;
        }
    }
    return out;
}

} // namespace spbe
