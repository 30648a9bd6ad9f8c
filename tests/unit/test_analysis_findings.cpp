// The rule registry (every id the loaders and checks emit is registered and documented), the
// configuration (.spbe.yaml) and its application: severities, off, per-path ignores, sort order.
#include "analysis/findings.hpp"
#include "cli/findings_cli.hpp"
#include "loader/config_loader.hpp"
#include "../test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace spbe;
using spbe::test::read_source;

namespace {


// Rule ids passed as the last argument of a diagnostic: each statement that reports something
// (error(, warning(, warn(, Diagnostic{) and ends in a string literal names its rule there.
std::set<std::string> rule_ids_in_sources() {
    std::set<std::string> ids;
    std::regex rule_at_end(R"re("([a-z][a-z0-9]*(-[a-z0-9]+)*)"\s*\}?\s*\)\s*$)re");
    for (const char* folder : {"src/loader", "src/analysis", "src/cli"})
        for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(SPBE_SOURCE_DIR) / folder)) {
            if (entry.path().extension() != ".cpp") continue;
            std::istringstream statements(read_source(entry.path()));
            std::string statement;
            std::smatch m;
            while (std::getline(statements, statement, ';')) {
                bool reports = statement.find("error(") != std::string::npos || statement.find("warning(") != std::string::npos ||
                               statement.find("warn(") != std::string::npos || statement.find("Diagnostic{") != std::string::npos;
                if (reports && std::regex_search(statement, m, rule_at_end)) ids.insert(m[1]);
            }
        }
    return ids;
}

FindingsConfig config_from(const std::string& text) {
    std::vector<Diagnostic> diags;
    FindingsConfig c = parse_config(text, diags);
    REQUIRE(diags.empty());
    return c;
}

Finding finding(std::string file, int line, int col, std::string rule, Severity s = Severity::error) {
    return Finding{std::move(file), {line, col}, s, "m", std::move(rule)};
}

} // namespace

TEST_CASE("the rule registry is sorted, unique and documented") {
    const auto& rules = rule_registry();
    REQUIRE(rules.size() > 30);
    for (std::size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].id < rules[i].id);
    for (const auto& r : rules) {
        CHECK_MESSAGE(!r.summary.empty(), r.id);
        CHECK_MESSAGE(r.help.size() > r.summary.size(), r.id);
    }
    CHECK(find_rule("weights-sum")->severity == Severity::error);
    CHECK(find_rule("stray-file")->severity == Severity::warning);
    CHECK(find_rule("no-such-rule") == nullptr);
}

TEST_CASE("every rule id the sources emit is registered") {
    auto ids = rule_ids_in_sources();
    CHECK(ids.count("weights-sum"));
    CHECK(ids.count("sha256-mismatch"));
    CHECK(ids.count("duplicate-key"));
    CHECK(ids.count("type"));
    CHECK(ids.count("stray-file"));
    CHECK(ids.count("evidence-expired"));
    for (const auto& id : ids) CHECK_MESSAGE(find_rule(id) != nullptr, "unregistered rule id: " << id);
}

TEST_CASE("docs/rules.md documents every rule") {
    std::string doc = read_source(std::filesystem::path(SPBE_SOURCE_DIR) / "docs/rules.md");
    REQUIRE(!doc.empty());
    for (const auto& r : rule_registry()) CHECK_MESSAGE(doc.find("### `" + r.id + "`") != std::string::npos, "docs/rules.md lacks " << r.id);
}

TEST_CASE("rules_for splits the registry by command") {
    auto has = [](const std::vector<RuleInfo>& rules, const char* id) {
        return std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
    };
    auto lint = rules_for("lint");
    auto check = rules_for("check");
    CHECK(has(lint, "weights-sum"));
    CHECK(has(lint, "duplicate-key"));
    CHECK_FALSE(has(lint, "no-evidence"));
    CHECK(has(check, "no-evidence"));
    CHECK(has(check, "duplicate-key"));
    CHECK_FALSE(has(check, "weights-sum"));
}

TEST_CASE("parse_config reads rules and ignores") {
    FindingsConfig c = config_from(R"(rules:
  stray-file: error
  no-evidence: off
  missing-translation: info
ignore:
  - path: "legacy/*.yaml"
    rules: [no-evidence, evidence-expired]
  - path: drafts
)");
    REQUIRE(c.rules.size() == 3);
    CHECK(c.rules["stray-file"].severity == Severity::error);
    CHECK_FALSE(c.rules["no-evidence"].severity.has_value());
    CHECK(c.rules["missing-translation"].severity == Severity::info);
    CHECK(c.rules["stray-file"].pos.line == 2);
    REQUIRE(c.ignore.size() == 2);
    CHECK(c.ignore[0].path == "legacy/*.yaml");
    CHECK(c.ignore[0].rules == std::vector<std::string>{"no-evidence", "evidence-expired"});
    CHECK(c.ignore[1].rules.empty());
}

TEST_CASE("parse_config reports mistakes with positions") {
    std::vector<Diagnostic> diags;
    parse_config("rules:\n  stray-file: fatal\nignroe: []\nignore:\n  - rules: [io]\n", diags);
    REQUIRE(diags.size() == 3);
    CHECK(format_diagnostic(diags[0]) == "3:1: error: unknown key 'ignroe' in the configuration; did you mean 'ignore'?");
    CHECK(format_diagnostic(diags[1]) == "2:15: error: severity of rule 'stray-file' must be off, error, warning or info, found 'fatal'");
    CHECK(format_diagnostic(diags[2]) == "5:5: error: an 'ignore' entry needs a 'path' (a glob such as \"legacy/*.yaml\")");
    for (const auto& d : diags) CHECK(d.rule == "config");

    diags.clear();
    parse_config("# nothing configured yet\n", diags);
    CHECK(diags.empty());
}

TEST_CASE("validate_config rejects unknown rule ids with a hint") {
    FindingsConfig c = config_from("rules: {weight-sum: off}\nignore: [{path: x, rules: [nonsense-rule-name]}]\n");
    c.file = ".spbe.yaml";
    std::vector<Diagnostic> diags;
    validate_config(c, diags);
    REQUIRE(diags.size() == 2);
    CHECK(format_diagnostic(diags[0]) == ".spbe.yaml:1:9: error: unknown rule 'weight-sum'; did you mean 'weights-sum'?");
    CHECK(format_diagnostic(diags[1]) == ".spbe.yaml:2:10: error: unknown rule 'nonsense-rule-name' (see docs/rules.md)");
}

TEST_CASE("apply_config changes severities, drops rules that are off and ignored paths, and sorts") {
    FindingsConfig c = config_from(R"(rules: {stray-file: error, no-evidence: off}
ignore:
  - {path: "legacy/*", rules: [evidence-expired]}
  - {path: drafts}
)");
    c.base_dir = ".";
    std::vector<Finding> in = {
        finding("b.yaml", 3, 1, "stray-file", Severity::warning),
        finding("a.yaml", 9, 2, "no-evidence", Severity::warning),
        finding("legacy/old/x.yaml", 1, 1, "evidence-expired", Severity::warning),
        finding("legacy/old/x.yaml", 2, 1, "no-evidence-typo-free", Severity::warning),
        finding("legacy/y.yaml", 1, 1, "sha256-mismatch", Severity::warning),
        finding("drafts/z.yaml", 1, 1, "yaml-syntax"),
        finding("a.yaml", 2, 5, "duplicate-key"),
        finding("a.yaml", 2, 1, "unknown-key"),
        finding("a.yaml", 2, 1, "duplicate-key"),
    };
    // Without a filter nothing is dropped for its path: matching the ignore globs is cli's work.
    CHECK(apply_config(in, c).size() == 8);
    auto out = apply_config(in, c, cli::ignore_filter(c));
    REQUIRE(out.size() == 6);
    CHECK(out[0].file == "a.yaml");
    CHECK(out[0].rule == "duplicate-key");
    CHECK(out[1].rule == "unknown-key");
    CHECK(out[2].pos.col == 5);
    CHECK(out[3].file == "b.yaml");
    CHECK(out[3].severity == Severity::error); // stray-file raised to error
    CHECK(out[4].file == "legacy/old/x.yaml");
    CHECK(out[4].rule == "no-evidence-typo-free");
    CHECK(out[5].rule == "sha256-mismatch");
}

TEST_CASE("apply_config resets severities to the registry's defaults") {
    auto out = apply_config({finding("a.yaml", 1, 1, "no-evidence", Severity::error)}, FindingsConfig{});
    CHECK(out[0].severity == Severity::warning);
}

TEST_CASE("fails honours --fail-on") {
    std::vector<Finding> warnings = {finding("a", 1, 1, "no-evidence", Severity::warning), finding("a", 2, 1, "x", Severity::info)};
    CHECK_FALSE(fails(warnings, Severity::error));
    CHECK(fails(warnings, Severity::warning));
    CHECK_FALSE(fails({finding("a", 2, 1, "x", Severity::info)}, Severity::warning));
    CHECK(fails({finding("a", 1, 1, "io")}, Severity::error));
    auto c = count_findings(warnings);
    CHECK(c.errors == 0);
    CHECK(c.warnings == 1);
    CHECK(c.infos == 1);
}

TEST_CASE("find_config stops at the repository root") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / ("spbe-config-test-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "repo/.git");
    fs::create_directories(root / "repo/packs/a");
    std::ofstream(root / ".spbe.yaml") << "rules: {}\n"; // above the repository: never used
    CHECK_FALSE(find_config((root / "repo/packs/a").string()).has_value());
    std::ofstream(root / "repo/.spbe.yaml") << "rules: {}\n";
    CHECK(find_config((root / "repo/packs/a").string()) == (root / "repo/.spbe.yaml").string());
    std::ofstream(root / "repo/packs/.spbe.yaml") << "rules: {}\n";
    CHECK(find_config((root / "repo/packs/a").string()) == (root / "repo/packs/.spbe.yaml").string());
    fs::remove_all(root);
}
