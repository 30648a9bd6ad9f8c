// `spbe diff OLD NEW`: what changed between two evidence files of one agency (levels, group and index
// deltas, predicate, evidence), with --fail-on-regression as a CI gate. Files of different rubric
// packs are compared only through a crosswalk (--map FILE).
#include "analysis/diff.hpp"
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "loader/crosswalk_loader.hpp"
#include "report/delta_format.hpp"
#include "report/diff_report.hpp"

#include <fmt/format.h>

#include <memory>

namespace spbe::cli {

namespace {

const FormatRenderer<decltype(&render_diff_table)> kDiffFormats[] = {
    {OutputFormat::table, render_diff_table},
    {OutputFormat::json, render_diff_json},
    {OutputFormat::csv, render_diff_csv},
    {OutputFormat::markdown, render_diff_markdown},
};

struct DiffOptions {
    std::string old_file;
    std::string new_file;
    std::string basis = "verified";
    std::string as_of;
    std::string map; // --map FILE: a crosswalk
    bool fail_on_regression = false;
    OutputOptions out;
};

// The --map crosswalk, checked against both packs; nullopt (after printing why) with `code` set.
std::optional<Crosswalk> load_crosswalk(const std::string& path, const Pack& from, const Pack& to, int& code) {
    std::string error;
    auto text = read_text_file(path, error);
    if (!text) {
        print_diagnostics({Diagnostic{path, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"}});
        code = kIoError;
        return std::nullopt;
    }
    CrosswalkParse parsed = parse_crosswalk(*text);
    if (parsed.crosswalk) validate_crosswalk(*parsed.crosswalk, from, to, parsed.diags);
    attach_file(parsed.diags, path);
    print_diagnostics(parsed.diags);
    if (!parsed.crosswalk || has_errors(parsed.diags)) {
        code = kInvalidInput;
        return std::nullopt;
    }
    return parsed.crosswalk;
}

int run_diff(const DiffOptions& opt) {
    auto as_of_option = parse_as_of(opt.as_of);
    if (!as_of_option) return kUsage;
    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    PackRegistry registry({}, disk_file_reader());
    // Both files are checked before anything is compared, so every problem shows at once.
    InputOutcome old_in = load_agency(opt.old_file, registry, "", basis);
    print_diagnostics(old_in.diags);
    InputOutcome new_in = load_agency(opt.new_file, registry, "", basis);
    print_diagnostics(new_in.diags);
    if (!old_in.result || !new_in.result) return std::max(old_in.exit_code, new_in.exit_code);
    const AgencyResult& o = *old_in.result;
    const AgencyResult& n = *new_in.result;
    const Date as_of = as_of_option->for_year(n.file.year); // NEW's evidence is what may have expired

    // Indicator ids of two packs that coincide are not the same indicator: without a crosswalk only
    // the index and the predicate are compared (diff_agencies pairs nothing across packs).
    std::optional<Crosswalk> crosswalk;
    if (!opt.map.empty()) {
        int code = kOk;
        crosswalk = load_crosswalk(opt.map, *o.pack, *n.pack, code);
        if (!crosswalk) return code;
    }

    AgencyDiff d = diff_agencies(o, n, as_of, crosswalk ? &*crosswalk : nullptr);
    if (!d.same_agency)
        print_diagnostics({Diagnostic{n.path,
                                      {},
                                      Severity::warning,
                                      fmt::format("agency '{}' differs from '{}' in {}; comparing anyway",
                                                  n.file.agency.name, o.file.agency.name, o.path),
                                      "agency-mismatch"}});

    ReportOptions ropt{opt.out.language(), opt.out.use_color(), false};
    DiffInput in{&o, &n, as_of, opt.map};
    std::string text = renderer_for(kDiffFormats, opt.out.kind)(in, d, ropt);
    int code = write_output(text, opt.out);

    if (opt.fail_on_regression && d.regression()) {
        int prec = n.pack->precision;
        if (d.new_index < d.old_index)
            print_error(fmt::format("regression: index went down {} → {} ({}, exact {})", d.old_index.to_fixed(prec),
                                    d.new_index.to_fixed(prec), signed_delta(d.index_delta(), prec),
                                    d.index_delta().to_exact_string()));
        for (const auto& g : d.groups)
            if (g.tier == 0 && g.delta() && *g.delta() < Rational(0))
                print_error(fmt::format("regression: {} {} went down {} → {} ({}, exact {})", g.tier_id, g.id,
                                        g.old_value->to_fixed(prec), g.new_value->to_fixed(prec),
                                        signed_delta(*g.delta(), prec), g.delta()->to_exact_string()));
        code = std::max(code, static_cast<int>(kGateFailed));
    }
    return code;
}

} // namespace

CommandSpec diff_command() {
    return {"diff", "Compare two evidence files of one agency: levels, groups, index, predicate, evidence",
            [](CLI::App& app) {
                auto opt = std::make_shared<DiffOptions>();
                app.add_option("old", opt->old_file, "Earlier evidence file (YAML)")->required();
                app.add_option("new", opt->new_file, "Later evidence file (YAML)")->required();
                add_basis_option(app, opt->basis);
                app.add_option(
                    "--map", opt->map,
                    "Crosswalk YAML pairing OLD's indicator ids with NEW's (required when the rubric packs differ)");
                app.add_option(
                    "--as-of", opt->as_of,
                    "Evidence of NEW valid until before this date counts as expired (YYYY-MM-DD; default: 31 December "
                    "of NEW's year once it is over, else today)");
                app.add_flag("--fail-on-regression", opt->fail_on_regression,
                             "Exit 1 when the index or any top-tier group went down (exact comparison)");
                add_output_options(app, opt->out, formats_of(kDiffFormats));
                return [opt] { return run_diff(*opt); };
            }};
}

} // namespace spbe::cli
