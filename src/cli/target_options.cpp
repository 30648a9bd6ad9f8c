// --target parsing for `gaps`, `plan` and `report`: command-line problems are usage errors (exit 2),
// problems with the evidence file's `targets:` are input errors at their position (exit 3); and the
// agency-with-gaps start that `gaps` and `report` share.
#include "cli/target_options.hpp"

#include "cli/agency_input.hpp"

#include <fmt/format.h>

namespace spbe::cli {

void add_target_options(CLI::App& app, TargetCliOptions& opt, bool with_level) {
    app.add_option("--target,-t", opt.target,
                   "Target: an index (e.g. 3.5) or a predicate name (e.g. \"Sangat Baik\", \"very good\"); default: "
                   "the next predicate");
    if (with_level)
        opt.target_level_opt = app.add_option("--target-level", opt.target_level, "Target level for every indicator");
}

int resolve_cli_target(const AgencyResult& r, const TargetCliOptions& opt, bool allow_levels,
                       std::optional<Target>& target) {
    TargetRequest req;
    req.target = opt.target;
    if (opt.target_level_opt && opt.target_level_opt->count() > 0) req.target_level = opt.target_level;
    TargetResolution res = resolve_target(*r.pack, r.file, req, r.score.index, allow_levels);
    if (!res.usage_error.empty()) {
        print_error(res.usage_error);
        return kUsage;
    }
    if (!res.target) {
        attach_file(res.diags, r.path);
        print_diagnostics(res.diags);
        return kInvalidInput;
    }
    target = std::move(res.target);
    return kOk;
}

int load_agency_gaps(const std::string& file, const std::string& rubric, Basis basis, const TargetCliOptions& target,
                     const AsOf& as_of, AgencyGaps& out) {
    InputOutcome in = load_agency(file, out.registry, rubric, basis);
    print_diagnostics(in.diags);
    if (!in.result) return in.exit_code;
    out.agency = std::move(in.result);
    const AgencyResult& r = *out.agency;
    if (int code = resolve_cli_target(r, target, true, out.target); code != kOk) return code;
    out.options.as_of = as_of.for_year(r.file.year);
    out.options.file_exists = evidence_file_probe(file);
    try {
        out.gaps = analyse_gaps(r, *out.target, out.options);
    } catch (const PlanTooLarge& e) {
        print_error(fmt::format("{}: {}", r.path, e.what()));
        return kInvalidInput;
    }
    return kOk;
}

} // namespace spbe::cli
