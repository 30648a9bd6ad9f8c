// The ignore globs of .spbe.yaml: path_matches (fnmatch, folders cover their contents) and the
// filter that apply_config is given for a configuration's ignore entries.
#include "cli/findings_cli.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace spbe;

TEST_CASE("path_matches: globs cross folders, folders cover their contents") {
    CHECK(cli::path_matches("legacy/*.yaml", "legacy/a.yaml"));
    CHECK(cli::path_matches("legacy/*.yaml", "legacy/sub/a.yaml"));
    CHECK(cli::path_matches("legacy", "legacy/sub/a.yaml"));
    CHECK(cli::path_matches("legacy/", "legacy/a.yaml"));
    CHECK(cli::path_matches("./legacy/**", "legacy/a.yaml"));
    CHECK(cli::path_matches("*.yml", "x/y.yml"));
    CHECK_FALSE(cli::path_matches("legacy", "legacy2/a.yaml"));
    CHECK_FALSE(cli::path_matches("legacy/*.yaml", "current/a.yaml"));
}

TEST_CASE("ignore_filter: paths relative to the config folder, rules when listed, none without ignores") {
    FindingsConfig config;
    config.base_dir = "cfg";
    config.ignore = {IgnoreEntry{"legacy", {"no-evidence"}, {}}, IgnoreEntry{"drafts/*.yaml", {}, {}}};
    auto ignored = cli::ignore_filter(config);
    REQUIRE(ignored);
    auto finding = [](std::string file, std::string rule) {
        return Finding{std::move(file), {}, Severity::warning, "m", std::move(rule)};
    };
    CHECK(ignored(finding("cfg/legacy/a.yaml", "no-evidence")));
    CHECK_FALSE(ignored(finding("cfg/legacy/a.yaml", "sha256-mismatch")));
    CHECK(ignored(finding("./cfg/drafts/b.yaml", "yaml-syntax")));
    CHECK_FALSE(ignored(finding("drafts/b.yaml", "yaml-syntax"))); // outside cfg: ../drafts/b.yaml
    CHECK_FALSE(ignored(finding("", "no-evidence")));
    CHECK_FALSE(cli::ignore_filter(FindingsConfig{}));
}
