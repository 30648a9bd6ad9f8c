// The radar, band-bar and histogram charts of `spbe report` as SVG. Geometry is floating point,
// which is fine for drawing: every number printed in words comes from the exact engine instead.
#include "report/charts.hpp"

#include "report/svg_writer.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace spbe {

namespace {

constexpr const char* kInk = "#1a1a1a";
constexpr const char* kGrid = "#b8b8b8";

// Light to dark in one hue: bands stay in order when printed in grey.
std::string band_shade(size_t i, size_t n) {
    static const char* const kShades[] = {"#f3f6fa", "#dde6f1", "#c5d4e8", "#a9c0dc", "#8caad0", "#6f93c3"};
    constexpr size_t kCount = std::size(kShades);
    size_t at = n <= 1 ? 0 : i * (kCount - 1) / (n - 1);
    return kShades[std::min(at, kCount - 1)];
}

struct Stroke {
    const char* colour;
    const char* dash; // "" = solid
    double width;
};

Stroke stroke_of(SeriesStyle s) {
    switch (s) {
    case SeriesStyle::verified: return {"#1f4e96", "", 2.4};
    case SeriesStyle::self: return {"#b3441e", "7 4", 2.0};
    case SeriesStyle::target: return {"#111111", "2 3", 1.8};
    }
    return {kInk, "", 1};
}

std::vector<SvgAttr> line_attrs(const Stroke& s, const char* fill) {
    std::vector<SvgAttr> a{{"fill", fill}, {"stroke", s.colour}, {"stroke-width", s.width}};
    if (*s.dash) a.emplace_back("stroke-dasharray", s.dash);
    return a;
}

// Circle for verified, square for self, diamond for target: told apart without colour.
void marker(SvgWriter& svg, SeriesStyle style, SvgPoint p, double r) {
    Stroke s = stroke_of(style);
    switch (style) {
    case SeriesStyle::verified: svg.element("circle", {{"cx", p.x}, {"cy", p.y}, {"r", r}, {"fill", s.colour}}); break;
    case SeriesStyle::self:
        svg.element("rect", {{"x", p.x - r},
                             {"y", p.y - r},
                             {"width", 2 * r},
                             {"height", 2 * r},
                             {"fill", "#ffffff"},
                             {"stroke", s.colour},
                             {"stroke-width", 1.5}});
        break;
    case SeriesStyle::target:
        svg.element(
            "polygon",
            {{"points", svg_points({{p.x, p.y - r - 1}, {p.x + r + 1, p.y}, {p.x, p.y + r + 1}, {p.x - r - 1, p.y}})},
             {"fill", "#ffffff"},
             {"stroke", s.colour},
             {"stroke-width", 1.5}});
        break;
    }
}

// A key entry: a short line in the series' pattern with its marker, then the name. Returns its width.
double key_entry(SvgWriter& svg, SeriesStyle style, double x, double y, const std::string& name, double font) {
    Stroke s = stroke_of(style);
    auto attrs = line_attrs(s, "none");
    attrs.insert(attrs.begin(), {{"x1", x}, {"y1", y}, {"x2", x + 26}, {"y2", y}});
    svg.element("line", attrs);
    marker(svg, style, {x + 13, y}, 3);
    svg.text(x + 32, y + font * 0.35, name, {{"font-size", font}, {"fill", kInk}});
    return 32 + static_cast<double>(display_width(name)) * font * 0.6 + 16;
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// The bands' key on one line from `x` (moved past it): a swatch in the band's shade, "Baik (2.6–3.5)".
void band_key(SvgWriter& svg, const std::vector<ChartBand>& bands, double& x, double baseline) {
    for (size_t i = 0; i < bands.size(); ++i) {
        const ChartBand& b = bands[i];
        svg.element("rect", {{"x", x},
                             {"y", baseline - 9},
                             {"width", 14.0},
                             {"height", 11.0},
                             {"fill", band_shade(i, bands.size())},
                             {"stroke", "#7a7a7a"},
                             {"stroke-width", 0.6}});
        std::string name = fmt::format("{} ({}–{})", b.name, b.from, b.to);
        svg.text(x + 18, baseline, name, {{"font-size", 9.5}, {"fill", kInk}});
        x += 18 + static_cast<double>(display_width(name)) * 5.6 + 12;
    }
}

} // namespace

std::string render_radar_svg(const RadarChart& c, bool standalone) {
    const size_t n = c.axis_labels.size();
    const bool small = c.size < 200;
    const double font = small ? 8 : 11;
    const double margin = small ? 12 : 24;
    const double radius = c.size / 2 - margin;
    const double cx = c.size / 2, cy = c.size / 2;
    double height = c.size;
    if (c.key && !c.series.empty()) height += 22;
    height += static_cast<double>(c.legend.size()) * 16 + (c.legend.empty() ? 0 : 6);
    height +=
        static_cast<double>(c.caption.empty() ? 0 : 12 * std::count(c.caption.begin(), c.caption.end(), '\n') + 14);
    SvgWriter svg(c.size, height, c.title, small ? "radar small" : "radar");
    auto at = [&](size_t axis, double value) {
        double angle =
            -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(axis) / static_cast<double>(n);
        double r = radius * clamp01((value - c.min) / (c.max - c.min));
        return SvgPoint{cx + r * std::cos(angle), cy + r * std::sin(angle)};
    };
    svg.open("g", {{"class", "grid"}});
    for (double ring : c.rings) {
        std::vector<SvgPoint> pts;
        for (size_t k = 0; k < n; ++k) pts.push_back(at(k, ring));
        svg.element("polygon",
                    {{"points", svg_points(pts)}, {"fill", "none"}, {"stroke", kGrid}, {"stroke-width", 0.8}});
        if (!small) {
            SvgPoint p = at(0, ring);
            svg.text(p.x + 3, p.y + 4, fmt::format("{}", ring), {{"font-size", 9.0}, {"fill", "#555555"}});
        }
    }
    for (size_t k = 0; k < n; ++k) {
        SvgPoint rim = at(k, c.max);
        svg.element("line",
                    {{"x1", cx}, {"y1", cy}, {"x2", rim.x}, {"y2", rim.y}, {"stroke", kGrid}, {"stroke-width", 0.8}});
    }
    svg.close();
    // Axis numbers just outside the rim: short, so they never overlap however many axes there are.
    svg.open("g", {{"class", "axes"}, {"font-size", font}, {"text-anchor", "middle"}, {"fill", kInk}});
    for (size_t k = 0; k < n; ++k) {
        double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n);
        double r = radius + (small ? 7 : 13);
        double x = cx + r * std::cos(angle), y = cy + r * std::sin(angle) + font * 0.35;
        if (!small)
            svg.element("circle", {{"cx", x},
                                   {"cy", y - font * 0.35},
                                   {"r", 9.0},
                                   {"fill", "#ffffff"},
                                   {"stroke", kInk},
                                   {"stroke-width", 0.8}});
        svg.text(x, y, c.axis_labels[k]);
    }
    svg.close();
    for (const auto& s : c.series) {
        std::vector<SvgPoint> pts;
        for (size_t k = 0; k < n && k < s.values.size(); ++k) pts.push_back(at(k, s.values[k]));
        auto attrs = line_attrs(stroke_of(s.style), s.style == SeriesStyle::verified ? "#1f4e96" : "none");
        if (s.style == SeriesStyle::verified) attrs.emplace_back("fill-opacity", "0.18");
        if (small) attrs[2].value = svg_number(stroke_of(s.style).width * 0.6);
        attrs.insert(attrs.begin(), {"points", svg_points(pts)});
        svg.open("g", {{"class", fmt::format("series {}", s.style == SeriesStyle::verified ? "verified"
                                                          : s.style == SeriesStyle::self   ? "self"
                                                                                           : "target")}});
        svg.element("polygon", attrs);
        if (!small)
            for (const auto& p : pts) marker(svg, s.style, p, 3);
        svg.close();
    }
    double y = c.size;
    if (c.key && !c.series.empty()) {
        double x = 8;
        y += 12;
        for (const auto& s : c.series) x += key_entry(svg, s.style, x, y, s.name, 10);
        y += 10;
    }
    if (!c.legend.empty()) {
        y += 6;
        const size_t chars = static_cast<size_t>((c.size - 16) / 6.2);
        for (const auto& line : c.legend) {
            y += 16;
            svg.text(8, y - 4, truncate(line, chars), {{"font-size", 11.0}, {"fill", kInk}});
        }
    }
    if (!c.caption.empty()) {
        const size_t chars = static_cast<size_t>(c.size / 5.8); // 9-unit text: about 5.4 units a character
        size_t start = 0;
        while (start <= c.caption.size()) {
            size_t end = std::min(c.caption.find('\n', start), c.caption.size());
            y += 12;
            svg.text(c.size / 2, y, truncate(c.caption.substr(start, end - start), chars),
                     {{"font-size", 9.0}, {"text-anchor", "middle"}, {"fill", kInk}});
            start = end + 1;
        }
    }
    return svg.finish(standalone);
}

std::string render_band_bars_svg(const BandBarChart& c, bool standalone) {
    constexpr double kWidth = 640, kLabel = 190, kPlot = 380, kRow = 30, kTop = 22;
    bool any_self = false, any_target = false;
    for (const auto& b : c.bars) {
        any_self = any_self || b.self.has_value();
        any_target = any_target || b.target.has_value();
    }
    const double plot_h = kRow * static_cast<double>(c.bars.size());
    const double height = kTop + plot_h + 26 + 20 * (1 + (any_self || any_target ? 1 : 0));
    SvgWriter svg(kWidth, height, c.title, "bars");
    auto x_of = [&](double v) { return kLabel + kPlot * clamp01((v - c.min) / (c.max - c.min)); };
    svg.open("g", {{"class", "bands"}});
    for (size_t i = 0; i < c.bands.size(); ++i) {
        const ChartBand& b = c.bands[i];
        double x0 = x_of(b.from), x1 = x_of(b.to);
        svg.element(
            "rect",
            {{"x", x0}, {"y", kTop}, {"width", x1 - x0}, {"height", plot_h}, {"fill", band_shade(i, c.bands.size())}});
        if (i > 0) {
            svg.element("line", {{"x1", x0},
                                 {"y1", kTop - 4},
                                 {"x2", x0},
                                 {"y2", kTop + plot_h},
                                 {"stroke", "#7a7a7a"},
                                 {"stroke-width", 0.8}});
            svg.text(x0, kTop - 7, fmt::format("{}", b.from), {{"font-size", 9.0}, {"text-anchor", "middle"}});
        }
    }
    svg.text(x_of(c.min), kTop - 7, fmt::format("{}", c.min), {{"font-size", 9.0}, {"text-anchor", "middle"}});
    svg.text(x_of(c.max), kTop - 7, fmt::format("{}", c.max), {{"font-size", 9.0}, {"text-anchor", "middle"}});
    svg.close();
    for (size_t i = 0; i < c.bars.size(); ++i) {
        const BandBar& b = c.bars[i];
        double y = kTop + kRow * static_cast<double>(i);
        auto lines = break_lines(split_words(b.label, false), 30);
        if (lines.size() > 2) {
            lines[1] = truncate(lines[1] + " " + lines[2], 30);
            lines.resize(2);
        }
        double ty = y + kRow / 2 + 4 - (lines.size() > 1 ? 6 : 0);
        for (const auto& l : lines) {
            svg.text(kLabel - 8, ty, l, {{"font-size", 10.0}, {"text-anchor", "end"}, {"fill", kInk}});
            ty += 12;
        }
        svg.element(
            "rect",
            {{"x", kLabel}, {"y", y + 9}, {"width", x_of(b.value) - kLabel}, {"height", 12.0}, {"fill", "#1c2b4a"}});
        svg.text(kLabel + kPlot + 8, y + kRow / 2 + 4, b.value_text, {{"font-size", 10.0}, {"fill", kInk}});
        if (b.self) {
            double x = x_of(*b.self);
            svg.element("line", {{"x1", x},
                                 {"y1", y + 3},
                                 {"x2", x},
                                 {"y2", y + kRow - 3},
                                 {"stroke", "#b3441e"},
                                 {"stroke-width", 2.0},
                                 {"stroke-dasharray", "3 2"}});
        }
        if (b.target) marker(svg, SeriesStyle::target, {x_of(*b.target), y + kRow / 2}, 4);
    }
    double y = kTop + plot_h + 20;
    double x = 8;
    band_key(svg, c.bands, x, y);
    if (any_self || any_target) {
        y += 20;
        x = 8;
        if (any_self) {
            svg.element("line", {{"x1", x + 6},
                                 {"y1", y - 10},
                                 {"x2", x + 6},
                                 {"y2", y + 3},
                                 {"stroke", "#b3441e"},
                                 {"stroke-width", 2.0},
                                 {"stroke-dasharray", "3 2"}});
            svg.text(x + 16, y, c.self_name, {{"font-size", 9.5}, {"fill", kInk}});
            x += 16 + static_cast<double>(display_width(c.self_name)) * 5.6 + 16;
        }
        if (any_target) {
            marker(svg, SeriesStyle::target, {x + 6, y - 3}, 4);
            svg.text(x + 16, y, c.target_name, {{"font-size", 9.5}, {"fill", kInk}});
        }
    }
    return svg.finish(standalone);
}

std::string render_histogram_svg(const HistogramChart& c, bool standalone) {
    constexpr double kWidth = 640, kLeft = 48, kRight = 620, kTop = 14, kBottom = 200;
    const size_t n = std::max<size_t>(1, c.counts.size());
    const double high = c.low + c.bin_width * static_cast<double>(n);
    size_t peak = 1;
    for (size_t v : c.counts) peak = std::max(peak, v);
    // A round top for the count axis: 1, 2, 5, 10, 20, 50 … times a power of ten.
    size_t top = 1;
    for (size_t base = 1; top < peak; base *= 10)
        for (size_t m : {1, 2, 5, 10})
            if (top < peak) top = m * base;
    SvgWriter svg(kWidth, 270, c.title, "histogram");
    auto x_of = [&](double v) { return kLeft + (kRight - kLeft) * clamp01((v - c.low) / (high - c.low)); };
    auto y_of = [&](double count) { return kBottom - (kBottom - kTop) * count / static_cast<double>(top); };
    for (size_t i = 0; i < c.bands.size(); ++i) {
        double x0 = x_of(c.bands[i].from), x1 = x_of(c.bands[i].to);
        svg.element("rect", {{"x", x0},
                             {"y", kTop},
                             {"width", x1 - x0},
                             {"height", kBottom - kTop},
                             {"fill", band_shade(i, c.bands.size())}});
    }
    for (size_t count : {size_t{0}, top / 2, top}) {
        if (count == top / 2 && (top % 2 != 0 || top < 2)) continue;
        double y = y_of(static_cast<double>(count));
        svg.element(
            "line",
            {{"x1", kLeft - 4}, {"y1", y}, {"x2", kRight}, {"y2", y}, {"stroke", kGrid}, {"stroke-width", 0.6}});
        svg.text(kLeft - 7, y + 3, std::to_string(count), {{"font-size", 9.0}, {"text-anchor", "end"}});
    }
    const double bar = (kRight - kLeft) / static_cast<double>(n);
    svg.open("g", {{"class", "bins"}, {"fill", "#1c2b4a"}});
    for (size_t i = 0; i < c.counts.size(); ++i) {
        if (c.counts[i] == 0) continue;
        double y = y_of(static_cast<double>(c.counts[i]));
        svg.element("rect", {{"x", kLeft + bar * static_cast<double>(i) + 0.8},
                             {"y", y},
                             {"width", bar - 1.6},
                             {"height", kBottom - y}});
    }
    svg.close();
    svg.element(
        "line",
        {{"x1", kLeft}, {"y1", kBottom}, {"x2", kRight}, {"y2", kBottom}, {"stroke", kInk}, {"stroke-width", 1.0}});
    for (double v = c.low; v <= high + 1e-9; v += 1) {
        svg.text(x_of(v), kBottom + 13, fmt::format("{}", v), {{"font-size", 9.0}, {"text-anchor", "middle"}});
    }
    for (size_t i = 1; i < c.bands.size(); ++i) {
        double x = x_of(c.bands[i].from);
        svg.element("line", {{"x1", x},
                             {"y1", kTop},
                             {"x2", x},
                             {"y2", kBottom + 4},
                             {"stroke", "#7a7a7a"},
                             {"stroke-width", 0.8},
                             {"stroke-dasharray", "3 2"}});
        if (std::abs(c.bands[i].from - std::round(c.bands[i].from)) > 1e-9)
            svg.text(x, kBottom + 13, fmt::format("{}", c.bands[i].from),
                     {{"font-size", 9.0}, {"text-anchor", "middle"}});
    }
    svg.text((kLeft + kRight) / 2, kBottom + 28, c.x_label, {{"font-size", 10.0}, {"text-anchor", "middle"}});
    svg.text(12, (kTop + kBottom) / 2, c.y_label,
             {{"font-size", 10.0},
              {"text-anchor", "middle"},
              {"transform", fmt::format("rotate(-90 12 {})", svg_number((kTop + kBottom) / 2))}});
    double x = kLeft;
    band_key(svg, c.bands, x, 256);
    return svg.finish(standalone);
}

} // namespace spbe
