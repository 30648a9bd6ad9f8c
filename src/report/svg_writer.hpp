// The project's own small SVG writer: elements with attributes whose values are always escaped and
// numbers always written with one decimal, so every chart is well-formed XML and byte-for-byte the
// same on every run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spbe {

// One attribute; numbers become text here, once, the same way everywhere.
struct SvgAttr {
    SvgAttr(const char* n, std::string v) : name(n), value(std::move(v)) {}
    SvgAttr(const char* n, const char* v) : name(n), value(v) {}
    SvgAttr(const char* n, double v);
    SvgAttr(const char* n, int v) : name(n), value(std::to_string(v)) {}
    const char* name;
    std::string value;
};

// "12.5", "-3.0" never "-0.0": one decimal, enough at the sizes charts are drawn at.
std::string svg_number(double v);

struct SvgPoint {
    double x = 0, y = 0;
};
// "x,y x,y …" for the points attribute of a polygon or polyline.
std::string svg_points(const std::vector<SvgPoint>& points);

class SvgWriter {
public:
    // An <svg> of `width` × `height` user units with a viewBox, titled (for screen readers) by `title`.
    SvgWriter(double width, double height, std::string_view title, std::string_view css_class = {});

    void open(std::string_view tag, const std::vector<SvgAttr>& attrs = {});
    void close(); // the element opened last
    void element(std::string_view tag, const std::vector<SvgAttr>& attrs);
    // <text> with escaped content.
    void text(double x, double y, std::string_view content, std::vector<SvgAttr> attrs = {});

    // The document: `standalone` adds the XML declaration and the comment by which -o recognises an
    // earlier spbe report; inline SVG (inside HTML) has neither.
    std::string finish(bool standalone);

private:
    void attributes(const std::vector<SvgAttr>& attrs);
    std::string out_;
    std::vector<std::string> open_;
};

} // namespace spbe
