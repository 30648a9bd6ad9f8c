// For unit tests: an agency scored from YAML text against a built-in pack (with its text), every
// indicator the text does not name at level 3. Header-only; not a test file of its own.
#pragma once

#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "scoring/score.hpp"

#include <doctest/doctest.h>

#include <string>

namespace spbe::test {

// `agency_yaml` is the flow mapping of `agency:`; `special` the indicator lines (two-space indent).
inline AgencyResult scored_agency(const std::string& rubric, int indicators, const std::string& agency_yaml,
                                  const std::string& special) {
    static PackRegistry registry;
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* pack = registry.get(rubric, diags, io_error);
    REQUIRE(pack);
    std::string text = "rubric: " + rubric + "\nagency: " + agency_yaml + "\nyear: 2025\nindicators:\n" + special;
    for (int i = 1; i <= indicators; ++i)
        if (text.find("\n  " + std::to_string(i) + ":") == std::string::npos)
            text += "  " + std::to_string(i) + ": 3\n";
    EvidenceParse p = parse_evidence(text);
    REQUIRE(p.diags.empty());
    validate_evidence(*p.file, *pack, p.diags);
    REQUIRE(p.diags.empty());
    auto r = score_evidence(*pack, std::move(*p.file), Basis::verified);
    REQUIRE(r);
    return std::move(*r);
}

} // namespace spbe::test
