// `spbe init --rubric ID --agency NAME`: a new evidence file listing every indicator of the pack
// with its question and criteria as comments and `level: null` to fill in. Never replaces an
// existing file unless --force (an evidence file is never taken for an earlier report); atomic.
#include "cli/commands.hpp"
#include "loader/builtin_packs.hpp"
#include "report/evidence_template.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace spbe::cli {

namespace {

struct InitOptions {
    std::string rubric;
    Agency agency;
    int year = 0;
    std::string schema_ref = "../schemas/evidence.schema.json";
    OutputOptions out;
};

bool has_control_chars(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

int run_init(InitOptions opt) {
    for (const auto& [what, value] : {std::pair<const char*, const std::string*>{"--agency", &opt.agency.name},
                                      {"--code", &opt.agency.code},
                                      {"--type", &opt.agency.type},
                                      {"--province", &opt.agency.province},
                                      {"--schema", &opt.schema_ref}})
        if (has_control_chars(*value)) {
            print_error(fmt::format("{} must be a single line of text", what));
            return kUsage;
        }
    if (opt.agency.name.find_first_not_of(' ') == std::string::npos) {
        print_error("--agency must name the agency, e.g. --agency \"Pemerintah Kabupaten Contoh\"");
        return kUsage;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!is_builtin_pack(opt.rubric) && !fs::is_directory(opt.rubric, ec)) {
        print_error(unknown_pack_message(opt.rubric));
        return kUsage;
    }
    // Before the pack is read: an existing evidence file is never taken for an spbe report.
    if (int code = check_output_target(opt.out)) return code;
    PackRegistry registry(PackLoadOptions{true}, disk_file_reader());
    note_pack_input(opt.rubric);
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* pack = registry.get(opt.rubric, diags, io_error);
    print_diagnostics(diags);
    if (!pack) return io_error ? kIoError : kInvalidInput;
    EvidenceTemplateOptions topt;
    topt.agency = opt.agency;
    topt.year = opt.year ? opt.year : today().year;
    topt.schema_ref = opt.schema_ref;
    topt.lang = opt.out.language();
    return write_output(render_evidence_template(*pack, topt), opt.out);
}

} // namespace

CommandSpec init_command() {
    return {
        "init", "Start an evidence file: every indicator with its question and criteria, levels to fill in",
        [](CLI::App& app) {
            auto opt = std::make_shared<InitOptions>();
            app.add_option("--rubric,-r", opt->rubric,
                           "Rubric pack: a built-in id (spbe-2020, spbe-2018) or a pack folder")
                ->required();
            app.add_option("--agency,-a", opt->agency.name, "Name of the agency, e.g. \"Pemerintah Kabupaten Contoh\"")
                ->required();
            app.add_option("--year,-y", opt->year, "Assessment year (default: the current year)")
                ->check(CLI::Range(2000, 2100));
            app.add_option("--code", opt->agency.code, "Official code of the agency");
            app.add_option("--type", opt->agency.type, "Kind of agency, e.g. kabupaten, kota, provinsi, kementerian");
            app.add_option("--province", opt->agency.province, "Province of the agency");
            app.add_option("--schema", opt->schema_ref,
                           "Target of the first line '# yaml-language-server: $schema=...' (a path relative to the new "
                           "file, or a URL); "
                           "empty for no such line")
                ->capture_default_str();
            add_output_file_options(app, opt->out, "the new file");
            app.add_option("--lang", opt->out.lang, "Language of the comments: id (Bahasa Indonesia) or en")
                ->check(CLI::IsMember({"id", "en"}))
                ->capture_default_str();
            return [opt] { return run_init(*opt); };
        }};
}

} // namespace spbe::cli
