// `spbe report INPUT...`: the visual report. One evidence file gives the agency report (HTML, the
// radar as SVG, or Markdown with the radar written next to it); a folder, several files, @LIST or
// --levels-csv give the cohort report. The passes: options, inputs, score, analyse, render, write.
#include "analysis/cohort.hpp"
#include "analysis/gaps.hpp"
#include "cli/agency_input.hpp"
#include "cli/batch_input.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/target_options.hpp"
#include "report/agency_report.hpp"
#include "report/cohort_report.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

namespace spbe::cli {

namespace {

namespace fs = std::filesystem;

struct ReportCliOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> levels_csv;
    std::string rubric;
    std::string basis = "verified";
    std::string as_of;
    std::string group_by = "none";
    size_t top = 10;
    bool cohort = false;
    TargetCliOptions target;
    OutputOptions out;
};

const std::string kGenerator = std::string("spbe ") + SPBE_VERSION;

// One plain evidence file (not a folder, a list or stdin) and no CSV: the agency report.
bool is_agency_report(const ReportCliOptions& opt) {
    if (opt.cohort || !opt.levels_csv.empty() || opt.inputs.size() != 1) return false;
    const std::string& in = opt.inputs.front();
    std::error_code ec;
    return in != "-" && in[0] != '@' && !fs::is_directory(in, ec);
}

// Markdown's chart: `report.md` -> `report.svg` beside it (the Markdown links it by file name).
std::string chart_path_for(const std::string& output) {
    fs::path p(output);
    p.replace_extension(".svg");
    return p.string();
}

int run_agency(const ReportCliOptions& opt, const AsOf& as_of) {
    if (!opt.out.output.empty() && opt.out.output != "-") {
        note_input(opt.inputs.front());
        note_pack_input(opt.rubric);
        if (int code = check_output_target(opt.out)) return code;
    }
    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    AgencyGaps loaded;
    if (int code = load_agency_gaps(opt.inputs.front(), opt.rubric, basis, opt.target, as_of, loaded)) return code;
    const AgencyResult& r = *loaded.agency;
    const GapsResult& gaps = loaded.gaps;
    const Target* target = &*loaded.target;
    AgencyReport rep;
    rep.agency = &r;
    rep.gaps = &gaps;
    rep.evidence = list_evidence(r, loaded.options);
    rep.generator = kGenerator;
    rep.top_gaps = opt.top;
    if (target->source != TargetSource::default_next && target->kind != TargetKind::max_reached)
        rep.target = score_levels(*r.pack, levels_at_target(r, gaps));

    const Lang lang = opt.out.language();
    if (opt.out.kind == OutputFormat::svg) return write_output(render_agency_radar_svg(rep, lang), opt.out);
    if (opt.out.kind == OutputFormat::html) return write_output(render_agency_html(rep, lang), opt.out);
    // Markdown: with -o FILE the radar goes next to it, checked like -o before anything is written.
    if (opt.out.output.empty() || opt.out.output == "-")
        return write_output(render_agency_markdown(rep, lang), opt.out);
    OutputOptions chart = opt.out;
    chart.output = chart_path_for(opt.out.output);
    if (chart.output == opt.out.output) {
        print_error(fmt::format("-o {}: a Markdown report needs a name other than .svg (its chart is written there)",
                                opt.out.output));
        return kUsage;
    }
    if (int code = check_output_target(chart)) return code;
    rep.chart_file = fs::path(chart.output).filename().string();
    if (int code = write_output(render_agency_radar_svg(rep, lang), chart)) return code;
    return write_output(render_agency_markdown(rep, lang), opt.out);
}

GroupBy group_by_of(const std::string& name) {
    if (name == "province") return GroupBy::province;
    if (name == "type") return GroupBy::type;
    return GroupBy::none;
}

int run_cohort(const ReportCliOptions& opt) {
    if (opt.inputs.empty() && opt.levels_csv.empty()) {
        print_error("nothing to report on: give evidence files, directories, @LIST, - (paths on stdin) or --levels-csv "
                    "FILE");
        return kUsage;
    }
    // Inputs: the file list and the levels CSVs, every problem reported before scoring.
    int code = kOk;
    size_t invalid = 0;
    CollectedInputs collected = collect_inputs(opt.inputs, std::cin);
    std::vector<Diagnostic> early = std::move(collected.diags);
    if (collected.io_error) code = kIoError;
    for (const auto& d : early) invalid += d.severity == Severity::error ? 1 : 0;
    std::vector<CsvSource> csvs;
    read_levels_csvs(opt.levels_csv, csvs, early, code, invalid);
    print_diagnostics(early);
    if (int c = check_batch_output(collected.files, opt.inputs, opt.rubric, opt.out)) return c;
    size_t rows = 0;
    for (const auto& c : csvs) rows += c.csv.row_count();
    if (collected.files.size() + rows == 0) {
        if (code == kOk) {
            print_error("nothing to report on: the inputs contain no evidence files and no levels-CSV rows");
            code = kInvalidInput;
        }
        return code;
    }

    // Score: files in path order, then CSV rows; an agency counts once.
    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    PackRegistry registry(PackLoadOptions{false}, disk_file_reader());
    PackLookup lookup = [&registry](const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error) {
        note_pack_input(ref);
        return registry.get(ref, diags, io_error);
    };
    if (!opt.rubric.empty()) {
        std::vector<Diagnostic> diags;
        bool io_error = false;
        if (!lookup(opt.rubric, diags, io_error)) {
            print_diagnostics(diags);
            return std::max(code, static_cast<int>(io_error ? kIoError : kInvalidInput));
        }
    }
    std::vector<CohortMember> members;
    AgencyOnce once;
    auto keep = [&](InputOutcome& in) {
        print_diagnostics(in.diags);
        code = std::max(code, in.exit_code);
        if (!in.result) {
            invalid += in.exit_code >= kInvalidInput ? 1 : 0;
            return;
        }
        const AgencyResult& r = *in.result;
        if (auto warning = once.first(*r.pack, r.file.agency, r.file.year, r.path)) {
            print_diagnostics({*warning});
            return;
        }
        members.push_back(make_cohort_member(r));
    };
    PathList::Cursor cursor(collected.files);
    for (std::string path; cursor.next(path);) {
        InputOutcome in;
        std::string error;
        bool too_large = false;
        if (auto text = read_text_file(path, error, &too_large)) {
            in = score_parsed(path, parse_evidence(*text), lookup, opt.rubric, basis);
        } else {
            in.diags.push_back(Diagnostic{path, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"});
            in.exit_code = too_large ? kInvalidInput : kIoError;
        }
        keep(in);
    }
    CsvChecks checks(csvs);
    std::set<std::string> headers_reported;
    for (size_t c = 0; c < csvs.size(); ++c)
        for (size_t row = 0; row < csvs[c].csv.row_count(); ++row) {
            std::string header_key;
            InputOutcome in =
                score_csv_row(csvs, static_cast<int>(c), row, checks, lookup, opt.rubric, basis, header_key);
            if (!header_key.empty() && headers_reported.insert(header_key).second)
                for (const auto& diags : checks.diags_of(header_key)) print_diagnostics(diags);
            keep(in);
        }
    if (members.empty()) return std::max(code, static_cast<int>(kInvalidInput));

    // Analyse and render.
    Cohort cohort = build_cohort(std::move(members), group_by_of(opt.group_by));
    CohortReport rep{&cohort, group_by_of(opt.group_by), basis, invalid, kGenerator};
    const Lang lang = opt.out.language();
    std::string text;
    switch (opt.out.kind) {
    case OutputFormat::svg:
        if (cohort.packs.size() > 1) {
            print_error(fmt::format("--format svg draws the histogram of one rubric, but the inputs use {} ({}); "
                                    "give the files of one rubric, or --format html",
                                    cohort.packs.size(), cohort.packs[0].pack->id + ", " + cohort.packs[1].pack->id));
            return kUsage;
        }
        text = render_cohort_histogram_svg(rep, lang);
        break;
    case OutputFormat::markdown: text = render_cohort_markdown(rep, lang); break;
    default: text = render_cohort_html(rep, lang); break;
    }
    return std::max(code, write_output(text, opt.out));
}

int run_report(const ReportCliOptions& opt) {
    auto as_of = parse_as_of(opt.as_of);
    if (!as_of) return kUsage;
    if (is_agency_report(opt)) {
        if (opt.group_by != "none") {
            print_error("--group-by is for a cohort report; give a folder, several files or --levels-csv (or add "
                        "--cohort)");
            return kUsage;
        }
        return run_agency(opt, *as_of);
    }
    if (!opt.target.target.empty() || opt.target.target_level_opt->count() > 0) {
        print_error("--target is for the report of one agency (one evidence file); a cohort report has no target");
        return kUsage;
    }
    return run_cohort(opt);
}

} // namespace

CommandSpec report_command() {
    return {"report", "Draw the visual report (HTML, SVG, Markdown) of one agency or of a cohort", [](CLI::App& app) {
                auto opt = std::make_shared<ReportCliOptions>();
                app.add_option("inputs", opt->inputs,
                               "One evidence file (agency report), or files, directories, @LIST, - (cohort report)");
                app.add_option("--levels-csv", opt->levels_csv, "Levels CSV whose rows join the cohort (repeatable)");
                app.add_option("--rubric,-r", opt->rubric,
                               "Use this pack (built-in id or pack folder) instead of each file's own");
                add_basis_option(app, opt->basis);
                add_target_options(app, opt->target, true);
                app.add_option("--as-of", opt->as_of, kAsOfHelp);
                app.add_option("--group-by", opt->group_by, "Cohort: compare groups of agencies")
                    ->check(CLI::IsMember({"none", "province", "type"}))
                    ->capture_default_str();
                app.add_option("--top", opt->top, "Agency report: how many gaps to show")
                    ->check(CLI::Range(1, 1000))
                    ->capture_default_str();
                app.add_flag("--cohort", opt->cohort, "Draw the cohort report even for a single evidence file");
                add_output_options(app, opt->out, {OutputFormat::html, OutputFormat::svg, OutputFormat::markdown});
                return [opt] { return run_report(*opt); };
            }};
}

} // namespace spbe::cli
