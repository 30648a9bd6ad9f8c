// The charts of `spbe report`, drawn with SvgWriter: a radar of a pack's groups (any number of axes,
// numbered, so long names never collide; the names go in a legend), bars against the predicate
// bands, and a histogram of a cohort's index. Series differ in line pattern and marker as well as
// colour, so they stay apart in greyscale print.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace spbe {

enum class SeriesStyle { verified, self, target };

struct RadarSeries {
    std::string name;
    SeriesStyle style = SeriesStyle::verified;
    std::vector<double> values; // one per axis, on the chart's scale
};

struct RadarChart {
    std::string title;                    // <title> of the SVG
    std::vector<std::string> axis_labels; // short: "1", "2", … (the legend names them)
    double min = 0, max = 5;              // centre and rim
    std::vector<double> rings;            // values with a ring, e.g. 1 … 5
    std::vector<RadarSeries> series;
    double size = 360;               // width and height of the drawing
    bool key = true;                 // the series key under the chart
    std::vector<std::string> legend; // "1  Kebijakan Internal SPBE  3.00" lines under it (standalone SVG)
    std::string caption;             // one line under the chart (small multiples: agency and index)
};

std::string render_radar_svg(const RadarChart& chart, bool standalone);

// A predicate band: [from, to) on the chart's scale, with the band's name.
struct ChartBand {
    double from = 0, to = 0;
    std::string name;
};

struct BandBar {
    std::string label;            // left of the bar
    double value = 0;             // the bar
    std::string value_text;       // right of the bar
    std::optional<double> self;   // a tick for the self-assessment
    std::optional<double> target; // a tick for the target
};

struct BandBarChart {
    std::string title;
    double min = 0, max = 5;
    std::vector<ChartBand> bands; // lowest first
    std::vector<BandBar> bars;
    std::string self_name, target_name; // key entries when some bar has the tick
};

std::string render_band_bars_svg(const BandBarChart& chart, bool standalone);

struct HistogramChart {
    std::string title;
    double low = 0, bin_width = 0.1;
    std::vector<size_t> counts;
    std::vector<ChartBand> bands;
    std::string x_label, y_label;
};

std::string render_histogram_svg(const HistogramChart& chart, bool standalone);

} // namespace spbe
