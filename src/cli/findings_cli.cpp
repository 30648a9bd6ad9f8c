// Shared plumbing of the CI commands (lint, check): options, configuration lookup, glob
// expansion, the ignore globs (paths resolved against the working folder), and the single place
// that maps findings to a report and an exit code.
#include "cli/findings_cli.hpp"

#include "loader/config_loader.hpp"
#include "report/findings_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fnmatch.h>
#include <glob.h>

namespace spbe::cli {

namespace {

// Where SARIF and JSON reports point readers for rule documentation.
// No public home yet; SARIF leaves informationUri out while this is empty.
constexpr const char* kHomepage = "";

std::string relative_to(const std::string& file, const std::string& base) {
    namespace fs = std::filesystem;
    if (base.empty()) return fs::path(file).lexically_normal().generic_string();
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec).lexically_normal();
    fs::path b = fs::absolute(base, ec).lexically_normal();
    fs::path rel = abs.lexically_relative(b);
    // Paths outside the config folder keep their "../" so that patterns can still name them.
    std::string s = rel.generic_string();
    if (s.empty() || ec) return fs::path(file).lexically_normal().generic_string();
    return s;
}

using FindingsRender = std::string (*)(const FindingsReport&, const ToolInfo&, bool color);

const FormatRenderer<FindingsRender> kFindingsFormats[] = {
    {OutputFormat::table, [](const FindingsReport& r, const ToolInfo&, bool c) { return render_findings_text(r, c); }},
    {OutputFormat::github, [](const FindingsReport& r, const ToolInfo&, bool) { return render_findings_github(r); }},
    {OutputFormat::sarif, [](const FindingsReport& r, const ToolInfo& t, bool) { return render_findings_sarif(r, t); }},
    {OutputFormat::junit, [](const FindingsReport& r, const ToolInfo&, bool) { return render_findings_junit(r); }},
    {OutputFormat::json, [](const FindingsReport& r, const ToolInfo& t, bool) { return render_findings_json(r, t); }},
};

} // namespace

void add_findings_options(CLI::App& app, FindingsOptions& opt) {
    // `text` was lint's and check's name for what every other command calls `table`.
    add_output_options(app, opt.out, formats_of(kFindingsFormats), {{"text", OutputFormat::table}});
    opt.format_option = app.get_option("--format");
    opt.format_option->description("Output format: table|github|sarif|junit|json (default table, also spelt text; "
                                   "github when GITHUB_ACTIONS=true)");
    app.add_option("--fail-on", opt.fail_on, "Exit 1 when there are findings of this severity or worse: error|warning")
        ->check(CLI::IsMember({"error", "warning"}))
        ->capture_default_str();
    app.add_option("--max-repeats", opt.max_repeats,
                   "Table format: show at most N findings of one rule per file, then '… and M more of the same' "
                   "(0 shows all; other formats always hold every finding)")
        ->capture_default_str();
    app.add_option("--config", opt.config,
                   "Configuration file (default: the nearest .spbe.yaml up to the repository root)");
}

int load_findings_config(const FindingsOptions& opt, FindingsConfig& config) {
    std::string path = opt.config;
    if (path.empty()) {
        auto found = find_config(".");
        if (!found) return kOk;
        // Shown relative to the current folder when it is below it, as other paths are.
        std::error_code ec;
        auto rel = std::filesystem::path(*found).lexically_relative(std::filesystem::current_path(ec));
        path = !rel.empty() && rel.generic_string().rfind("..", 0) != 0 ? rel.generic_string() : *found;
    }
    std::string error;
    auto text = read_text_file(path, error);
    if (!text) {
        print_error(fmt::format("cannot read configuration {}: {}", path, error));
        return kIoError;
    }
    std::vector<Diagnostic> diags;
    config = parse_config(*text, diags);
    config.file = path;
    config.base_dir = std::filesystem::path(path).parent_path().string();
    if (config.base_dir.empty()) config.base_dir = ".";
    attach_file(diags, path);
    validate_config(config, diags);
    if (!diags.empty()) {
        sort_findings(diags);
        print_diagnostics(diags);
        return kUsage;
    }
    return kOk;
}

bool path_matches(const std::string& pattern, const std::string& path) {
    std::string pat = std::filesystem::path(pattern).lexically_normal().generic_string();
    while (pat.size() > 1 && pat.back() == '/') pat.pop_back();
    if (pat.rfind("./", 0) == 0) pat.erase(0, 2);
    // The path itself, then each folder above it, so "legacy" and "legacy/*" both cover legacy/a/b.yaml.
    std::string candidate = path;
    while (true) {
        if (fnmatch(pat.c_str(), candidate.c_str(), 0) == 0) return true;
        auto slash = candidate.rfind('/');
        if (slash == std::string::npos) return false;
        candidate.erase(slash);
    }
}

IgnoreFilter ignore_filter(const FindingsConfig& config) {
    if (config.ignore.empty()) return {};
    return [&config](const Finding& f) {
        if (f.file.empty()) return false;
        std::string rel = relative_to(f.file, config.base_dir);
        for (const auto& ig : config.ignore) {
            if (!path_matches(ig.path, rel)) continue;
            if (ig.rules.empty() || std::find(ig.rules.begin(), ig.rules.end(), f.rule) != ig.rules.end()) return true;
        }
        return false;
    };
}

std::vector<std::string> expand_glob(const std::string& arg) {
    std::error_code ec;
    if (std::filesystem::exists(arg, ec) || arg.find_first_of("*?[") == std::string::npos) return {arg};
    std::vector<std::string> out;
    glob_t g{};
    if (glob(arg.c_str(), 0, nullptr, &g) == 0)
        for (std::size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
    globfree(&g);
    std::sort(out.begin(), out.end());
    return out;
}

std::string display_path(const std::string& path) {
    std::string s = std::filesystem::path(path).lexically_normal().generic_string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

int finish_findings(const std::string& command, std::vector<std::string> files, std::vector<Finding> findings,
                    const FindingsOptions& opt, const FindingsConfig& config, int input_code,
                    std::map<std::string, std::pair<std::size_t, std::size_t>> filled) {
    FindingsReport report;
    report.command = command;
    report.fail_on = opt.fail_on == "warning" ? Severity::warning : Severity::error;
    report.max_repeats = opt.max_repeats;
    report.filled = std::move(filled);
    report.findings = apply_config(std::move(findings), config, ignore_filter(config));
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    report.files = std::move(files);
    report.rules = effective_rules(command, config);
    // A finding of a rule outside this command's list (e.g. a broken --rubric pack during check)
    // still gets its rule described.
    for (const auto& f : report.findings)
        if (std::none_of(report.rules.begin(), report.rules.end(), [&](const RuleInfo& r) { return r.id == f.rule; }))
            if (const RuleInfo* r = find_rule(f.rule)) {
                RuleInfo copy = *r;
                copy.severity = f.severity;
                report.rules.push_back(copy);
            }
    std::sort(report.rules.begin(), report.rules.end(),
              [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });

    OutputFormat format = opt.out.kind;
    if (opt.format_option && opt.format_option->count() == 0) {
        const char* gha = std::getenv("GITHUB_ACTIONS");
        if (gha && std::string(gha) == "true") format = OutputFormat::github;
    }
    ToolInfo tool{"spbe", SPBE_VERSION, kHomepage};
    std::string text = renderer_for(kFindingsFormats, format)(report, tool, opt.out.use_color());

    int code = input_code;
    if (fails(report.findings, report.fail_on)) code = std::max(code, static_cast<int>(kGateFailed));
    auto has_rule = [&](const char* rule) {
        return std::any_of(report.findings.begin(), report.findings.end(),
                           [&](const Finding& f) { return f.rule == rule; });
    };
    // The one exit-code contract (README "Exit codes"): an error of a rule that is an error by itself (a file
    // that cannot be scored, a pack that cannot be loaded) is invalid input, 3, as in score; an error only
    // because the configuration raised a warning rule is a failed gate, 1. Text that is not YAML is 3 always.
    const bool invalid = std::any_of(report.findings.begin(), report.findings.end(), [](const Finding& f) {
        const RuleInfo* r = find_rule(f.rule);
        return f.severity == Severity::error && r && r->severity == Severity::error;
    });
    if (invalid || has_rule("yaml-syntax")) code = std::max(code, static_cast<int>(kInvalidInput));
    if (has_rule("io")) code = std::max(code, static_cast<int>(kIoError));
    return std::max(code, write_output(text, opt.out));
}

} // namespace spbe::cli
