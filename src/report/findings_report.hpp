// Renderers for the findings of `spbe lint` / `spbe check`: text, GitHub Actions workflow
// commands, SARIF 2.1.0, JUnit XML and JSON. Each returns the whole report as a string.
#pragma once

#include "analysis/findings.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace spbe {

struct FindingsReport {
    std::string command;            // "lint" or "check"
    std::vector<std::string> files; // every file looked at, sorted
    std::vector<Finding> findings;  // sorted (apply_config)
    std::vector<RuleInfo> rules;    // rules with their configured severity (SARIF's rule list)
    Severity fail_on = Severity::error;
    // The text format shows at most this many findings of one rule per file, then "… and N more of the
    // same"; 0 shows all. Machine formats always hold every finding.
    std::size_t max_repeats = 0;
    // check: files not yet filled in completely (e.g. started with `spbe init`), by path: indicators with
    // a level and indicators in the pack; shown by the text format after the file's findings.
    std::map<std::string, std::pair<std::size_t, std::size_t>> filled;
};

struct ToolInfo {
    std::string name = "spbe";
    std::string version;
    std::string information_uri;
};

// "2 errors, 1 warning in 3 files" (", N info" only when there are any).
std::string findings_summary(const FindingsReport& report);

// `file:line:col: severity: message [rule]` lines and the summary line.
std::string render_findings_text(const FindingsReport& report, bool color);
// `::error file=…,line=…,col=…,title=RULE::message` (warning, notice for info).
std::string render_findings_github(const FindingsReport& report);
std::string render_findings_sarif(const FindingsReport& report, const ToolInfo& tool);
// One testcase per file; findings at or above --fail-on are a <failure>, the rest <system-out>.
std::string render_findings_junit(const FindingsReport& report);
std::string render_findings_json(const FindingsReport& report, const ToolInfo& tool);

// GitHub workflow-command escaping: the message (`%`, CR, LF) and property values (also `:` `,`).
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);
// A relative path as a URI reference (percent-encoded, `/` separators); absolute paths as file://.
std::string path_to_uri(std::string_view path);

} // namespace spbe
