// The spbe driver: the subcommand table, command-line parsing with CLI11, the process-wide settings
// read from the environment, and the mapping of parse failures to exit code 2.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/usage_hint.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/yaml_tree.hpp"
#include "model/rational.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

namespace spbe::cli {

namespace {

// Every subcommand, in the order `spbe --help` lists them.
std::vector<CommandSpec> command_table() {
    return {
        score_command(),  explain_command(), rubrics_command(), gaps_command(),  plan_command(),
        whatif_command(), diff_command(),    report_command(),  lint_command(),  check_command(),
        schema_command(), init_command(),    help_command(),    rules_command(), // rules: hidden: docs/rules.md for
                                                                                 // tools/regen.sh
    };
}

// SPBE_YAML_READER=auto|yaml-cpp (README "Environment"): which YAML reader reads every file. False
// (after printing the usage error) for any other value.
bool apply_yaml_reader_env() {
    const char* env = std::getenv("SPBE_YAML_READER");
    std::string_view value = env ? env : "";
    if (value.empty() || value == "auto") set_yaml_reader(YamlReaderChoice::automatic);
    else if (value == "yaml-cpp") set_yaml_reader(YamlReaderChoice::yaml_cpp);
    else {
        print_error(fmt::format("SPBE_YAML_READER is '{}'; use 'auto' (the default) or 'yaml-cpp'", value));
        return false;
    }
    return true;
}

// Every command's --rubric names a built-in pack or a pack folder; anything else is a usage error
// (exit 2) with a did-you-mean, in every command alike, before any file is read.
void check_rubric_options(CLI::App& sub) {
    CLI::Option* rubric = sub.get_option_no_throw("--rubric");
    if (!rubric) return;
    rubric->check(CLI::Validator(
        [](std::string& ref) -> std::string {
            std::error_code ec;
            if (is_builtin_pack(ref) || std::filesystem::is_directory(ref, ec)) return {};
            if (std::filesystem::exists(ref, ec))
                return fmt::format("'{}' is a file; give a built-in pack id or a pack folder (the folder of pack.yaml)",
                                   ref);
            return unknown_pack_message(ref);
        },
        "PACK"));
}

} // namespace

int run(int argc, char** argv) {
    prepare_process_streams();
    CLI::App app{"spbe: exact SPBE maturity index calculator (PermenPANRB 59/2020 and other rubric packs)", "spbe"};
    app.set_version_flag("--version", std::string("spbe ") + SPBE_VERSION);
    app.require_subcommand(1);
    std::function<int()> chosen;
    std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
    for (const auto& cmd : command_table()) {
        CLI::App* sub = app.add_subcommand(cmd.name, cmd.summary);
        runners.emplace_back(sub, cmd.setup(*sub));
        const std::string_view name = cmd.name;
        if (name != "schema" && name != "help") add_max_file_size_option(*sub); // init reads -r DIR
        check_rubric_options(*sub);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);       // --help, --version
        print_error(explain_usage_error(app, e, argc, argv)); // may quote an argument
        std::cerr << "Run 'spbe --help' or 'spbe COMMAND --help' for usage.\n";
        return kUsage;
    }
    if (!apply_yaml_reader_env() || !check_lang_env()) return kUsage;
    for (auto& [sub, runner] : runners)
        if (sub->parsed()) {
            chosen = runner;
            // Tables fit the terminal they are printed on; a report written with -o FILE only fits COLUMNS.
            const CLI::Option* output = sub->get_option_no_throw("--output");
            const bool to_file = output && output->count() > 0 && output->as<std::string>() != "-";
            set_table_width(output_columns(!to_file));
        }
    try {
        return chosen();
    } catch (const RationalOverflow& e) {
        print_error(fmt::format("{} (weights with too many decimal places?)", e.what()));
        return kInvalidInput;
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return kIoError;
    }
}

} // namespace spbe::cli
