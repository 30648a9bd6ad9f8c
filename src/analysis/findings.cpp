// The rule registry (every id a loader or check can report, with its default severity and help),
// and the configuration, ordering and gate logic shared by `spbe lint` and `spbe check`.
#include "analysis/findings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace spbe {

namespace {

using S = Severity;
using R = RuleScope;

std::vector<RuleInfo> make_registry() {
    std::vector<RuleInfo> rules = {
        // Reported by the YAML reader for both packs and evidence files.
        {"yaml-syntax", S::error, R::common, "The file is not valid YAML",
         "The file cannot be parsed as YAML, so nothing else in it can be checked; the command also exits with 3. "
         "Example: "
         "`level: [3` (an unclosed list). For the common hand-editing mistakes the message names the mistake and the "
         "fix, at the line where it is: a value containing ': ' that needs quotes, `1:4` without a space, a key "
         "indented one space too far, an unclosed `[`, `{` or quote, list items mixed with keys."},
        {"empty-file", S::error, R::common, "The file is empty",
         "The file holds no YAML document (or only comments). Example: an evidence file of zero bytes. Fill it in or "
         "delete it."},
        {"key-type", S::error, R::common, "A mapping key is not plain text",
         "Keys must be plain scalars. Example: `[1, 2]: 3` inside 'indicators'. Write one key per entry."},
        {"duplicate-key", S::error, R::common, "A key appears twice in the same mapping",
         "YAML parsers disagree on which of two equal keys wins (yaml-cpp keeps the first, most tools the last), so a "
         "duplicate is never safe. Example: `indicators: {5: 2, 5: 3}`. Remove one of them."},
        {"unknown-key", S::error, R::common, "A key that the format does not define",
         "Usually a typo; the message suggests the closest known key. Example: `levle: 3` gives \"unknown key 'levle' "
         "in "
         "indicator 5; did you mean 'level'?\"."},
        {"missing-key", S::error, R::common, "A required key is missing",
         "Example: an evidence file without `year:`, a pack indicator without `weight:`, or an evidence entry with "
         "neither "
         "`title` nor `file`."},
        {"type", S::error, R::common, "A value has the wrong type",
         "Example: `indicators: [1, 2]` (a list where a mapping of indicator ids is expected), or `weight: heavy`."},
        {"decimal-comma", S::error, R::common, "A number written with a decimal comma",
         "Indonesian documents write 2,5; YAML reads that as text. Write decimals with a point: `level: 2.5` (where "
         "the rubric records decimals, as pemdi-2026 does) and `weight: 1.3`."},
        {"not-integer", S::error, R::common, "A whole number was expected",
         "Years and level values are whole numbers, and so are the levels of spbe-2018 and spbe-2020. Example: "
         "`level: 2.5` in a spbe-2020 file, or `level: tiga`."},
        {"io", S::error, R::common, "A file cannot be read",
         "The file does not exist or cannot be read; the command exits with 4. Example: `spbe check missing.yaml`."},
        {"levels-csv-as-evidence", S::error, R::common, "A levels CSV given where an evidence file is expected",
         "A .csv file named as an evidence file (not as `--levels-csv`) is not read as YAML; the message names the "
         "option instead. Example: `spbe score levels-2025.csv` for `spbe score --levels-csv levels-2025.csv`."},
        {"empty-directory", S::warning, R::common, "A folder given as input holds no evidence files",
         "A folder named on the command line (or in an @list) contains no *.yaml or *.yml file, so nothing from it is "
         "scored; usually a wrong path. Example: `spbe score evidence/2024/` where the files are in "
         "evidence/2024/kab/… "
         "with another extension."},
        {"target", S::error, R::common, "The targets of an evidence file are invalid",
         "`targets:` may give only one of index, predicate, level, and a predicate must be one of the pack's. Example: "
         "`targets: {predicate: Sangat Bagus}` (did you mean 'Sangat Baik'?) or `targets: {index: 3.5, level: 4}`."},
        {"internal", S::error, R::common, "An input could not be scored within the exact arithmetic's limits",
         "Exact fractions are kept in 128-bit integers; a pack with extreme weights (denominators of many digits) can "
         "exceed that for some inputs. That input is reported and skipped, the rest of a batch is scored, and the exit "
         "code is 3 (a cohort summary that would exceed it stops the batch rather than print an approximation). "
         "Example: a custom pack whose weights are fractions with denominators of a dozen digits or more."},
        {"config", S::error, R::common, "The .spbe.yaml configuration is invalid",
         "Example: `rules: {weight-sum: off}` (an unknown rule id; did you mean 'weights-sum'?) or a severity other "
         "than "
         "off, error, warning, info. The command exits with 2."},

        // Rubric packs (`spbe lint`).
        {"weights-sum", S::error, R::lint, "Weights do not add up exactly",
         "Indicator weights must add up exactly to their aspect's weight, aspect weights to their domain's, and domain "
         "weights to total_weight (100), in exact arithmetic; the message gives the actual sum. Example: aspect "
         "weights "
         "13 + 12.5 + 3 = 28.5 in a domain of weight 28.75."},
        {"weight-positive", S::error, R::lint, "A weight is zero or negative",
         "Every group and indicator weight must be greater than 0. Example: `weight: 0`."},
        {"duplicate-id", S::error, R::lint, "An id is used twice",
         "Indicator ids must be unique across the whole pack, group ids within their tier, and a file may be listed in "
         "'files' only once. Example: two indicators with `id: \"5\"` in policy.yaml and governance.yaml."},
        {"criteria", S::error, R::lint, "A level of the scale has no criteria text",
         "Every level of an indicator's scale needs criteria, either the indicator's own `criteria:` or the scale's "
         "generic "
         "level description; criteria for a level that is not on the scale are also reported. Example: criteria for "
         "levels 1-4 on a 1-5 scale whose levels have no `criteria`."},
        {"predicate-bands", S::error, R::lint, "Predicate bands leave a gap, overlap or lie outside the scale",
         "Predicate bands are lower-bound inclusive: a band applies from its `min` up to the next band's min. The "
         "lowest "
         "band must start at (or below) the lowest level so there is no gap, no two bands may share a lower bound, and "
         "no "
         "band may start above the highest level. Example: lowest band `min: 1.8` on a 1-5 scale leaves 1 to 1.8 "
         "without "
         "a predicate."},
        {"unknown-scale", S::error, R::lint, "An indicator or default_scale names a scale that does not exist",
         "Example: `scale: servis` when the scales are 'process' and 'service' (did you mean 'service'?)."},
        {"scale", S::error, R::lint, "A level scale is malformed",
         "Levels must be whole numbers from 0 to 100, consecutive and ascending, and a scale needs at least one level. "
         "Example: levels 1, 2, 4."},
        {"hierarchy", S::error, R::lint, "The hierarchy of grouping tiers is malformed",
         "`hierarchy:` lists at least one grouping tier (e.g. domain, aspect) with `id` and `plural`; indicators are "
         "not a "
         "tier."},
        {"pack-files", S::error, R::lint, "A file listed in the manifest is missing or not a plain name",
         "Every entry of `files:` must be a file inside the pack folder that exists. Example: `files: [policy.yaml, "
         "governance.yml]` when the file is governance.yaml."},
        {"display", S::error, R::lint, "Display precision or rounding is not supported",
         "`display: {precision: 0-6, rounding: half-up}`. Example: `rounding: bankers`."},
        {"display-declared", S::warning, R::lint, "Rounding and precision are not declared",
         "A pack should state how indices are displayed instead of relying on the default (2 decimals, half-up). Add "
         "`display: {precision: 2, rounding: half-up}` to pack.yaml."},
        {"stray-file", S::warning, R::lint, "A YAML file in the pack folder is not listed in the manifest",
         "A domain file that is not in `files:` is silently ignored by the loader. Example: management.yaml exists but "
         "`files: [policy.yaml, governance.yaml]`. List it, or move it out of the pack folder."},
        {"missing-translation", S::warning, R::lint, "A name has no English text",
         "Names are bilingual: `name: {id: \"Kebijakan Internal\", en: \"Internal policy\"}`. A plain string or a "
         "mapping "
         "without `en` is reported so that --lang en output is complete."},

        // Evidence files (`spbe check`).
        {"nothing-to-check", S::error, R::check, "No evidence file was found in the inputs",
         "Every folder given (or matched by a glob) contains no *.yaml or *.yml file, so there is nothing to check; a "
         "CI "
         "gate must not pass on nothing. The command exits with 3 (as `spbe score` does), also when the rule is turned "
         "off in .spbe.yaml. Example: `spbe check evidence/` on an empty folder or a folder of PDF files. A glob that "
         "matches nothing is an `io` error instead (exit 4)."},
        {"unknown-rubric", S::error, R::check, "The evidence file names a rubric that is not known",
         "`rubric:` must be a built-in pack id (spbe-2020, spbe-2018); use --rubric DIR to check against a pack "
         "folder. "
         "Example: `rubric: spbe-2021`."},
        {"rubric-override", S::warning, R::check, "--rubric replaces the rubric the file names",
         "Reported when --rubric is given and differs from the file's `rubric:`."},
        {"unknown-indicator", S::error, R::check, "An indicator id that the rubric does not have",
         "Example: `indicators: {48: 2}` with spbe-2020, which has indicators 1 to 47."},
        {"missing-indicator", S::error, R::check, "Indicators of the rubric are missing from the file",
         "Every indicator of the rubric must be listed (with `level: null` while it is not assessed yet). The message "
         "lists the missing ids."},
        {"missing-level", S::error, R::check, "An indicator's level is not filled in",
         "`level: null` (as written by `spbe init`) or an empty value. Fill in the self-assessed level."},
        {"level-range", S::error, R::check, "A level is outside the indicator's scale",
         "Example: `level: 6` on the 1-5 scale of spbe-2020, or `verified: 0`."},
        {"level-decimals", S::error, R::check, "A level has more decimals than the rubric records",
         "pemdi-2026 records indicator values with two decimals (1.00 to 5.00). Example: `level: 2.555`."},
        {"external-index", S::error, R::check, "An external index given where the rubric takes none, or the wrong one",
         "Only indicators that the rubric feeds from another agency's index take `external:` (in pemdi-2026: 5 SDI, "
         "6 SJIG, 7 IPS, 10-12 IKASANDI, 18 SDI-INTEROP). Example: `6: {external: {index: SJG, value: 2.4}}`."},
        {"external-range", S::error, R::check, "An external index value is outside the index's range",
         "Example: `external: {index: SDI, value: 168.75}`; the Indeks SDI runs from 0 to 100."},
        {"external-level", S::error, R::check, "A level and a converted external index for one indicator",
         "Where the rubric converts the index to the indicator's value (pemdi-2026 indicator 5: 1 + SDI/25), a "
         "`level:` beside it would be ignored, so it is refused; where no conversion is known (indicator 7, IPS) the "
         "level must be given."},
        {"external-pending", S::warning, R::check, "An external index is not published yet",
         "`external: {index: SDI, value: null}`: the indicator counts as 1.00, as the 2026 assessors counted indices "
         "that were not available. Fill in the value when the index is published."},
        {"year-range", S::error, R::check, "The year is out of range",
         "`year:` must be from 2000 to 2100. Example: `year: 24`."},
        {"effort-range", S::error, R::check, "An effort value is negative",
         "`effort:` (used by `spbe plan`) is the cost of one level step, or a map of level -> cost; it cannot be "
         "negative. Example: `effort: -2`."},
        {"sha256-format", S::error, R::check, "A sha256 is not 64 hexadecimal digits",
         "Example: `sha256: abc123`. Use the output of `sha256sum FILE`."},
        {"date-format", S::error, R::check, "A date is not YYYY-MM-DD",
         "Dates such as `valid_until` are written as ISO dates. Example: `valid_until: 31-12-2026` instead of "
         "`2026-12-31`."},
        {"verified-above-self", S::warning, R::check, "The verified level is above the self-assessed level",
         "Evaluators rarely raise a self-assessment, so this is flagged for review. Example: `level: 2, verified: 3`."},
        {"no-evidence", S::warning, R::check, "A level of 2 or more is claimed without evidence",
         "Levels from 2 up need supporting documents (bukti dukung). Example: `5: 3` (short form) or a long-form entry "
         "without `evidence:`. A file that lists no evidence at all and claims more than five such levels gets one "
         "finding naming them."},
        {"evidence-file-missing", S::warning, R::check, "An evidence file does not exist",
         "`file:` is relative to the folder of the evidence YAML file. Example: `file: bukti/perbup.pdf` when "
         "bukti/perbup.pdf is not there."},
        {"sha256-mismatch", S::warning, R::check, "An evidence file's SHA-256 differs from the recorded one",
         "The document changed since its hash was recorded. Example: `sha256: 9f86…` but `sha256sum` of the file "
         "gives another value. Re-check the document and update the hash."},
        {"evidence-expired", S::warning, R::check, "An evidence document's valid_until is before the reference date",
         "The reference date is --as-of (default: 31 December of the file's year once that year is over, else "
         "today). Example: `valid_until: 2024-06-30` in a 2024 file, checked on 2024-12-31."},
    };
    std::sort(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    return rules;
}

int severity_rank(Severity s) {
    switch (s) {
    case Severity::error: return 2;
    case Severity::warning: return 1;
    case Severity::info: return 0;
    }
    return 2;
}

std::vector<std::string> all_ids() {
    std::vector<std::string> ids;
    for (const auto& r : rule_registry()) ids.push_back(r.id);
    return ids;
}

} // namespace

const std::vector<RuleInfo>& rule_registry() {
    static const std::vector<RuleInfo> registry = make_registry();
    return registry;
}

const RuleInfo* find_rule(std::string_view id) {
    for (const auto& r : rule_registry())
        if (r.id == id) return &r;
    return nullptr;
}

std::vector<RuleInfo> rules_for(std::string_view command) {
    std::vector<RuleInfo> out;
    for (const auto& r : rule_registry())
        if (r.scope == RuleScope::common || (command == "lint" && r.scope == RuleScope::lint) ||
            (command == "check" && r.scope == RuleScope::check))
            out.push_back(r);
    return out;
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "error") return Severity::error;
    if (text == "warning") return Severity::warning;
    if (text == "info") return Severity::info;
    return std::nullopt;
}

const char* sarif_level(Severity s) {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
    }
    return "error";
}

bool at_or_above(Severity s, Severity threshold) { return severity_rank(s) >= severity_rank(threshold); }

void validate_config(const FindingsConfig& config, std::vector<Diagnostic>& diags) {
    auto check_id = [&](const std::string& id, SourcePos pos) {
        if (find_rule(id)) return;
        std::string hint = closest_match(id, all_ids());
        diags.push_back(
            Diagnostic{config.file, pos, Severity::error,
                       fmt::format("unknown rule '{}'{}", id,
                                   hint.empty() ? " (see docs/rules.md)" : fmt::format("; did you mean '{}'?", hint)),
                       "config"});
    };
    for (const auto& [id, setting] : config.rules) check_id(id, setting.pos);
    for (const auto& ig : config.ignore)
        for (const auto& id : ig.rules) check_id(id, ig.pos);
}

std::vector<RuleInfo> effective_rules(std::string_view command, const FindingsConfig& config) {
    std::vector<RuleInfo> out;
    for (auto r : rules_for(command)) {
        if (auto it = config.rules.find(r.id); it != config.rules.end()) {
            if (!it->second.severity) continue;
            r.severity = *it->second.severity;
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Finding> apply_config(std::vector<Finding> findings, const FindingsConfig& config,
                                  const IgnoreFilter& ignored) {
    std::vector<Finding> out;
    for (auto& f : findings) {
        if (const RuleInfo* rule = find_rule(f.rule)) f.severity = rule->severity;
        if (auto it = config.rules.find(f.rule); it != config.rules.end()) {
            if (!it->second.severity) continue;
            f.severity = *it->second.severity;
        }
        if (ignored && ignored(f)) continue;
        out.push_back(std::move(f));
    }
    sort_findings(out);
    return out;
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.file, a.pos.line, a.pos.col, a.rule, a.message) <
               std::tie(b.file, b.pos.line, b.pos.col, b.rule, b.message);
    });
}

FindingCounts count_findings(const std::vector<Finding>& findings) {
    FindingCounts c;
    for (const auto& f : findings) {
        if (f.severity == Severity::error) ++c.errors;
        else if (f.severity == Severity::warning) ++c.warnings;
        else ++c.infos;
    }
    return c;
}

bool fails(const std::vector<Finding>& findings, Severity fail_on) {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding& f) { return at_or_above(f.severity, fail_on); });
}

} // namespace spbe
