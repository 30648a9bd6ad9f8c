// `spbe explain ID`: what an indicator asks, what it weighs, and what every level requires,
// including the expected evidence from the technical guide.
#include "cli/commands.hpp"
#include "loader/builtin_packs.hpp"
#include "model/text.hpp"
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

struct ExplainOptions {
    std::string id;
    std::string rubric = "spbe-2020";
    OutputOptions out;
};

int run_explain(const ExplainOptions& opt) {
    PackRegistry registry({}, disk_file_reader());
    std::vector<Diagnostic> diags;
    bool io_error = false;
    note_pack_input(opt.rubric);
    const Pack* pack = registry.get(opt.rubric, diags, io_error);
    print_diagnostics(diags);
    if (!pack) return io_error ? kIoError : kInvalidInput;
    const Indicator* ind = pack->find_indicator(opt.id);
    if (!ind) {
        std::vector<std::string> ids;
        for (const auto& i : pack->indicators) ids.push_back(i.id);
        // Edit distance between numbers ("48" vs "4") is no hint; only suggest for textual ids.
        bool numeric = opt.id.find_first_not_of("0123456789") == std::string::npos;
        std::string hint = numeric ? "" : closest_match(opt.id, ids);
        print_error(fmt::format("unknown indicator '{}' in rubric {} (indicators {} to {}){}", opt.id, pack->id, ids.front(), ids.back(),
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
                app.add_option("id", opt->id, "Indicator id, e.g. 11 or 35-1")->required();
                app.add_option("--rubric,-r", opt->rubric, "Pack: built-in id or pack folder")->capture_default_str();
                add_output_options(app, opt->out, formats_of(kExplainFormats));
                return [opt] { return run_explain(*opt); };
            }};
}

} // namespace spbe::cli
