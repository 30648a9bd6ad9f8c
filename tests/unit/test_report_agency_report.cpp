// The agency visual report: text from the evidence file is escaped in HTML, SVG and Markdown; the
// radar has the pack's own number of axes (8 for spbe-2020, 7 for pemdi-2026); the self-assessed
// polygon appears only when it differs; Markdown links its chart file.
#include "analysis/gaps.hpp"
#include "report/agency_report.hpp"
#include "scored_agency.hpp"

#include <doctest/doctest.h>

using namespace spbe;

namespace {

AgencyResult agency(const std::string& rubric, int indicators, const std::string& name, const std::string& special) {
    return test::scored_agency(rubric, indicators, "{name: " + name + ", code: \"9901\"}", special);
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

struct Built {
    AgencyResult r;
    GapsResult g;
    AgencyReport rep;
};

void build(Built& b) {
    Target t = next_predicate_target(*b.r.pack, b.r.score.index);
    GapsOptions opt;
    opt.as_of = Date{2026, 11, 30};
    b.g = analyse_gaps(b.r, t, opt);
    b.rep.agency = &b.r;
    b.rep.gaps = &b.g;
    b.rep.evidence = list_evidence(b.r, opt);
    b.rep.generator = "spbe test";
}

} // namespace

TEST_CASE("text from the evidence file is escaped in every visual format") {
    Built b{
        agency(
            "spbe-2020", 47, "\"<script>alert('x')</script> & Co\\nKab\"",
            "  1:\n    level: 3\n    verified: 2\n    evidence:\n"
            "      - {title: \"<img src=x onerror=alert(1)> & 'q'\", file: \"a<b>.pdf\", valid_until: 2025-01-01}\n"),
        {},
        {}};
    build(b);
    std::string html = render_agency_html(b.rep, Lang::id);
    CHECK(count(html, "<script") == 0);
    CHECK(count(html, "<img") == 0);
    CHECK(count(html, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; Co\nKab") >=
          2); // header and radar title
    CHECK(count(html, "&lt;img src=x onerror=alert(1)&gt; &amp; &apos;q&apos;") == 1);
    CHECK(count(html, "<td>a&lt;b&gt;.pdf</td>") == 1);
    CHECK(count(html, "kedaluwarsa, berkas tidak ditemukan") == 0); // no file probe given: only expiry
    CHECK(count(html, ">kedaluwarsa</td>") == 1);
    std::string svg = render_agency_radar_svg(b.rep, Lang::id);
    CHECK(count(svg, "<script") == 0);
    CHECK(count(svg, "<title>&lt;script&gt;") == 1);
    std::string md = render_agency_markdown(b.rep, Lang::id);
    CHECK(count(md, "<script") == 0);
    CHECK(count(md, "&lt;script>alert('x')&lt;/script> & Co<br>Kab") == 1);
}

TEST_CASE("the radar follows the pack: 8 aspects for spbe-2020, 7 for pemdi-2026") {
    Built spbe{agency("spbe-2020", 47, "A", "  1:\n    level: 4\n    verified: 2\n"), {}, {}};
    build(spbe);
    std::string svg = render_agency_radar_svg(spbe.rep, Lang::en);
    CHECK(count(svg, "<g class=\"axes\"") == 1);
    CHECK(count(svg, ">8</text>") == 1);
    CHECK(count(svg, ">9</text>") == 0);
    CHECK(count(svg, "<g class=\"series self\">") == 1); // self 4 ≠ verified 2
    CHECK(count(svg, "Self-assessment") == 1);
    Built same{agency("spbe-2020", 47, "A", ""), {}, {}};
    build(same);
    CHECK(count(render_agency_radar_svg(same.rep, Lang::id), "<g class=\"series self\">") == 0);
    Built pemdi{
        agency("pemdi-2026", 20, "B", "  5: 2.5\n  6: 2\n  7: 2\n  10: 2\n  11: 2\n  12: 2\n  18: 2\n"), {}, {}};
    build(pemdi);
    std::string p = render_agency_radar_svg(pemdi.rep, Lang::id);
    CHECK(count(p, ">7</text>") == 1);
    CHECK(count(p, ">8</text>") == 0);
    CHECK(count(render_agency_html(pemdi.rep, Lang::id), "bersumber sekunder") == 2); // header and footer
}

TEST_CASE("Markdown links its chart file and keeps the exact index beside the rounded one") {
    Built b{agency("spbe-2020", 47, "A", "  1: 4\n"), {}, {}};
    build(b);
    b.rep.chart_file = "laporan.svg";
    std::string md = render_agency_markdown(b.rep, Lang::id);
    CHECK(count(md, "![Diagram radar](laporan.svg)") == 1);
    CHECK(count(md, "**3.01 (tepat 3.013)** — **Baik**") == 1);
    CHECK(md.rfind("# Laporan Indeks SPBE · A\n", 0) == 0);
}
