// review_evidence: checks over an already parsed evidence file that flag entries for human review;
// the disk is reached only through the caller's probe, so this stays testable on strings.
#include "analysis/evidence_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace spbe {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_sha256(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

} // namespace

void review_evidence(const EvidenceFile& file, const Date& as_of, const EvidenceProbe& probe,
                     std::vector<Diagnostic>& out, const Pack* pack) {
    auto warn = [&](SourcePos pos, std::string msg, const char* rule) {
        out.push_back(Diagnostic{"", pos, Severity::warning, std::move(msg), rule});
    };
    auto recordable = [&](const std::optional<Rational>& v) { return !v || !pack || pack->value_from(*v); };
    // A file that lists no evidence at all (levels only, e.g. straight from a spreadsheet) with more than a few
    // claims gets one no-evidence finding naming them, not one per indicator: forty identical lines hide the rest.
    const bool lists_any = std::any_of(file.indicators.begin(), file.indicators.end(),
                                       [](const IndicatorEntry& e) { return !e.evidence.empty(); });
    std::vector<std::string> bare_claims;
    SourcePos first_claim;
    for (const auto& e : file.indicators) {
        const bool levels_ok = recordable(e.level) && recordable(e.verified);
        if (levels_ok && e.level && e.verified && *e.verified > *e.level)
            warn(e.verified_pos.line ? e.verified_pos : e.pos,
                 fmt::format("verified level {} of indicator {} is above the self-assessed level {} (evaluators rarely "
                             "raise a self-assessment; review it)",
                             e.verified->to_exact_string(), e.id, e.level->to_exact_string()),
                 "verified-above-self");
        const std::optional<Rational>& claimed = e.level ? e.level : e.verified;
        if (levels_ok && claimed && *claimed >= Rational(2) && e.evidence.empty()) {
            if (lists_any)
                warn(
                    e.level_pos.line ? e.level_pos : e.pos,
                    fmt::format("indicator {} claims level {} but lists no evidence", e.id, claimed->to_exact_string()),
                    "no-evidence");
            else {
                if (bare_claims.empty()) first_claim = e.level_pos.line ? e.level_pos : e.pos;
                bare_claims.push_back(e.id);
            }
        }
        for (const auto& item : e.evidence) {
            std::string name = item.title.empty() ? item.file : item.title;
            if (!item.file.empty()) {
                bool want_hash = is_sha256(item.sha256);
                auto digest = probe(item.file, want_hash);
                if (!digest)
                    warn(item.pos,
                         fmt::format("evidence file '{}' of indicator {} does not exist (paths are relative to the "
                                     "evidence file's folder)",
                                     item.file, e.id),
                         "evidence-file-missing");
                else if (want_hash && *digest != lower(item.sha256))
                    warn(item.pos,
                         fmt::format("SHA-256 of evidence file '{}' of indicator {} is {}, not the recorded {}",
                                     item.file, e.id, *digest, lower(item.sha256)),
                         "sha256-mismatch");
            }
            if (item.valid_until && *item.valid_until < as_of)
                warn(item.pos,
                     fmt::format("evidence '{}' of indicator {} expired on {} (before {})", name, e.id,
                                 item.valid_until->to_string(), as_of.to_string()),
                     "evidence-expired");
        }
    }
    constexpr size_t kFew = 5; // up to this many claims keep a finding (and a position) each
    if (bare_claims.size() <= kFew) {
        for (const auto& e : file.indicators) {
            const std::optional<Rational>& claimed = e.level ? e.level : e.verified;
            if (std::find(bare_claims.begin(), bare_claims.end(), e.id) != bare_claims.end())
                warn(
                    e.level_pos.line ? e.level_pos : e.pos,
                    fmt::format("indicator {} claims level {} but lists no evidence", e.id, claimed->to_exact_string()),
                    "no-evidence");
        }
    } else {
        constexpr size_t kNamed = 10;
        std::string ids;
        for (size_t k = 0; k < bare_claims.size() && k < kNamed; ++k) ids += (k ? ", " : "") + bare_claims[k];
        if (bare_claims.size() > kNamed) ids += fmt::format(" and {} more", bare_claims.size() - kNamed);
        warn(first_claim,
             fmt::format("the file lists no evidence at all: {} {} level 2 or more without any ({}); list the bukti "
                         "dukung of each claim under its 'evidence:'",
                         bare_claims.size(), bare_claims.size() == 1 ? "indicator claims" : "indicators claim", ids),
             "no-evidence");
    }
}

} // namespace spbe
