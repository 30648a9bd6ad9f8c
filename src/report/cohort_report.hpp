// `spbe report DIR|FILES|@LIST|--levels-csv CSV`: a cohort as a self-contained HTML page (ranking,
// histogram against the predicate bands, predicate distribution, per-group comparison, self-assessment
// against the verified index, small multiples of radar charts), as Markdown, or the histogram as SVG.
#pragma once

#include "analysis/cohort.hpp"
#include "model/text.hpp"

#include <cstddef>
#include <string>

namespace spbe {

struct CohortReport {
    const Cohort* cohort = nullptr;
    GroupBy group_by = GroupBy::none;
    Basis basis = Basis::verified;
    size_t invalid = 0;    // inputs that could not be scored (their messages went to stderr)
    std::string generator; // "spbe 0.1.0"
};

std::string render_cohort_html(const CohortReport& report, Lang lang);
std::string render_cohort_markdown(const CohortReport& report, Lang lang);
// The histogram of a one-pack cohort (the caller refuses a cohort of several packs).
std::string render_cohort_histogram_svg(const CohortReport& report, Lang lang);

} // namespace spbe
