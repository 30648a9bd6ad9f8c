// review_evidence: the warnings of `spbe check` over a parsed evidence file, with the disk
// replaced by a map of file name -> SHA-256.
#include "analysis/evidence_check.hpp"
#include "loader/evidence_loader.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace spbe;

namespace {

std::string review(const std::string& yaml, const std::map<std::string, std::string>& disk,
                   Date as_of = {2026, 11, 30}) {
    EvidenceParse p = parse_evidence(yaml);
    REQUIRE(p.diags.empty());
    std::vector<Diagnostic> out;
    review_evidence(
        *p.file, as_of,
        [&](const std::string& f, bool want_hash) -> std::optional<std::string> {
            auto it = disk.find(f);
            if (it == disk.end()) return std::nullopt;
            return want_hash ? it->second : std::string();
        },
        out);
    std::string text;
    for (const auto& d : out) text += format_diagnostic(d) + " [" + d.rule + "]\n";
    return text;
}

const std::string kHead = "rubric: spbe-2020\nagency: {name: X}\nyear: 2024\nindicators:\n";
const std::string kHash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

} // namespace

TEST_CASE("no findings for a well-supported file") {
    CHECK(review(kHead + "  1: 1\n  2: {level: 3, verified: 2, evidence: [{title: Perbup, file: a.pdf, sha256: " +
                     kHash + ", valid_until: 2027-01-01}]}\n",
                 {{"a.pdf", kHash}}) == "");
}

TEST_CASE("verified above self and claims without evidence") {
    CHECK(review(kHead + "  1: 2\n  2: {level: 2, verified: 3, evidence: [Notulensi]}\n  3: {level: null, verified: "
                         "4}\n  4: {level: 1}\n",
                 {}) == "5:6: warning: indicator 1 claims level 2 but lists no evidence [no-evidence]\n"
                        "6:27: warning: verified level 3 of indicator 2 is above the self-assessed level 2 (evaluators "
                        "rarely raise a self-assessment; review it) "
                        "[verified-above-self]\n"
                        "7:14: warning: indicator 3 claims level 4 but lists no evidence [no-evidence]\n");
}

TEST_CASE("missing, changed and expired evidence documents") {
    std::string yaml =
        kHead +
        "  1:\n    level: 3\n    evidence:\n      - {file: gone.pdf}\n      - {title: Perbup, file: a.pdf, sha256: " +
        std::string(64, 'A') +
        "}\n      - {title: SK Tim, valid_until: 2025-12-31}\n      - {title: SK Baru, valid_until: 2026-11-30}\n";
    CHECK(review(yaml, {{"a.pdf", kHash}}) == "8:9: warning: evidence file 'gone.pdf' of indicator 1 does not exist "
                                              "(paths are relative to the evidence file's folder) "
                                              "[evidence-file-missing]\n"
                                              "9:9: warning: SHA-256 of evidence file 'a.pdf' of indicator 1 is " +
                                                  kHash + ", not the recorded " + std::string(64, 'a') +
                                                  " [sha256-mismatch]\n"
                                                  "10:9: warning: evidence 'SK Tim' of indicator 1 expired on "
                                                  "2025-12-31 (before 2026-11-30) [evidence-expired]\n");
    // valid_until on the reference date itself is still valid; a later --as-of makes it expire.
    CHECK(review(kHead + "  1: {level: 1, evidence: [{title: SK, valid_until: 2026-11-30}]}\n", {}, {2026, 12, 1}) ==
          "5:28: warning: evidence 'SK' of indicator 1 expired on 2026-11-30 (before 2026-12-01) [evidence-expired]\n");
}

TEST_CASE("a file with no evidence at all and more than five claims gets one no-evidence finding") {
    std::string six = kHead;
    for (int i = 1; i <= 12; ++i) six += "  " + std::to_string(i) + ": " + (i <= 6 ? "2" : "1") + "\n";
    CHECK(review(six, {}) == "5:6: warning: the file lists no evidence at all: 6 indicators claim level 2 or more "
                             "without any (1, 2, 3, 4, 5, 6); list the bukti dukung of each claim under its "
                             "'evidence:' [no-evidence]\n");
    std::string five = kHead + "  1: 2\n  2: 2\n  3: 2\n  4: 2\n  5: 3\n  6: 1\n";
    const std::string per_line = review(five, {});
    CHECK(per_line.rfind("5:6: warning: indicator 1 claims level 2 but lists no evidence [no-evidence]\n", 0) == 0);
    CHECK(per_line.find("9:6: warning: indicator 5 claims level 3 but lists no evidence [no-evidence]\n") !=
          std::string::npos);
    // One listed document anywhere: every claim without evidence keeps its own finding.
    std::string some = six + "  13: {level: 2, evidence: [Notulensi]}\n";
    CHECK(review(some, {}).find("indicator 6 claims level 2 but lists no evidence") != std::string::npos);
    CHECK(review(some, {}).find("lists no evidence at all") == std::string::npos);
}
