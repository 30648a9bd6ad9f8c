// `spbe gaps FILE`: the indicators below their target (an index, a predicate or a level), what the
// next level requires, and which of the agency's listed evidence would not hold up.
#include "analysis/gaps.hpp"
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "cli/target_options.hpp"
#include "report/gaps_report.hpp"

#include <fmt/format.h>

#include <filesystem>
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
    auto as_of_date = parse_as_of(opt.as_of);
    if (!as_of_date) return kUsage;
    const Date as_of = *as_of_date;
    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    PackRegistry registry({}, disk_file_reader());
    InputOutcome in = load_agency(opt.file, registry, opt.rubric, basis);
    print_diagnostics(in.diags);
    if (!in.result) return in.exit_code;
    const AgencyResult& r = *in.result;
    std::optional<Target> target;
    if (int code = resolve_cli_target(r, opt.target, true, target); code != kOk) return code;

    namespace fs = std::filesystem;
    fs::path base = fs::path(opt.file).parent_path();
    GapsOptions gopt;
    gopt.as_of = as_of;
    gopt.file_exists = [base](const std::string& name) {
        std::error_code ec;
        fs::path p(name);
        return fs::exists(p.is_absolute() ? p : base / p, ec);
    };
    GapsResult g;
    try {
        g = analyse_gaps(r, *target, gopt);
    } catch (const PlanTooLarge& e) {
        print_error(fmt::format("{}: {}", r.path, e.what()));
        return kInvalidInput;
    }
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
                app.add_option("--as-of", opt->as_of, "Date for evidence expiry (YYYY-MM-DD; default today)");
                add_output_options(app, opt->out, formats_of(kGapsFormats));
                return [opt] { return run_gaps(*opt); };
            }};
}

} // namespace spbe::cli
