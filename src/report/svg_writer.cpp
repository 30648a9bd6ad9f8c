// SvgWriter: the element stack, attribute escaping and the fixed number format behind every chart.
#include "report/svg_writer.hpp"

#include "report/text_util.hpp"

#include <fmt/format.h>

#include <cmath>

namespace spbe {

std::string svg_number(double v) {
    double r = std::round(v * 10) / 10;
    if (r == 0) r = 0; // no "-0.0"
    return fmt::format("{:.1f}", r);
}

SvgAttr::SvgAttr(const char* n, double v) : name(n), value(svg_number(v)) {}

std::string svg_points(const std::vector<SvgPoint>& points) {
    std::string out;
    for (const auto& p : points)
        out += fmt::format("{}{},{}", out.empty() ? "" : " ", svg_number(p.x), svg_number(p.y));
    return out;
}

SvgWriter::SvgWriter(double width, double height, std::string_view title, std::string_view css_class) {
    out_ = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                       "role=\"img\"",
                       svg_number(width), svg_number(height), svg_number(width), svg_number(height));
    if (!css_class.empty()) out_ += fmt::format(" class=\"{}\"", xml_escape(css_class));
    out_ += fmt::format(" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n<title>{}</title>\n",
                        xml_escape(title));
}

void SvgWriter::attributes(const std::vector<SvgAttr>& attrs) {
    for (const auto& a : attrs) out_ += fmt::format(" {}=\"{}\"", a.name, xml_escape(a.value));
}

void SvgWriter::open(std::string_view tag, const std::vector<SvgAttr>& attrs) {
    out_ += fmt::format("{:{}}<{}", "", open_.size() * 2, tag);
    attributes(attrs);
    out_ += ">\n";
    open_.emplace_back(tag);
}

void SvgWriter::close() {
    std::string tag = std::move(open_.back());
    open_.pop_back();
    out_ += fmt::format("{:{}}</{}>\n", "", open_.size() * 2, tag);
}

void SvgWriter::element(std::string_view tag, const std::vector<SvgAttr>& attrs) {
    out_ += fmt::format("{:{}}<{}", "", open_.size() * 2, tag);
    attributes(attrs);
    out_ += "/>\n";
}

void SvgWriter::text(double x, double y, std::string_view content, std::vector<SvgAttr> attrs) {
    attrs.insert(attrs.begin(), {SvgAttr("x", x), SvgAttr("y", y)});
    out_ += fmt::format("{:{}}<text", "", open_.size() * 2);
    attributes(attrs);
    out_ += fmt::format(">{}</text>\n", xml_escape(content));
}

std::string SvgWriter::finish(bool standalone) {
    while (!open_.empty()) close();
    std::string doc;
    if (standalone) doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- spbe report -->\n";
    doc += out_;
    doc += "</svg>\n";
    return doc;
}

} // namespace spbe
