// The HTML page and style of the visual reports, and the pieces of a pack their charts are drawn
// from (bands, radar tier, axis labels).
#include "report/visual_common.hpp"

#include "report/labels.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace spbe {

namespace {

// Screen: one readable column. Print: A4 with margins, sections start on a new page, table rows and
// figures are never split, colours are kept (bands would vanish otherwise). Every declaration line is
// indented, so no line of the page looks like a YAML key to -o's overwrite check.
constexpr const char* kStyle = R"(  @page { size: A4; margin: 14mm 13mm 16mm 13mm; }
  * { box-sizing: border-box; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35;
    color: #1a1a1a; background: #ffffff; max-width: 190mm; margin: 0 auto; padding: 10mm 6mm; }
  h1 { font-size: 17pt; margin: 0 0 2mm 0; }
  h2 { font-size: 13pt; margin: 7mm 0 2mm 0; border-bottom: 1.5px solid #1a1a1a; padding-bottom: 1mm; }
  h3 { font-size: 11pt; margin: 4mm 0 1.5mm 0; }
  p { margin: 1.5mm 0; }
  table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 3mm 0; }
  th, td { border-bottom: 0.6px solid #9a9a9a; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top;
    overflow-wrap: break-word; }
  th { background: #e9edf3; font-weight: bold; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  td.n { white-space: nowrap; }
  tr.group td { background: #f3f5f8; font-weight: bold; }
  tr.total td { border-top: 1.5px solid #1a1a1a; font-weight: bold; }
  thead { display: table-header-group; }
  tr, figure, .card, .notice { break-inside: avoid; page-break-inside: avoid; }
  table.facts { width: auto; }
  table.facts th { background: none; padding-right: 5mm; white-space: nowrap; }
  table.dense { font-size: 8pt; }
  table.dense th, table.dense td { padding: 0.8mm 1mm; }
  .headline { font-size: 15pt; font-weight: bold; }
  .exact, .muted { color: #555555; font-size: 8.5pt; }
  .notice { border: 2px solid #1a1a1a; padding: 2mm 3mm; margin: 3mm 0; background: #fff7e0; }
  .bad { font-weight: bold; }
  figure { margin: 2mm 0; }
  svg { max-width: 100%; height: auto; }
  .charts { display: flex; flex-wrap: wrap; gap: 4mm; align-items: flex-start; }
  .charts > figure { flex: 0 0 auto; }
  .charts > div { flex: 1 1 0; min-width: 60mm; }
  .charts table { font-size: 8.5pt; }
  td.wide { width: 30%; }
  .grid { display: flex; flex-wrap: wrap; gap: 2mm; }
  .card { width: 40mm; text-align: center; }
  .bar { display: inline-block; height: 3mm; background: #1c2b4a; vertical-align: middle; }
  footer { margin-top: 8mm; border-top: 0.6px solid #9a9a9a; padding-top: 2mm; font-size: 8.5pt; color: #444444; }
  @media print {
    body { max-width: none; padding: 0; font-size: 9.5pt; }
    section.page { break-before: page; page-break-before: always; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    .charts svg.radar { width: 78mm; }
    svg.bars { width: 100%; }
  }
)";

} // namespace

std::string html(std::string_view s, bool lines) {
    std::string out = xml_escape(s);
    if (!lines) return out;
    std::string with_breaks;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 5, "&#13;") == 0) {
            i += 4;
            if (i + 1 < out.size() && out[i + 1] == '\n') ++i;
            with_breaks += "<br>\n";
        } else if (out[i] == '\n') with_breaks += "<br>\n";
        else with_breaks += out[i];
    }
    return with_breaks;
}

std::string html_document(Lang lang, std::string_view title, std::string_view body) {
    return fmt::format("<!DOCTYPE html>\n<!-- spbe report -->\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
                       lang == Lang::en ? "en" : "id", html(title), kStyle, body);
}

std::vector<ChartBand> predicate_bands(const Pack& pack, Lang lang) {
    std::vector<ChartBand> out;
    double top = pack.max_level();
    for (const auto& p : pack.predicates) { // highest first
        double from = std::max(chart_value(p.min), static_cast<double>(pack.min_level()));
        out.push_back({from, top, p.name.get(lang)});
        top = from;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

int radar_tier(const Pack& pack) {
    int best = 0;
    size_t most = 0;
    for (int t = static_cast<int>(pack.tiers.size()) - 1; t >= 0; --t) {
        size_t n = pack.groups_of_tier(t).size();
        if (n >= 3) return t;
        if (n > most) most = n, best = t;
    }
    return best;
}

std::string axis_label(const Group& g, size_t position) {
    return g.number ? std::to_string(*g.number) : std::to_string(position + 1);
}

RadarChart radar_frame(const Pack& pack, std::string title) {
    RadarChart c;
    c.title = std::move(title);
    const auto groups = pack.groups_of_tier(radar_tier(pack));
    for (size_t k = 0; k < groups.size(); ++k)
        c.axis_labels.push_back(axis_label(pack.groups[static_cast<size_t>(groups[k])], k));
    c.min = 0;
    c.max = pack.max_level();
    for (int l = pack.min_level(); l <= pack.max_level(); ++l) c.rings.push_back(l);
    return c;
}

double chart_value(const Rational& v) { return v.to_rounded_double(4); }

std::string html_source_notice(const Pack& pack, Lang lang) {
    std::string notice = source_notice(pack, lang);
    if (notice.empty()) return {};
    return fmt::format("<p class=\"notice\">{}</p>\n", html(notice));
}

} // namespace spbe
