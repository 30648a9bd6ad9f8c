// `spbe rules --format markdown`: docs/rules.md, written from the rule registry (analysis/findings) and
// the golden outputs of tests/golden/{lint,check}-<rule>/. Hidden from `spbe --help`: a maintainer's tool
// that tools/regen.sh runs from the repository root, so that the doc cannot drift from the code.
#include "analysis/findings.hpp"
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spbe::cli {

namespace {

struct RulesOptions {
    std::string format = "markdown";
    std::string golden = "tests/golden";
    OutputOptions out;
};

const char* scope_label(RuleScope scope) {
    switch (scope) {
    case RuleScope::common: return "`lint` and `check`";
    case RuleScope::lint: return "`lint`";
    case RuleScope::check: return "`check`";
    }
    return "";
}

// Lines split at \n, \r\n or \r, like the Python generator this replaces.
std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.emplace_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < text.size()) lines.emplace_back(text.substr(start));
    return lines;
}

std::string_view trim(std::string_view s) {
    const char* space = " \t\n\r\v\f";
    size_t b = s.find_first_not_of(space);
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(space) - b + 1);
}

struct Example {
    std::string case_dir; // tests/golden/<case>
    std::string args;
    std::vector<std::string> lines; // at most two output lines that name the rule
};

// The golden case that shows `rule`: lint-<id> and/or check-<id> by scope (lint-config-invalid for
// `config`), the first whose output names the rule. Sets `error` when a case's files cannot be read.
std::optional<Example> find_example(const RuleInfo& rule, const std::string& golden, std::string& error) {
    std::vector<std::string> cases;
    if (rule.id == "config") cases = {"lint-config-invalid"};
    else {
        if (rule.scope != RuleScope::check) cases.push_back("lint-" + rule.id);
        if (rule.scope != RuleScope::lint) cases.push_back("check-" + rule.id);
    }
    const std::string tag = "[" + rule.id + "]";
    for (const auto& name : cases) {
        const std::string dir = golden + "/" + name;
        if (!std::filesystem::is_directory(dir)) continue;
        std::string text;
        for (const char* file : {"expected_stdout", "expected_stderr"}) {
            std::string reason;
            auto part = read_text_file(dir + "/" + file, reason);
            if (!part) {
                error = fmt::format("{}/{}: error: cannot read file: {}", dir, file, reason);
                return std::nullopt;
            }
            text += *part;
        }
        Example ex;
        for (auto& line : split_lines(text)) {
            bool names_rule =
                line.find(tag) != std::string::npos || (rule.id == "config" && line.find("error") != std::string::npos);
            if (names_rule && ex.lines.size() < 2) ex.lines.push_back(std::move(line));
        }
        if (ex.lines.empty()) continue;
        std::string reason;
        auto args = read_text_file(dir + "/args", reason);
        if (!args) {
            error = fmt::format("{}/args: error: cannot read file: {}", dir, reason);
            return std::nullopt;
        }
        ex.case_dir = dir;
        ex.args = std::string(trim(*args));
        return ex;
    }
    return std::nullopt;
}

int run_rules(const RulesOptions& opt) {
    // The introduction, verbatim (raw string: the lines are the document's own).
    std::string md = R"md(# Rules of `spbe lint` and `spbe check`

Every finding names its rule in brackets (`[weights-sum]`), in the `title` of GitHub annotations, as
`ruleId` in SARIF and as `rule` in JSON. Severities are the defaults; change them or switch rules off in
`.spbe.yaml` (see README, "spbe lint"). Each rule has a failing and a passing fixture under
`tests/lint/<rule>/` (packs) or `tests/check/<rule>/` (evidence files) and a golden test in
`tests/golden/lint-<rule>/` or `tests/golden/check-<rule>/`; the examples below are that test's real output.
(Generated from the registry in src/analysis/findings.cpp and the golden outputs.)

| Rule | Severity | Command | What it reports |
|---|---|---|---|
)md";
    const auto& rules = rule_registry();
    for (const auto& r : rules)
        md += fmt::format("| [`{0}`](#{0}) | {1} | {2} | {3} |\n", r.id, severity_name(r.severity),
                          scope_label(r.scope), r.summary);
    for (const auto& r : rules) {
        md += fmt::format("\n### `{}`\n\n**{}** · {} · {}.\n\n{}\n", r.id, severity_name(r.severity),
                          scope_label(r.scope), r.summary, r.help);
        std::string error;
        auto ex = find_example(r, opt.golden, error);
        if (!error.empty()) {
            std::cerr << error << '\n';
            return kIoError;
        }
        if (!ex) continue;
        md += fmt::format("\nExample (`spbe {}`):\n\n```\n", ex->args);
        for (const auto& line : ex->lines) md += line + '\n';
        md += "```\n";
    }
    return write_output(md, opt.out);
}

} // namespace

CommandSpec rules_command() {
    return {"rules", "Print docs/rules.md from the rule registry and the golden outputs (maintainers)",
            [](CLI::App& app) {
                app.group(""); // hidden from `spbe --help`
                auto opt = std::make_shared<RulesOptions>();
                app.add_option("--format", opt->format, "Output format")
                    ->check(CLI::IsMember({"markdown"}))
                    ->capture_default_str();
                app.add_option("--golden", opt->golden, "The golden cases' folder the examples come from")
                    ->capture_default_str();
                add_output_file_options(app, opt->out, "the rules document");
                return [opt] { return run_rules(*opt); };
            }};
}

} // namespace spbe::cli
