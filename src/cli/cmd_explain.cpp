// `spbe explain ID`: what an indicator asks, what it weighs, and what every level requires,
// including the expected evidence from the technical guide; without an id (or --list), the list of them.
#include "cli/commands.hpp"
#include "loader/builtin_packs.hpp"
#include "model/text.hpp"
#include "report/indicator_list_report.hpp"
#include "report/pack_report.hpp"

#include <fmt/format.h>

#include <memory>

namespace spbe::cli {

namespace {

const FormatRenderer<decltype(&render_explain_table)> kExplainFormats[] = {
    {OutputFormat::table, render_explain_table},
    {OutputFormat::json, render_explain_json},
    {OutputFormat::markdown, render_explain_markdown},
};

const FormatRenderer<decltype(&render_indicator_list_table)> kListFormats[] = {
    {OutputFormat::table, render_indicator_list_table},
    {OutputFormat::json, render_indicator_list_json},
    {OutputFormat::markdown, render_indicator_list_markdown},
};

struct ExplainOptions {
    std::string id;
    bool list = false;
    std::string rubric = "spbe-2020";
    OutputOptions out;
};

int run_explain(const ExplainOptions& opt) {
    if (opt.list && !opt.id.empty()) {
        print_error(fmt::format("give an indicator id ({}) or --list, not both", opt.id));
        return kUsage;
    }
    PackRegistry registry({}, disk_file_reader());
    std::vector<Diagnostic> diags;
    bool io_error = false;
    note_pack_input(opt.rubric);
    const Pack* pack = registry.get(opt.rubric, diags, io_error);
    print_diagnostics(diags);
    if (!pack) return io_error ? kIoError : kInvalidInput;
    if (opt.id.empty())
        return write_output(renderer_for(kListFormats, opt.out.kind)(*pack, opt.out.language()), opt.out);
    const Indicator* ind = pack->find_indicator(opt.id);
    if (!ind) {
        std::vector<std::string> ids;
        for (const auto& i : pack->indicators) ids.push_back(i.id);
        // Edit distance between numbers ("48" vs "4") is no hint; only suggest for textual ids.
        bool numeric = opt.id.find_first_not_of("0123456789") == std::string::npos;
        std::string hint = numeric ? "" : closest_match(opt.id, ids);
        print_error(fmt::format("unknown indicator '{}' in rubric {} (indicators {} to {}){}", opt.id, pack->id,
                                ids.front(), ids.back(),
                                hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
        return kUsage;
    }
    Lang lang = opt.out.language();
    std::string text = renderer_for(kExplainFormats, opt.out.kind)(*pack, *ind, lang);
    return write_output(text, opt.out);
}

} // namespace

CommandSpec explain_command() {
    return {"explain", "Show an indicator's question, weight, level criteria and expected evidence", [](CLI::App& app) {
                auto opt = std::make_shared<ExplainOptions>();
                app.add_option("id", opt->id, "Indicator id, e.g. 11 or 35-1; without it, every indicator");
                app.add_flag("--list", opt->list, "List every indicator of the pack with its name and weight");
                app.add_option("--rubric,-r", opt->rubric, "Pack: built-in id or pack folder")->capture_default_str();
                add_output_options(app, opt->out, formats_of(kExplainFormats));
                return [opt] { return run_explain(*opt); };
            }};
}

} // namespace spbe::cli
