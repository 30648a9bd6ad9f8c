// `spbe score INPUT...`: score evidence files (files, directories, @lists, stdin lists, levels CSV
// rows) against their rubric pack, in parallel, and print each agency and the cohort summary.
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "loader/levels_csv.hpp"
#include "report/batch_report.hpp"
#include "report/score_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

namespace spbe::cli {

namespace {

constexpr const char* kDefaultRubric = "spbe-2020"; // for levels-CSV rows without a rubric

struct ScoreOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> levels_csv;
    std::string rubric;
    std::string basis = "verified";
    std::string fail_under;
    std::string sort = "path";
    std::string group_by = "none";
    unsigned jobs = 0; // 0 = one per hardware thread
    bool detail = false;
    bool summary = false;
    bool strict = false;
    OutputOptions out;
};

// One unit of work: a YAML file (csv < 0) or one row of a levels CSV.
struct WorkItem {
    const std::string* source = nullptr; // file path or CSV path; the sort key with `ordinal`
    size_t ordinal = 0;                  // row index within a CSV
    int csv = -1;
};

struct ItemOutcome {
    bool scored = false;                 // the result row is in the input's slot
    std::unique_ptr<AgencyResult> full; // only for the single-input report
    std::vector<Diagnostic> diags;
    int exit_code = kOk;
    std::string header_key; // set when the row's CSV header does not fit its pack (reported once)
};

enum class Mode { single, table, markdown, csv, json, jsonl };

struct CsvSource {
    std::string path;
    LevelsCsv csv;
};

// Header of a levels CSV checked against one pack, once per (CSV, pack).
struct HeaderCheck {
    bool ok = true;
    std::vector<Diagnostic> diags;
};

HeaderCheck check_header(const CsvSource& src, const Pack& pack) {
    HeaderCheck hc;
    std::set<std::string> present;
    for (const auto& [id, col] : src.csv.indicator_columns()) {
        if (!pack.find_indicator(id)) {
            hc.diags.push_back(Diagnostic{src.path, {src.csv.header_line(), col}, Severity::error,
                                          fmt::format("unknown indicator '{}' in the header (rubric {} has indicators {} to {})", id, pack.id,
                                                      pack.indicators.front().id, pack.indicators.back().id),
                                          "unknown-indicator"});
        }
        present.insert(id);
    }
    std::string missing;
    size_t n = 0;
    for (const auto& ind : pack.indicators)
        if (!present.count(ind.id)) {
            missing += (missing.empty() ? "" : ", ") + ind.id;
            ++n;
        }
    if (n)
        hc.diags.push_back(Diagnostic{src.path, {src.csv.header_line(), 1}, Severity::error,
                                      fmt::format("the header has no column for {} {} of rubric {}: {}", n, n == 1 ? "indicator" : "indicators", pack.id, missing),
                                      "missing-indicator"});
    std::stable_sort(hc.diags.begin(), hc.diags.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.pos.col < b.pos.col; });
    hc.ok = hc.diags.empty();
    return hc;
}

bool progress_wanted(size_t items) {
    if (items <= 50 || std::getenv("CI") != nullptr) return false;
    return isatty(STDERR_FILENO) != 0;
}

int run_score(const ScoreOptions& opt) {
    std::optional<Rational> gate;
    if (!opt.fail_under.empty()) {
        gate = Rational::parse(opt.fail_under);
        if (!gate) {
            print_error(fmt::format("--fail-under: '{}' is not a number (write e.g. 2.6)", opt.fail_under));
            return kUsage;
        }
    }
    if (opt.inputs.empty() && opt.levels_csv.empty()) {
        print_error("nothing to score: give evidence files, directories, @LIST, - (paths on stdin) or --levels-csv FILE");
        return kUsage;
    }
    Basis basis = is_self_basis(opt.basis) ? Basis::self : Basis::verified;
    GroupBy group_by = opt.group_by == "province" ? GroupBy::province : opt.group_by == "type" ? GroupBy::type : opt.group_by == "year" ? GroupBy::year : GroupBy::none;
    int code = kOk;

    // 1. Inputs, in a fixed order: sorted by path, CSV rows in file order.
    CollectedInputs collected = collect_inputs(opt.inputs, std::cin);
    std::vector<Diagnostic> early = std::move(collected.diags);
    if (collected.io_error) code = kIoError;
    size_t unusable = static_cast<size_t>(std::count_if(early.begin(), early.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
    std::vector<CsvSource> csvs;
    for (const auto& path : opt.levels_csv) {
        std::string error;
        auto text = read_text_file(path, error);
        if (!text) {
            early.push_back(Diagnostic{path, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"});
            code = std::max(code, static_cast<int>(kIoError));
            ++unusable;
            continue;
        }
        CsvSource src{path, LevelsCsv::parse(std::move(*text))};
        std::vector<Diagnostic> d = src.csv.diags();
        attach_file(d, path);
        early.insert(early.end(), d.begin(), d.end());
        if (!src.csv.usable()) {
            ++unusable;
            code = std::max(code, static_cast<int>(kInvalidInput));
            continue;
        }
        csvs.push_back(std::move(src));
    }
    std::vector<WorkItem> items;
    for (const auto& f : collected.files) items.push_back({&f, 0, -1});
    for (size_t c = 0; c < csvs.size(); ++c)
        for (size_t r = 0; r < csvs[c].csv.row_count(); ++r) items.push_back({&csvs[c].path, r, static_cast<int>(c)});
    std::stable_sort(items.begin(), items.end(),
                     [](const WorkItem& a, const WorkItem& b) { return std::tie(*a.source, a.ordinal) < std::tie(*b.source, b.ordinal); });

    if (opt.strict && code != kOk) {
        print_diagnostics(early);
        return code;
    }
    print_diagnostics(early);
    if (items.empty()) {
        if (code == kOk) {
            print_error("nothing to score: the inputs contain no evidence files and no levels-CSV rows");
            code = kInvalidInput;
        }
        return code;
    }

    // 2. Packs: one registry, guarded, so every pack is parsed once however many threads ask.
    PackRegistry registry(PackLoadOptions{false}); // scoring reads no criteria text: the structure-only built-in packs
    std::mutex registry_mutex;
    PackLookup lookup = [&](const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error) {
        std::lock_guard<std::mutex> lock(registry_mutex);
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
    std::mutex header_mutex;
    std::map<std::pair<int, const Pack*>, HeaderCheck> header_checks;

    bool want_summary = opt.summary || group_by != GroupBy::none;
    bool batch_mode = items.size() != 1 || want_summary || opt.out.format == "jsonl";
    Mode mode = !batch_mode ? Mode::single
              : opt.out.format == "json" ? Mode::json
              : opt.out.format == "jsonl" ? Mode::jsonl
              : opt.out.format == "csv" ? Mode::csv
              : opt.out.format == "markdown" ? Mode::markdown
                                             : Mode::table;
    ReportOptions ropt{opt.out.language(), opt.out.use_color(), opt.detail};

    // 3. Score in parallel; each worker keeps only the result row (and a pre-rendered fragment).
    std::vector<ItemOutcome> outcomes(items.size());
    std::vector<BatchRow> slots(items.size()); // result rows by input index
    std::atomic<size_t> next{0};
    std::atomic<size_t> completed{0};
    constexpr size_t kNone = std::numeric_limits<size_t>::max();
    std::atomic<size_t> stop_at{kNone}; // --strict: the first invalid input found so far

    auto process = [&](size_t i) {
        const WorkItem& item = items[i];
        ItemOutcome& o = outcomes[i];
        InputOutcome in;
        if (item.csv < 0) {
            std::string error;
            auto text = read_text_file(*item.source, error);
            if (!text) {
                in.diags.push_back(Diagnostic{*item.source, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"});
                in.exit_code = kIoError;
            } else {
                in = score_parsed(*item.source, parse_evidence(*text), lookup, opt.rubric, basis);
            }
        } else {
            const CsvSource& src = csvs[static_cast<size_t>(item.csv)];
            LevelsCsvRow row = src.csv.row(item.ordinal);
            attach_file(row.diags, src.path);
            if (has_errors(row.diags)) {
                o.diags = std::move(row.diags);
                o.exit_code = kInvalidInput;
                return;
            }
            if (opt.rubric.empty() && row.file.rubric.empty()) row.file.rubric = kDefaultRubric;
            const std::string& ref = opt.rubric.empty() ? row.file.rubric : opt.rubric;
            if (!opt.rubric.empty() || is_builtin_pack(ref)) {
                std::vector<Diagnostic> ignored;
                bool io_error = false;
                if (const Pack* pack = lookup(ref, ignored, io_error)) {
                    std::lock_guard<std::mutex> lock(header_mutex);
                    auto key = std::make_pair(item.csv, pack);
                    auto it = header_checks.find(key);
                    if (it == header_checks.end()) it = header_checks.emplace(key, check_header(src, *pack)).first;
                    if (!it->second.ok) {
                        o.header_key = fmt::format("{}\n{}", item.csv, pack->id);
                        o.exit_code = kInvalidInput;
                        return;
                    }
                }
            }
            EvidenceParse parsed;
            parsed.file = std::move(row.file);
            in = score_parsed(src.path, std::move(parsed), lookup, opt.rubric, basis);
            in.diags.insert(in.diags.begin(), row.diags.begin(), row.diags.end());
            if (in.result) in.result->path = fmt::format("{}:{}", src.path, src.csv.row_line(item.ordinal));
        }
        o.diags = std::move(in.diags);
        o.exit_code = in.exit_code;
        if (!in.result) return;
        AgencyResult& r = *in.result;
        BatchRow& row = slots[i];
        row = make_batch_row(r);
        o.scored = true;
        switch (mode) {
        case Mode::single: o.full = std::make_unique<AgencyResult>(std::move(r)); break;
        case Mode::json: row.fragment = agency_json_fragment(r, ropt, true); break;
        case Mode::jsonl: row.fragment = agency_json_fragment(r, ropt, false); break;
        case Mode::table:
            if (opt.detail) row.fragment = render_score_table({std::move(r)}, ropt);
            break;
        case Mode::markdown:
            if (opt.detail) row.fragment = render_score_markdown({std::move(r)}, ropt);
            break;
        case Mode::csv: break;
        }
        row.fragment.shrink_to_fit(); // writers grow by doubling; thousands of fragments would keep the slack
    };
    auto worker = [&] {
        while (true) {
            size_t i = next.fetch_add(1);
            if (i >= items.size() || i > stop_at.load()) return;
            process(i);
            if (opt.strict && outcomes[i].exit_code >= kInvalidInput) {
                size_t cur = stop_at.load();
                while (i < cur && !stop_at.compare_exchange_weak(cur, i)) {
                }
            }
            completed.fetch_add(1);
        }
    };
    unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    size_t n_threads = std::min<size_t>(jobs, items.size());
    std::vector<std::thread> threads;
    bool progress = progress_wanted(items.size());
    // One worker without a progress bar runs on this thread: no thread start-up, and a process that
    // never starts a thread lets libstdc++ keep shared_ptr counts (yaml-cpp copies them for every
    // node) non-atomic.
    if (n_threads == 1 && !progress) worker();
    else
        for (size_t t = 0; t < n_threads; ++t) threads.emplace_back(worker);
    if (progress) {
        // \r updates at most ten times a second, on stderr only; cleared before any other output.
        while (completed.load() < items.size() && stop_at.load() == kNone) {
            size_t done = completed.load();
            size_t width = 30;
            size_t filled = done * width / items.size();
            std::cerr << fmt::format("\r[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, '.'), done, items.size()) << std::flush;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::cerr << "\r\x1b[K" << std::flush;
    }
    for (auto& t : threads) t.join();

    // 4. Diagnostics in input order (identical for every --jobs), then the report.
    size_t last = stop_at.load() == kNone ? items.size() : stop_at.load() + 1;
    std::set<std::string> headers_reported;
    size_t invalid = unusable; // inputs that were never scored: missing paths, unusable CSV files, invalid items
    std::vector<BatchRow>& rows = slots; // compacted in place: no second copy of the results
    size_t kept = 0;
    for (size_t i = 0; i < last; ++i) {
        ItemOutcome& o = outcomes[i];
        if (!o.header_key.empty() && headers_reported.insert(o.header_key).second) {
            const WorkItem& item = items[i];
            for (const auto& [key, hc] : header_checks)
                if (key.first == item.csv && fmt::format("{}\n{}", key.first, key.second->id) == o.header_key) print_diagnostics(hc.diags);
        }
        print_diagnostics(o.diags);
        code = std::max(code, o.exit_code);
        if (o.exit_code >= kInvalidInput) ++invalid;
        if (o.scored && kept != i) rows[kept] = std::move(rows[i]);
        if (o.scored) ++kept;
    }
    rows.resize(kept);
    if (stop_at.load() != kNone) return code; // --strict: no results after an invalid input

    if (!rows.empty()) {
        std::string text;
        if (mode == Mode::single) {
            std::vector<AgencyResult> results;
            results.push_back(std::move(*outcomes.front().full));
            if (opt.out.format == "json") text = render_score_json(results, ropt);
            else if (opt.out.format == "csv") text = render_score_csv(results, ropt);
            else if (opt.out.format == "markdown") text = render_score_markdown(results, ropt);
            else text = render_score_table(results, ropt);
        } else {
            BatchSummary summary = summarize_batch(rows, group_by, invalid); // in path order
            BatchReportOptions bopt;
            bopt.base = ropt;
            bopt.ranked = opt.sort == "index";
            bopt.summary = want_summary || rows.size() > 1;
            bopt.detail_blocks = opt.detail;
            if (bopt.ranked) {
                std::stable_sort(rows.begin(), rows.end(), [](const BatchRow& a, const BatchRow& b) { return a.index > b.index; });
                assign_ranks(rows);
            }
            switch (mode) {
            case Mode::json: text = render_batch_json(rows, summary, bopt); break;
            case Mode::jsonl: text = render_batch_jsonl(rows, summary, bopt); break;
            case Mode::csv: text = render_batch_csv(rows, bopt); break;
            case Mode::markdown: text = render_batch_markdown(rows, summary, bopt); break;
            default: text = render_batch_table(rows, summary, bopt); break;
            }
        }
        code = std::max(code, write_output(text, opt.out));
    }
    if (gate) {
        for (const auto& r : rows)
            if (r.index < *gate) {
                print_error(fmt::format("{}: index {} ({}) is below --fail-under {}", r.path, r.index.to_fixed(r.pack->precision), r.index.to_exact_string(),
                                        opt.fail_under));
                code = std::max(code, static_cast<int>(kGateFailed));
            }
    }
    return code;
}

} // namespace

CommandSpec score_command() {
    return {"score", "Score evidence files: index, predicate, domains and aspects; batches with a cohort summary", [](CLI::App& app) {
                auto opt = std::make_shared<ScoreOptions>();
                app.add_option("inputs", opt->inputs, "Evidence files (YAML), directories (recursive), @LIST (one path per line) or - (paths on stdin)");
                app.add_option("--levels-csv", opt->levels_csv, "Score every row of a wide levels CSV (name, code, type, province, year, rubric, one column per indicator); repeatable")
                    ->allow_extra_args(false); // one file per --levels-csv, so later words stay inputs
                app.add_option("--rubric,-r", opt->rubric, "Score with this pack (built-in id or pack folder) instead of the file's own");
                add_basis_option(app, opt->basis);
                app.add_flag("--detail,-d", opt->detail, "Also list every indicator with its level and contribution");
                app.add_flag("--summary", opt->summary, "Add the cohort summary (count, mean, median, min/max, std. deviation, predicates)");
                app.add_option("--group-by", opt->group_by, "Summary per group as well: province, type or year")
                    ->check(CLI::IsMember({"none", "province", "type", "year"}))
                    ->capture_default_str();
                app.add_option("--sort", opt->sort, "Order: path (input path) or index (ranking, highest first, with a rank column)")
                    ->check(CLI::IsMember({"path", "index"}))
                    ->capture_default_str();
                app.add_option("--jobs,-j", opt->jobs, "Parallel workers (default: one per CPU core); the output is the same for every value")
                    ->check(CLI::Range(1u, 1024u));
                app.add_flag("--strict", opt->strict, "Stop at the first invalid input (exit 3) and print no results");
                app.add_option("--fail-under", opt->fail_under, "Exit 1 when an index is below this value (exact comparison)");
                add_output_options(app, opt->out, {"table", "json", "jsonl", "csv", "markdown"});
                return [opt] { return run_score(*opt); };
            }};
}

} // namespace spbe::cli
