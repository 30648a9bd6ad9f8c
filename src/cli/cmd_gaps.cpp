// `spbe gaps FILE`: the indicators below their target (an index, a predicate or a level), what the
// next level requires, and which of the agency's listed evidence would not hold up.
#include "analysis/gaps.hpp"
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "cli/target_options.hpp"
#include "report/gaps_report.hpp"

#include <fmt/format.h>

#include <memory>

namespace spbe::cli {

namespace {

const FormatRenderer<decltype(&render_gaps_table)> kGapsFormats[] = {
    {OutputFormat::table, render_gaps_table},
    {OutputFormat::json, render_gaps_json},
    {OutputFormat::csv, render_gaps_csv},
    {OutputFormat::markdown, render_gaps_markdown},
};

struct GapsCliOptions {
    std::string file;
    std::string rubric;
    std::string basis = "verified";
    std::string as_of;
    TargetCliOptions target;
    OutputOptions out;
};

int run_gaps(const GapsCliOptions& opt) {
    auto as_of = parse_as_of(opt.as_of);
    if (!as_of) return kUsage;
    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    AgencyGaps loaded;
    if (int code = load_agency_gaps(opt.file, opt.rubric, basis, opt.target, *as_of, loaded)) return code;
    const AgencyResult& r = *loaded.agency;
    const GapsResult& g = loaded.gaps;
    ReportOptions ropt{opt.out.language(), opt.out.use_color(), false};
    std::string text = renderer_for(kGapsFormats, opt.out.kind)(r, g, ropt);
    int code = write_output(text, opt.out);
    if (!g.target_met) {
        print_error(fmt::format("{}: target index {} cannot be reached (highest possible {})", r.path,
                                g.target.index.to_exact_string(), g.index_after.to_fixed(r.pack->precision)));
        code = std::max(code, static_cast<int>(kGateFailed));
    }
    return code;
}

} // namespace

CommandSpec gaps_command() {
    return {"gaps", "List the indicators below a target with criteria, expected evidence and evidence problems",
            [](CLI::App& app) {
                auto opt = std::make_shared<GapsCliOptions>();
                app.add_option("file", opt->file, "Evidence file (YAML)")->required();
                app.add_option("--rubric,-r", opt->rubric,
                               "Use this pack (built-in id or pack folder) instead of the file's own");
                add_basis_option(app, opt->basis);
                add_target_options(app, opt->target, true);
                app.add_option("--as-of", opt->as_of, kAsOfHelp);
                add_output_options(app, opt->out, formats_of(kGapsFormats));
                return [opt] { return run_gaps(*opt); };
            }};
}

} // namespace spbe::cli
