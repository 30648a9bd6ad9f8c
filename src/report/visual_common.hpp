// What the visual reports (`spbe report`: HTML, SVG, Markdown) share: the self-contained HTML page
// with its screen and A4 print style, escaping of text from input, the predicate bands as chart
// bands, and which tier of a pack the radar shows.
#pragma once

#include "model/pack.hpp"
#include "model/text.hpp"
#include "report/charts.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace spbe {

// Text from input as HTML text or attribute value (xml_escape; a line break becomes <br> with `lines`).
std::string html(std::string_view s, bool lines = false);

// A whole HTML document: inline style, no script, no external font, image or URL. The second line is
// the comment by which -o recognises an earlier spbe report.
std::string html_document(Lang lang, std::string_view title, std::string_view body);

// The pack's predicate bands as chart bands, lowest first, from the lowest to the highest level.
std::vector<ChartBand> predicate_bands(const Pack& pack, Lang lang);

// The tier the radar shows: the innermost with at least three groups (8 aspects of spbe-2020, the
// 7 aspects of pemdi-2026), else the tier with the most groups. The chart follows the pack.
int radar_tier(const Pack& pack);

// "1", "2", … for the groups of the radar tier: the group's own number, else its position.
std::string axis_label(const Group& g, size_t position);

// The radar chart skeleton of a pack (axes, rings at every level), without series.
RadarChart radar_frame(const Pack& pack, std::string title);

// An exact value for a chart coordinate (drawing only; words show the exact engine's text).
double chart_value(const Rational& v);

// The notice for a secondary-sourced pack as an HTML block (empty for official packs).
std::string html_source_notice(const Pack& pack, Lang lang);

} // namespace spbe
