// `spbe plan FILE`: the least-effort set of one-level steps that lifts the exact index to a target,
// in order, with the index and predicate after each step; exit 1 when the target is out of reach.
#include "analysis/plan.hpp"
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "cli/target_options.hpp"
#include "report/plan_report.hpp"

#include <fmt/format.h>

#include <memory>

namespace spbe::cli {

namespace {

const FormatRenderer<decltype(&render_plan_table)> kPlanFormats[] = {
    {OutputFormat::table, render_plan_table},
    {OutputFormat::json, render_plan_json},
    {OutputFormat::csv, render_plan_csv},
    {OutputFormat::markdown, render_plan_markdown},
};

struct PlanCliOptions {
    std::string file;
    std::string rubric;
    std::string basis = "verified";
    int max_steps = 0;
    CLI::Option* max_steps_opt = nullptr;
    TargetCliOptions target;
    OutputOptions out;
};

int run_plan(const PlanCliOptions& opt) {
    std::optional<int> max_steps;
    if (opt.max_steps_opt && opt.max_steps_opt->count() > 0) {
        if (opt.max_steps < 0) {
            print_error(fmt::format("--max-steps: {} is negative", opt.max_steps));
            return kUsage;
        }
        max_steps = opt.max_steps;
    }
    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    PackRegistry registry({}, disk_file_reader());
    InputOutcome in = load_agency(opt.file, registry, opt.rubric, basis);
    print_diagnostics(in.diags);
    if (!in.result) return in.exit_code;
    const AgencyResult& r = *in.result;
    PlanView view;
    view.agency = &r;
    view.max_steps = max_steps;
    std::optional<Target> target;
    if (int code = resolve_cli_target(r, opt.target, false, target); code != kOk) return code;
    view.target = *target;
    if (target->kind == TargetKind::index) {
        try {
            view.plan = plan_to_index(*r.pack, r.score.levels, efforts_from_file(*r.pack, r.file), target->index,
                                      max_steps, target->levels);
        } catch (const PlanTooLarge& e) {
            print_error(fmt::format("{}: {}", r.path, e.what()));
            return kInvalidInput;
        } catch (const std::invalid_argument& e) {
            print_error(fmt::format("{}: {} (--max-steps)", r.path, e.what()));
            return kUsage;
        }
    }
    ReportOptions ropt{opt.out.language(), opt.out.use_color(), false};
    std::string text = renderer_for(kPlanFormats, opt.out.kind)(view, ropt);
    int code = write_output(text, opt.out);
    if (view.plan && !view.plan->reachable) {
        print_error(fmt::format("{}: target index {} cannot be reached{} (highest possible {})", r.path,
                                target->index.to_exact_string(),
                                max_steps ? fmt::format(" in {} steps", *max_steps) : "",
                                view.plan->best_possible.to_fixed(r.pack->precision)));
        code = std::max(code, static_cast<int>(kGateFailed));
    }
    return code;
}

} // namespace

CommandSpec plan_command() {
    return {"plan", "The least-effort one-level steps that reach a target index or predicate", [](CLI::App& app) {
                auto opt = std::make_shared<PlanCliOptions>();
                app.add_option("file", opt->file, "Evidence file (YAML)")->required();
                app.add_option("--rubric,-r", opt->rubric,
                               "Use this pack (built-in id or pack folder) instead of the file's own");
                add_basis_option(app, opt->basis);
                add_target_options(app, opt->target, false);
                opt->max_steps_opt = app.add_option("--max-steps", opt->max_steps, "Take at most N one-level steps");
                add_output_options(app, opt->out, formats_of(kPlanFormats));
                return [opt] { return run_plan(*opt); };
            }};
}

} // namespace spbe::cli
