// --target parsing for `gaps` and `plan`: command-line problems are usage errors (exit 2), problems
// with the evidence file's `targets:` are input errors at their position (exit 3).
#include "cli/target_options.hpp"

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

} // namespace spbe::cli
