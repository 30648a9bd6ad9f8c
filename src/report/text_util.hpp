// Helpers shared by the text renderers: UTF-8 aware padding and truncation, CSV and Markdown
// escaping, weight and index formatting, and ANSI colour that is only ever applied when asked for.
#pragma once

#include "model/pack.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace spbe {

size_t display_width(std::string_view s);
std::string pad_right(std::string_view s, size_t width);
std::string pad_left(std::string_view s, size_t width);
std::string truncate(std::string_view s, size_t width); // adds "…" when cut
// Wraps text at `width` columns (at most table_width() with the indent, when that is set) with `indent` before every
// line, keeping the text's own line breaks;
// each line is terminal_safe.
std::string wrap_text(const std::string& text, size_t width, const std::string& indent);
// The word wrapping behind wrap_text, `init`'s comments and gaps' item lists: `words` joined by single spaces into
// lines, a word going to a new line when the columns `reserved` on that line (the first line's and the others')
// plus the line, a space and the word would pass `width`; a word too wide for any line stands alone. At least one
// line, possibly empty.
std::vector<std::string> break_lines(const std::vector<std::string>& words, size_t width, size_t first_reserved = 0,
                                     size_t rest_reserved = 0);
// The words of one line between spaces, for break_lines: with `keep_empty` the empty words between two spaces are kept
// (so a run of spaces survives the wrapping, as wrap_text's output has always had it), else dropped.
std::vector<std::string> split_words(std::string_view line, bool keep_empty);

// Appends the UTF-8 character at s[i] and returns its length; an ill-formed sequence (overlong,
// surrogate, above U+10FFFF, cut short, a stray byte) is appended as one U+FFFD instead.
size_t append_utf8_char(std::string& out, std::string_view s, size_t i);
std::string valid_utf8(std::string_view s); // every ill-formed sequence replaced by U+FFFD
// Text from input made safe for a terminal, one line and one column per character: LF, CR and TAB
// become a space; every other C0 control, DEL and C1 control (U+0080–U+009F) becomes U+FFFD, as
// does an ill-formed UTF-8 sequence. No escape sequence survives and display widths stay right.
std::string terminal_safe(std::string_view s);

// CSV (RFC 4180, plus quoting on ';' for spreadsheets that split on it). A text cell that begins
// with '=', '+', '-', '@', TAB or CR gets a leading "'" (OWASP's CSV-injection rule), so a
// spreadsheet never runs it as a formula; numbers spbe formats itself are written as they are.
struct CsvCell {
    CsvCell(std::string s) : text(std::move(s)) {} // text, the default: it may come from input
    CsvCell(const char* s) : text(s) {}
    std::string text;
    bool number = false;
};
CsvCell csv_number(std::string s); // a number spbe wrote ("-0.05", "-1/20", "3"): never neutralised
void append_csv_field(std::string& out, std::string_view text);
std::string csv_row(const std::vector<CsvCell>& cells);

// One Markdown table cell or inline text: '\\' and '|' are escaped, a line break (LF, CR or CRLF)
// becomes "<br>" and a '<' that could open an HTML tag becomes "&lt;", so text from input can
// neither split a table row, start a line of its own nor inject HTML.
std::string markdown_escape(std::string_view s);

// Text (and attribute values) for XML and HTML: & < > " ' escaped, CR as "&#13;", a control character XML 1.0
// forbids and an ill-formed UTF-8 sequence as U+FFFD. JUnit, SVG and HTML reports all go through it.
std::string xml_escape(std::string_view s);

// "13", "27.5", "3.33" (a weight that is not a finite decimal is rounded to 2 places for display).
std::string format_weight(const Rational& w);
// JSON number text for an exact value: exact when a finite decimal, else rounded to 6 places.
std::string json_number(const Rational& v);

enum class Color { none, red, yellow, green, bold, dim };
std::string colorize(std::string_view s, Color c, bool enabled); // s is made terminal_safe
// Colour of a predicate band: the top two bands green, the lowest red, the rest yellow.
Color predicate_color(const Pack& pack, const Predicate& p);

// The width tables are fitted to (README "Table width"): 0, the default, is no limit. Set once at start-up.
void set_table_width(size_t columns);
size_t table_width();
// Narrows the widest left-aligned columns (names, paths; never below 12 or a right-aligned number column) until a
// table with `indent` before it fits table_width(); render_table_line then cuts the cells with "…".
void fit_columns(std::vector<size_t>& widths, const std::vector<bool>& right, size_t indent);

// A simple aligned text table, fitted to table_width(): first row is the header; `right` marks right-aligned
// columns.
std::string render_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right,
                         std::string_view indent = "  ");
// The pieces of render_table for tables rendered row by row (batch output streamed from a spool):
// widen `widths` to fit one row, then render one row with the final widths.
void widen_columns(std::vector<size_t>& widths, const std::vector<std::string>& row);
std::string render_table_line(const std::vector<std::string>& row, const std::vector<bool>& right,
                              const std::vector<size_t>& widths, std::string_view indent = "  ");

} // namespace spbe
