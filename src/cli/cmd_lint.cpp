// `spbe lint PACK_DIR...`: every rule a rubric pack must pass (structure, exact weight sums,
// criteria, predicate bands, files) plus authoring warnings, as findings for CI.
#include "cli/commands.hpp"
#include "cli/findings_cli.hpp"
#include "cli/read_file.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/crosswalk_loader.hpp"

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <memory>
#include <set>

namespace spbe::cli {

namespace {

namespace fs = std::filesystem;

struct LintOptions {
    std::vector<std::string> dirs;
    FindingsOptions common;
};

bool is_yaml_name(const std::string& name) {
    auto ends = [&](const char* ext) {
        return name.size() > std::strlen(ext) &&
               name.compare(name.size() - std::strlen(ext), std::string::npos, ext) == 0;
    };
    return ends(".yaml") || ends(".yml");
}

// YAML files directly inside the pack folder (packs are flat), hidden files excepted.
std::vector<std::string> yaml_files_in(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.' || !is_yaml_name(name) || !it->is_regular_file(ec)) continue;
        out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A crosswalk file (`spbe diff --map`): its structure, and its ids against the packs it names when
// they are built in (a pack folder is checked when diff is given the files).
void lint_crosswalk(const std::string& path, const std::string& text, std::vector<Finding>& findings) {
    CrosswalkParse parsed = parse_crosswalk(text);
    if (parsed.crosswalk && is_builtin_pack(parsed.crosswalk->from) && is_builtin_pack(parsed.crosswalk->to)) {
        PackRegistry registry(PackLoadOptions{});
        std::vector<Diagnostic> pack_diags;
        bool io = false;
        const Pack* from = registry.get(parsed.crosswalk->from, pack_diags, io);
        const Pack* to = registry.get(parsed.crosswalk->to, pack_diags, io);
        if (from && to) validate_crosswalk(*parsed.crosswalk, *from, *to, parsed.diags);
    }
    attach_file(parsed.diags, path);
    for (auto& d : parsed.diags) findings.push_back(std::move(d));
}

void lint_folder(const std::string& arg, std::vector<Finding>& findings, std::vector<std::string>& files) {
    std::string dir = display_path(arg);
    std::error_code ec;
    // A YAML file other than a manifest whose first key is `crosswalk:` is a crosswalk.
    if (fs::is_regular_file(dir, ec) && fs::path(dir).filename() != kManifestName && is_yaml_name(dir)) {
        std::string error;
        if (auto text = read_text_file(dir, error); text && text->find("crosswalk:") != std::string::npos) {
            files.push_back(dir);
            lint_crosswalk(dir, *text, findings);
            return;
        }
    }
    // `spbe lint rubrics/x/pack.yaml` means the folder.
    if (fs::is_regular_file(dir, ec) && fs::path(dir).filename() == kManifestName)
        dir = display_path(fs::path(dir).parent_path().string());
    if (!fs::is_directory(dir, ec)) {
        bool exists = fs::exists(dir, ec);
        findings.push_back(
            Diagnostic{dir,
                       {},
                       Severity::error,
                       exists ? "not a pack folder (give the folder that holds pack.yaml)" : "no such pack folder",
                       "io"});
        files.push_back(dir);
        return;
    }
    auto path_of = [&](const std::string& name) { return display_path((fs::path(dir) / name).string()); };
    PackLoadOptions options;
    options.lint = true;
    note_pack_input(dir);
    PackLoad load = load_pack(folder_reader(dir, disk_file_reader()), options);
    for (auto& d : load.diags) {
        d.file = path_of(d.file);
        findings.push_back(std::move(d));
    }
    files.push_back(path_of(kManifestName));
    for (const auto& name : load.files) files.push_back(path_of(name));
    std::set<std::string> listed(load.files.begin(), load.files.end());
    for (const auto& name : yaml_files_in(dir)) {
        files.push_back(path_of(name));
        if (name == kManifestName || listed.count(name) || load.files.empty()) continue;
        findings.push_back(Diagnostic{
            path_of(name),
            {},
            Severity::warning,
            fmt::format("'{}' is in the pack folder but not listed in 'files' of pack.yaml, so it is ignored", name),
            "stray-file"});
    }
}

int run_lint(const LintOptions& opt) {
    FindingsConfig config;
    if (int code = load_findings_config(opt.common, config); code != kOk) return code;
    std::vector<Finding> findings;
    std::vector<std::string> files;
    for (const auto& arg : opt.dirs) {
        auto expanded = expand_glob(arg);
        if (expanded.empty()) {
            findings.push_back(Diagnostic{arg, {}, Severity::error, "no pack folder matches this pattern", "io"});
            files.push_back(arg);
        }
        for (const auto& dir : expanded) lint_folder(dir, findings, files);
    }
    return finish_findings("lint", std::move(files), std::move(findings), opt.common, config);
}

} // namespace

CommandSpec lint_command() {
    return {"lint", "Check rubric pack folders: structure, exact weight sums, criteria, predicate bands (for CI)",
            [](CLI::App& app) {
                auto opt = std::make_shared<LintOptions>();
                app.add_option("packs", opt->dirs,
                               "Rubric pack folders (each holding pack.yaml), or crosswalk files for diff --map")
                    ->required();
                add_findings_options(app, opt->common);
                return [opt] { return run_lint(*opt); };
            }};
}

} // namespace spbe::cli
