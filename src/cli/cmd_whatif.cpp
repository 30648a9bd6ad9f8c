// `spbe whatif FILE --set ID=LEVEL...`: the index, predicate and group indices the agency would have
// with some indicators at other levels, with exact deltas; the evidence file is never written.
#include "analysis/whatif.hpp"
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "model/text.hpp"
#include "report/whatif_report.hpp"

#include <fmt/format.h>

#include <memory>

namespace spbe::cli {

namespace {

const FormatRenderer<decltype(&render_whatif_table)> kWhatIfFormats[] = {
    {OutputFormat::table, render_whatif_table},
    {OutputFormat::json, render_whatif_json},
    {OutputFormat::csv, render_whatif_csv},
    {OutputFormat::markdown, render_whatif_markdown},
};

struct WhatIfOptions {
    std::string file;
    std::vector<std::string> sets;
    std::string rubric;
    std::string basis = "verified";
    OutputOptions out;
};

std::string problem_message(const Pack& pack, const SettingProblem& p) {
    const LevelSetting& s = p.setting;
    switch (p.kind) {
    case SettingProblem::unknown_indicator: {
        std::vector<std::string> ids;
        for (const auto& ind : pack.indicators) ids.push_back(ind.id);
        std::string hint = closest_match(s.id, ids);
        if (!hint.empty())
            return fmt::format("--set {}={}: unknown indicator '{}' in {}; did you mean '{}'?", s.id, s.text, s.id,
                               pack.id, hint);
        return fmt::format("--set {}={}: unknown indicator '{}' in {} (ids run from {} to {})", s.id, s.text, s.id,
                           pack.id, ids.front(), ids.back());
    }
    case SettingProblem::level_out_of_scale:
        return fmt::format("--set {}={}: level {} is outside the scale of indicator {} ({}..{})", s.id, s.text, s.text,
                           s.id, p.scale_min, p.scale_max);
    case SettingProblem::too_many_decimals:
        if (pack.decimals == 0)
            return fmt::format("--set {}={}: the level '{}' is not a whole number ({} scores whole levels)", s.id,
                               s.text, s.text, pack.id);
        return fmt::format("--set {}={}: {} has more than {} decimals, the precision {} records", s.id, s.text, s.text,
                           pack.decimals, pack.id);
    case SettingProblem::set_twice:
        return fmt::format("--set {}={}: indicator {} is set more than once", s.id, s.text, s.id);
    }
    return {};
}

int run_whatif(const WhatIfOptions& opt) {
    // The command line is checked before the file is read, so a typo costs no parsing.
    std::vector<LevelSetting> settings;
    bool bad = false;
    for (const auto& text : opt.sets) {
        std::string error;
        if (auto s = parse_level_setting(text, error)) settings.push_back(*s);
        else {
            print_error("--set " + error);
            bad = true;
        }
    }
    if (bad) return kUsage;

    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    PackRegistry registry({}, disk_file_reader());
    InputOutcome in = load_agency(opt.file, registry, opt.rubric, basis);
    print_diagnostics(in.diags);
    if (!in.result) return in.exit_code;
    const AgencyResult& base = *in.result;

    auto problems = check_level_settings(*base.pack, settings);
    for (const auto& p : problems) print_error(problem_message(*base.pack, p));
    if (!problems.empty()) return kUsage;

    WhatIf w = what_if(*base.pack, base.score.levels, settings);
    ReportOptions ropt{opt.out.language(), opt.out.use_color(), false};
    std::string text = renderer_for(kWhatIfFormats, opt.out.kind)(base, w, ropt);
    return write_output(text, opt.out);
}

} // namespace

CommandSpec whatif_command() {
    return {"whatif", "Simulate other levels: new index, predicate and group indices with exact deltas",
            [](CLI::App& app) {
                auto opt = std::make_shared<WhatIfOptions>();
                app.add_option("file", opt->file, "Evidence file (YAML); it is only read")->required();
                app.add_option("--set,-s", opt->sets, "ID=LEVEL: simulate indicator ID at LEVEL (repeatable)")
                    ->required()
                    ->allow_extra_args(false);
                app.add_option("--rubric,-r", opt->rubric,
                               "Score with this pack (built-in id or pack folder) instead of the file's own");
                add_basis_option(app, opt->basis);
                add_output_options(app, opt->out, formats_of(kWhatIfFormats));
                return [opt] { return run_whatif(*opt); };
            }};
}

} // namespace spbe::cli
