// Helpers shared by the text renderers: UTF-8 aware padding and truncation, CSV quoting, weight
// and index formatting, and ANSI colour that is only ever applied when the caller asks for it.
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
// Wraps text at `width` columns with `indent` before every line, keeping the text's own line breaks.
std::string wrap_text(const std::string& text, size_t width, const std::string& indent);
std::string csv_field(std::string_view s);
std::string csv_row(const std::vector<std::string>& fields);
std::string markdown_escape(std::string_view s);

// "13", "27.5", "3.33" (a weight that is not a finite decimal is rounded to 2 places for display).
std::string format_weight(const Rational& w);
// JSON number text for an exact value: exact when a finite decimal, else rounded to 6 places.
std::string json_number(const Rational& v);

enum class Color { none, red, yellow, green, bold, dim };
std::string colorize(std::string_view s, Color c, bool enabled);
// Colour of a predicate band: the top two bands green, the lowest red, the rest yellow.
Color predicate_color(const Pack& pack, const Predicate& p);

// A simple aligned text table: first row is the header; `right` marks right-aligned columns.
std::string render_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right, std::string_view indent = "  ");
// The pieces of render_table for tables rendered row by row (batch output streamed from a spool):
// widen `widths` to fit one row, then render one row with the final widths.
void widen_columns(std::vector<size_t>& widths, const std::vector<std::string>& row);
std::string render_table_line(const std::vector<std::string>& row, const std::vector<bool>& right, const std::vector<size_t>& widths,
                              std::string_view indent = "  ");

} // namespace spbe
