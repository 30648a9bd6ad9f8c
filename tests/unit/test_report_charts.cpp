// The charts: a radar has one numbered axis per group (7 or 8, whatever the pack has) and one polygon
// per series in its own pattern; the histogram draws one bar per non-empty bin over the bands.
#include "report/charts.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace spbe;

namespace {

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

RadarChart radar(size_t axes) {
    RadarChart c;
    c.title = "t";
    for (size_t k = 0; k < axes; ++k) c.axis_labels.push_back(std::to_string(k + 1));
    c.rings = {1, 2, 3, 4, 5};
    c.series.push_back({"Verifikasi", SeriesStyle::verified, std::vector<double>(axes, 2.5)});
    c.series.push_back({"Penilaian mandiri", SeriesStyle::self, std::vector<double>(axes, 3)});
    return c;
}

} // namespace

TEST_CASE("a radar follows the number of groups and tells series apart without colour") {
    for (size_t axes : {7u, 8u}) {
        std::string svg = render_radar_svg(radar(axes), false);
        CHECK(count(svg, "<circle cx=") == axes + axes + 1); // axis badges, verified markers, the key
        CHECK(count(svg, ">" + std::to_string(axes) + "</text>") == 1);
        CHECK(count(svg, ">" + std::to_string(axes + 1) + "</text>") == 0);
        CHECK(count(svg, "<g class=\"series verified\">") == 1);
        CHECK(count(svg, "<g class=\"series self\">") == 1);
        CHECK(count(svg, "stroke-dasharray=\"7 4\"") == 2); // the self polygon and its key line
    }
    // Value 5 of 5 on the first axis (straight up) touches the rim: radius 180 − 24 from the centre.
    RadarChart c = radar(4);
    c.series = {{"v", SeriesStyle::verified, {5, 0, 0, 0}}};
    CHECK(count(render_radar_svg(c, false), "points=\"180.0,24.0 180.0,180.0 180.0,180.0 180.0,180.0\"") == 1);
}

TEST_CASE("a histogram draws a bar per non-empty bin and the bands behind them") {
    HistogramChart h;
    h.title = "h";
    h.low = 1;
    h.counts = std::vector<size_t>(40, 0);
    h.counts[0] = 3;
    h.counts[16] = 7;
    h.bands = {{1, 1.8, "Kurang"}, {1.8, 2.6, "Cukup"}, {2.6, 5, "Baik"}};
    std::string svg = render_histogram_svg(h, true);
    size_t bins_at = svg.find("<g class=\"bins\"");
    REQUIRE(bins_at != std::string::npos);
    std::string bins = svg.substr(bins_at, svg.find("</g>", bins_at) - bins_at);
    CHECK(count(bins, "<rect ") == 2);
    CHECK(count(svg, ">Baik (2.6–5)</text>") == 1);
    CHECK(count(svg, ">10</text>") == 1); // the count axis rounds 7 up to 10
}
