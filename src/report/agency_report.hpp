// `spbe report FILE`: one agency as a self-contained HTML page (header, radar of the pack's groups,
// top-tier bars against the predicate bands, per-indicator table, top gaps, evidence list), as the
// radar alone in SVG, or as Markdown for wikis and pull requests.
#pragma once

#include "analysis/gaps.hpp"
#include "model/text.hpp"
#include "scoring/score.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace spbe {

struct AgencyReport {
    const AgencyResult* agency = nullptr;
    const GapsResult* gaps = nullptr;  // towards the resolved target (command line, file or next predicate)
    std::optional<Score> target;       // drawn when the target was asked for (command line or file)
    std::vector<EvidenceRow> evidence; // every listed item
    std::string chart_file;            // Markdown: the radar SVG written next to it ("" = none)
    std::string generator;             // "spbe 0.1.0"
    size_t top_gaps = 10;
};

std::string render_agency_html(const AgencyReport& report, Lang lang);
std::string render_agency_markdown(const AgencyReport& report, Lang lang);
// The radar alone, with its legend: the SVG of `--format svg` and of Markdown's chart file.
std::string render_agency_radar_svg(const AgencyReport& report, Lang lang);

} // namespace spbe
