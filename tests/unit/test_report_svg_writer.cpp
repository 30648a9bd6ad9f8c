// SvgWriter: one-decimal numbers (never "-0.0"), escaped attributes and text, elements closed in
// order, and the standalone header -o recognises.
#include "report/svg_writer.hpp"

#include <doctest/doctest.h>

using namespace spbe;

TEST_CASE("svg numbers have one decimal and no negative zero") {
    CHECK(svg_number(12.25) == "12.3");
    CHECK(svg_number(-0.04) == "0.0");
    CHECK(svg_number(3) == "3.0");
    CHECK(svg_points({{1, 2}, {3.05, -4}}) == "1.0,2.0 3.1,-4.0");
}

TEST_CASE("svg text and attributes from input are escaped; open elements are closed in order") {
    SvgWriter svg(100, 50, "<script>\"&'", "radar");
    svg.open("g", {{"class", "a\"b"}});
    svg.text(1, 2, "<b>&amp;</b>\nx");
    svg.element("rect", {{"x", 1.0}, {"width", 2}});
    std::string inline_svg = svg.finish(false);
    CHECK(inline_svg == "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100.0 50.0\" width=\"100.0\" "
                        "height=\"50.0\" role=\"img\" class=\"radar\" font-family=\"DejaVu Sans, Liberation Sans, "
                        "Arial, sans-serif\">\n<title>&lt;script&gt;&quot;&amp;&apos;</title>\n"
                        "<g class=\"a&quot;b\">\n"
                        "  <text x=\"1.0\" y=\"2.0\">&lt;b&gt;&amp;amp;&lt;/b&gt;\nx</text>\n"
                        "  <rect x=\"1.0\" width=\"2\"/>\n</g>\n</svg>\n");
    SvgWriter alone(10, 10, "t");
    CHECK(alone.finish(true).rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- spbe report -->\n<svg ", 0) == 0);
}
