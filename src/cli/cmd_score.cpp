// `spbe score FILE...`: score evidence files against their rubric pack and print the index, the
// group indices and (with --detail) every indicator, in table, JSON, CSV or Markdown.
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "report/score_report.hpp"

#include <fmt/format.h>

#include <memory>

namespace spbe::cli {

namespace {

struct ScoreOptions {
    std::vector<std::string> files;
    std::string rubric;
    std::string basis = "verified";
    std::string fail_under;
    bool detail = false;
    OutputOptions out;
};

int run_score(const ScoreOptions& opt) {
    std::optional<Rational> gate;
    if (!opt.fail_under.empty()) {
        gate = Rational::parse(opt.fail_under);
        if (!gate) {
            print_error(fmt::format("--fail-under: '{}' is not a number (write e.g. 2.6)", opt.fail_under));
            return kUsage;
        }
    }
    Basis basis = opt.basis == "self" ? Basis::self : Basis::verified;
    PackRegistry registry(PackLoadOptions{false}); // scoring reads no criteria text: the structure-only built-in packs
    std::vector<AgencyResult> results;
    int code = kOk;
    for (const auto& path : opt.files) {
        InputOutcome in = load_agency(path, registry, opt.rubric, basis);
        print_diagnostics(in.diags);
        code = std::max(code, in.exit_code);
        if (in.result) results.push_back(std::move(*in.result));
    }
    if (!results.empty()) {
        ReportOptions ropt{opt.out.language(), opt.out.use_color(), opt.detail};
        std::string text;
        if (opt.out.format == "json") text = render_score_json(results, ropt);
        else if (opt.out.format == "csv") text = render_score_csv(results, ropt);
        else if (opt.out.format == "markdown") text = render_score_markdown(results, ropt);
        else text = render_score_table(results, ropt);
        code = std::max(code, write_output(text, opt.out));
    }
    if (gate) {
        for (const auto& r : results)
            if (r.score.index < *gate) {
                print_error(fmt::format("{}: index {} ({}) is below --fail-under {}", r.path, r.score.index.to_fixed(r.pack->precision),
                                        r.score.index.to_exact_string(), opt.fail_under));
                code = std::max(code, static_cast<int>(kGateFailed));
            }
    }
    return code;
}

} // namespace

CommandSpec score_command() {
    return {"score", "Score evidence files: index, predicate, domains and aspects", [](CLI::App& app) {
                auto opt = std::make_shared<ScoreOptions>();
                app.add_option("files", opt->files, "Evidence files (YAML)")->required();
                app.add_option("--rubric,-r", opt->rubric, "Score with this pack (built-in id or pack folder) instead of the file's own");
                app.add_option("--basis", opt->basis, "Levels that count: verified (evaluator's where given, else self) or self")
                    ->check(CLI::IsMember({"verified", "self"}))
                    ->capture_default_str();
                app.add_flag("--detail,-d", opt->detail, "Also list every indicator with its level and contribution");
                app.add_option("--fail-under", opt->fail_under, "Exit 1 when an index is below this value (exact comparison)");
                add_output_options(app, opt->out, {"table", "json", "csv", "markdown"});
                return [opt] { return run_score(*opt); };
            }};
}

} // namespace spbe::cli
