// `spbe check EVIDENCE...`: validate agency evidence files (files, folders, globs) against their
// rubric and flag entries for review: raised levels, claims without evidence, missing, changed or
// expired documents.
#include "analysis/evidence_check.hpp"
#include "analysis/sha256.hpp"
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "cli/findings_cli.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

namespace spbe::cli {

namespace {

namespace fs = std::filesystem;

struct CheckOptions {
    std::vector<std::string> inputs;
    std::string rubric;
    std::string as_of;
    FindingsOptions common;
};

bool is_yaml_path(const fs::path& p) {
    auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

// Evidence files under a folder, recursively and sorted; hidden files and folders (.git,
// .spbe.yaml) are skipped.
std::vector<std::string> yaml_files_under(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name.front() == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec) && is_yaml_path(it->path())) out.push_back(display_path(it->path().string()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::string> file_sha256(const fs::path& path) {
    note_input(path.string()); // a document hashed by check is an input too
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    Sha256 h;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) h.update(buf, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return std::nullopt;
    return h.hex_digest();
}

class Checker {
public:
    Checker(const CheckOptions& opt, AsOf as_of)
        : opt_(opt), as_of_(as_of), registry_(PackLoadOptions{false, false}, disk_file_reader()) {}

    void check_file(const std::string& path, std::vector<Finding>& findings) {
        std::string error;
        bool too_large = false;
        auto text = read_text_file(path, error, &too_large);
        if (!text) {
            // A file above --max-file-size is an invalid input (exit 3), as in score and lint; others are I/O.
            findings.push_back(Diagnostic{path,
                                          {},
                                          Severity::error,
                                          fmt::format("cannot read file: {}", error),
                                          too_large ? "yaml-syntax" : "io"});
            return;
        }
        EvidenceParse parsed = parse_evidence(*text);
        std::vector<Diagnostic> diags = std::move(parsed.diags);
        if (!parsed.file)
            if (auto d = csv_as_evidence(path)) diags = {*d};
        if (parsed.file) {
            const EvidenceFile& file = *parsed.file;
            const Pack* checked_pack = nullptr;
            std::string ref = opt_.rubric.empty() ? file.rubric : opt_.rubric;
            if (!ref.empty()) {
                if (opt_.rubric.empty() && !is_builtin_pack(ref)) {
                    diags.push_back(
                        Diagnostic{"", file.rubric_pos, Severity::error, unknown_pack_message(ref), "unknown-rubric"});
                } else {
                    std::vector<Diagnostic> pack_diags;
                    bool io_error = false;
                    note_pack_input(ref);
                    const Pack* pack = registry_.get(ref, pack_diags, io_error);
                    if (!pack) {
                        // The pack's own problems, once per run; nothing can be checked against it.
                        if (reported_packs_.insert(ref).second)
                            findings.insert(findings.end(), pack_diags.begin(), pack_diags.end());
                        input_code_ = std::max(input_code_, static_cast<int>(io_error ? kIoError : kInvalidInput));
                    } else {
                        if (!opt_.rubric.empty() && !file.rubric.empty() && file.rubric != pack->id)
                            diags.push_back(
                                Diagnostic{"", file.rubric_pos, Severity::warning,
                                           fmt::format("file names rubric '{}' but is checked with '{}' (--rubric)",
                                                       file.rubric, pack->id),
                                           "rubric-override"});
                        validate_evidence(file, *pack, diags);
                        note_filled(path, file, *pack);
                        checked_pack = pack;
                    }
                }
            }
            fs::path base = fs::path(path).parent_path();
            review_evidence(
                file, as_of_.for_year(file.year),
                [&](const std::string& name, bool want_hash) -> std::optional<std::string> {
                    fs::path p = fs::path(name).is_absolute() ? fs::path(name) : base / name;
                    std::error_code ec;
                    if (!fs::is_regular_file(p, ec)) return std::nullopt;
                    if (!want_hash) return std::string();
                    return file_sha256(p);
                },
                diags, checked_pack);
        }
        attach_file(diags, path);
        findings.insert(findings.end(), diags.begin(), diags.end());
    }

    int input_code() const { return input_code_; }
    std::map<std::string, std::pair<std::size_t, std::size_t>>& filled() { return filled_; }

private:
    // How far a file is filled in, for the completeness line of the table output (only when not complete).
    void note_filled(const std::string& path, const EvidenceFile& file, const Pack& pack) {
        std::size_t n = 0;
        for (const auto& e : file.indicators)
            if (const Indicator* ind = pack.find_indicator(e.id)) {
                const auto& v = e.level ? e.level : e.verified;
                bool from_external = !v && e.external && ind->external && ind->external->has_conversion;
                if ((v && pack.value_from(*v)) || from_external) ++n;
            }
        if (n < pack.indicators.size()) filled_[path] = {n, pack.indicators.size()};
    }

    int input_code_ = kOk;
    std::map<std::string, std::pair<std::size_t, std::size_t>> filled_;
    const CheckOptions& opt_;
    AsOf as_of_; // per file: its own year's default unless --as-of is given
    PackRegistry registry_;
    std::set<std::string> reported_packs_;
};

int run_check(const CheckOptions& opt) {
    auto as_of = parse_as_of(opt.as_of);
    if (!as_of) return kUsage;
    FindingsConfig config;
    if (int code = load_findings_config(opt.common, config); code != kOk) return code;
    std::vector<Finding> findings;
    std::vector<std::string> files, unmatched, empty_dirs;
    for (const auto& arg : opt.inputs) {
        auto expanded = expand_glob(arg);
        if (expanded.empty()) {
            findings.push_back(Diagnostic{arg, {}, Severity::error, "no file matches this pattern", "io"});
            unmatched.push_back(arg);
        }
        for (const auto& path : expanded) {
            std::error_code ec;
            if (fs::is_directory(path, ec)) {
                auto under = yaml_files_under(path);
                if (under.empty()) empty_dirs.push_back(display_path(path));
                files.insert(files.end(), under.begin(), under.end());
            } else {
                files.push_back(display_path(path));
            }
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    // As for score, nothing to check is an error (exit 3), never a green "0 errors in 0 files"; a
    // folder without evidence next to others that have some is a warning.
    int nothing_code = files.empty() && !empty_dirs.empty() ? kInvalidInput : kOk;
    for (const auto& dir : empty_dirs)
        findings.push_back(
            nothing_code != kOk
                ? Diagnostic{dir,
                             {},
                             Severity::error,
                             "no evidence file found: the folder contains no *.yaml or *.yml files",
                             "nothing-to-check"}
                : Diagnostic{
                      dir, {}, Severity::warning, "directory contains no *.yaml or *.yml files", "empty-directory"});
    Checker checker(opt, *as_of);
    for (const auto& f : files) checker.check_file(f, findings);
    files.insert(files.end(), unmatched.begin(), unmatched.end());
    files.insert(files.end(), empty_dirs.begin(), empty_dirs.end());
    return finish_findings("check", std::move(files), std::move(findings), opt.common, config,
                           std::max(checker.input_code(), nothing_code), std::move(checker.filled()));
}

} // namespace

CommandSpec check_command() {
    return {"check", "Check evidence files (files, folders, globs) for errors and entries to review (for CI)",
            [](CLI::App& app) {
                auto opt = std::make_shared<CheckOptions>();
                app.add_option("inputs", opt->inputs, "Evidence files, folders (searched for *.yaml, *.yml) or globs")
                    ->required();
                app.add_option("--rubric,-r", opt->rubric,
                               "Check against this pack (built-in id or pack folder) instead of each file's own");
                app.add_option("--as-of", opt->as_of, kAsOfHelp);
                add_findings_options(app, opt->common);
                return [opt] { return run_check(*opt); };
            }};
}

} // namespace spbe::cli
