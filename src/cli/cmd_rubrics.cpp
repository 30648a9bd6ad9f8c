// `spbe rubrics [PACK_DIR...]`: the built-in packs (and any pack folders given), with their
// source regulation and shape.
#include "cli/commands.hpp"
#include "loader/builtin_packs.hpp"
#include "report/pack_report.hpp"

#include <memory>

namespace spbe::cli {

namespace {

const FormatRenderer<decltype(&render_rubrics_table)> kRubricsFormats[] = {
    {OutputFormat::table, render_rubrics_table},
    {OutputFormat::json, render_rubrics_json},
};

struct RubricsOptions {
    std::vector<std::string> dirs;
    OutputOptions out;
};

int run_rubrics(const RubricsOptions& opt) {
    PackRegistry registry(PackLoadOptions{false}, disk_file_reader());
    std::vector<const Pack*> packs;
    int code = kOk;
    std::vector<std::string> refs = builtin_pack_ids();
    refs.insert(refs.end(), opt.dirs.begin(), opt.dirs.end());
    for (const auto& ref : refs) {
        std::vector<Diagnostic> diags;
        bool io_error = false;
        note_pack_input(ref);
        const Pack* p = registry.get(ref, diags, io_error);
        print_diagnostics(diags);
        if (p) packs.push_back(p);
        else code = std::max(code, static_cast<int>(io_error ? kIoError : kInvalidInput));
    }
    Lang lang = opt.out.language();
    std::string text = renderer_for(kRubricsFormats, opt.out.kind)(packs, lang);
    return std::max(code, write_output(text, opt.out));
}

} // namespace

CommandSpec rubrics_command() {
    return {"rubrics", "List the built-in rubric packs (and describe pack folders given)", [](CLI::App& app) {
                auto opt = std::make_shared<RubricsOptions>();
                app.add_option("packs", opt->dirs, "Pack folders to load and describe as well");
                add_output_options(app, opt->out, formats_of(kRubricsFormats));
                return [opt] { return run_rubrics(*opt); };
            }};
}

} // namespace spbe::cli
