// Findings of `spbe lint` and `spbe check`: the registry of rule ids (default severity, help text),
// applying a `.spbe.yaml` configuration, the fixed sort order, counts and the --fail-on decision.
#pragma once

#include "model/findings_config.hpp"
#include "model/text.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spbe {

// A finding is a Diagnostic whose `rule` is one of the registered ids.
using Finding = Diagnostic;

// Which command reports a rule: `common` rules come from the YAML reader and apply to both.
enum class RuleScope { common, lint, check };

struct RuleInfo {
    std::string id;
    Severity severity; // default severity
    RuleScope scope;
    std::string summary; // one line
    std::string help;    // what triggers it and how to fix it, with an example
};

// Every rule, sorted by id.
const std::vector<RuleInfo>& rule_registry();
const RuleInfo* find_rule(std::string_view id);
// Rules reported by `command` ("lint" or "check"), sorted by id.
std::vector<RuleInfo> rules_for(std::string_view command);

std::optional<Severity> parse_severity(std::string_view text); // error|warning|info
// SARIF level of a severity: error, warning, note.
const char* sarif_level(Severity s);
// True when `s` is at or above `threshold` (error > warning > info).
bool at_or_above(Severity s, Severity threshold);

// Checks the rule ids named in a configuration (did-you-mean for typos). Diagnostics use rule "config".
void validate_config(const FindingsConfig& config, std::vector<Diagnostic>& diags);

// The rules of `command` with the configured severities; rules switched off are left out.
std::vector<RuleInfo> effective_rules(std::string_view command, const FindingsConfig& config);

// Whether a finding falls under an ignore entry of the configuration. Matching paths needs the working
// folder, so cli decides (cli::ignore_filter) and analysis only applies the answer; empty: none is ignored.
using IgnoreFilter = std::function<bool(const Finding&)>;

// Normalises severities to the registry (then the configuration), drops findings of rules that are
// off or that `ignored` says are ignored for their path, and sorts by file, line, column, rule, message.
std::vector<Finding> apply_config(std::vector<Finding> findings, const FindingsConfig& config,
                                  const IgnoreFilter& ignored = {});

void sort_findings(std::vector<Finding>& findings);

struct FindingCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
FindingCounts count_findings(const std::vector<Finding>& findings);

bool fails(const std::vector<Finding>& findings, Severity fail_on);

} // namespace spbe
