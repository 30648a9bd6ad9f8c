// `spbe score INPUT...`: score evidence files (files, directories, @lists, stdin lists, levels CSV
// rows) against their rubric pack, in parallel, and print each agency and the cohort summary.
// ScoreRun::run reads as the passes of docs/ARCHITECTURE.md "Passes of a score run". Above 400 lines
// because the passes and the per-input work of one run share ScoreRun's state; the feed, the CSV fast
// path, the progress bar, the spool framing and the worker pool live in files of their own.
#include "analysis/target.hpp"
#include "cli/agency_input.hpp"
#include "cli/batch_input.hpp"
#include "cli/commands.hpp"
#include "cli/csv_fast_path.hpp"
#include "cli/inputs.hpp"
#include "cli/ordered_map.hpp"
#include "cli/progress.hpp"
#include "cli/score_feed.hpp"
#include "cli/spool.hpp"
#include "cli/spool_entry.hpp"
#include "loader/levels_csv.hpp"
#include "report/batch_report.hpp"
#include "report/batch_row_codec.hpp"
#include "report/score_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace spbe::cli {

namespace {

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

// The one mapping of --format for score, batch and single-agency report alike (a single report is
// never JSON Lines: jsonl always makes a batch). --format was parsed once into OutputFormat; score
// offers only the formats of this table, so every kind it can receive has a row.
constexpr std::array<std::pair<OutputFormat, BatchFormat>, 5> kBatchFormats{{
    {OutputFormat::table, BatchFormat::table},
    {OutputFormat::markdown, BatchFormat::markdown},
    {OutputFormat::csv, BatchFormat::csv},
    {OutputFormat::json, BatchFormat::json},
    {OutputFormat::jsonl, BatchFormat::jsonl},
}};

BatchFormat batch_format(OutputFormat kind) {
    for (const auto& [from, to] : kBatchFormats)
        if (from == kind) return to;
    return BatchFormat::table;
}

GroupBy group_by_of(const std::string& name) {
    if (name == "province") return GroupBy::province;
    if (name == "type") return GroupBy::type;
    if (name == "year") return GroupBy::year;
    return GroupBy::none;
}

// What scoring one input leaves for the in-order emitter.
struct ItemResult {
    std::vector<Diagnostic> diags;
    int exit_code = kOk;
    std::string header_key; // the row's CSV header does not fit its pack (reported once per key)
    std::optional<BatchRow> row;
    std::string entry;                  // the row's spool entry (spool_entry.hpp), made by the worker
    std::unique_ptr<AgencyResult> full; // only for the single-input report
};

class ScoreRun {
public:
    explicit ScoreRun(const ScoreOptions& opt) : opt_(opt), csv_checks_(csvs_), summarizer_(GroupBy::none) {}
    int run();

private:
    // The passes, in order.
    int check_options();
    void collect();
    int check_output();
    bool resolve_packs();
    void choose_report();
    void score_all();
    bool report();
    void gate(const BatchRow& row);
    void gates();

    // Pass 3 on the workers.
    std::vector<ItemResult> process(const Feed::Unit& unit);
    ItemResult process_file(const std::string& path);
    ItemResult process_csv_row(int csv, size_t row);
    void keep_result(AgencyResult&& r, ItemResult& o) const;
    bool row_only() const;
    struct EntryCache { // the last pack a worker saw, so that rows do not take a lock each
        const Pack* pack = nullptr;
        uint32_t pack_no = 0;
        const BatchRenderer* pre = nullptr;
    };
    void make_entry(ItemResult& o, EntryCache& cache);
    // Pass 3 on the emitter.
    void emit(std::vector<ItemResult>& results);
    bool first_of_agency(const BatchRow& row);
    // Pass 4.
    bool report_single();
    bool report_batch();
    template <typename Fn>
    void for_each_entry(const std::vector<int>& ranks, Fn&& fn);
    BatchRow decode_row(std::string_view record, int rank) const;

    const ScoreOptions& opt_;
    Basis basis_ = Basis::verified;
    std::optional<Rational> gate_; // --fail-under NUMBER
    std::string gate_predicate_;   // --fail-under PREDICATE: its lower bound in each row's own pack
    bool single_ = false;          // one input, no summary asked for: the full single-agency report
    BatchFormat format_ = BatchFormat::table;
    ReportOptions ropt_;
    BatchReportOptions bopt_;
    int code_ = kOk;

    PathList files_;
    std::vector<CsvSource> csvs_;
    size_t total_items_ = 0;
    size_t invalid_ = 0; // inputs that were never scored: missing paths, unusable CSV files, invalid items

    // Scoring reads no criteria text: the structure-only built-in packs.
    PackRegistry registry_{PackLoadOptions{false}, disk_file_reader()};
    std::mutex registry_mutex_;
    PackLookup lookup_;
    CsvChecks csv_checks_;

    // Emitter state: touched only by the thread that emits, in input order.
    BatchSummarizer summarizer_;
    Spool spool_;
    std::mutex spool_packs_mutex_;
    std::vector<const Pack*> spool_packs_; // numbering of packs in spool records, in any order
    std::map<const Pack*, std::unique_ptr<BatchRenderer>> pre_renderers_; // guarded by spool_packs_mutex_
    // --sort index: per row its pack, index and spool offset. Indices of different packs are not
    // comparable, so rows rank within their pack (packs in id order, as the summaries).
    struct Ranked {
        std::string pack;
        Rational index;
        uint64_t at = 0;
    };
    std::vector<Ranked> ranking_;
    struct GateFailure {
        std::string pack;
        Rational index;
        std::string message;
    };
    std::vector<GateFailure> gate_failures_; // rows below --fail-under, in input order
    std::set<std::string> headers_reported_;
    AgencyOnce agency_once_;
    std::unique_ptr<AgencyResult> single_result_;
    size_t emitted_items_ = 0;
    bool stopped_ = false; // --strict met an invalid input
    Progress* progress_ = nullptr;
};

int ScoreRun::run() {
    if (int c = check_options()) return c;
    collect();
    if (int c = check_output()) return c;
    if (opt_.strict && code_ != kOk) return code_;
    if (total_items_ == 0) {
        if (code_ == kOk) {
            print_error("nothing to score: the inputs contain no evidence files and no levels-CSV rows");
            code_ = kInvalidInput;
        }
        return code_;
    }
    if (!resolve_packs()) return code_;
    choose_report();
    try {
        score_all();
        if (stopped_) return code_; // --strict: no results after an invalid input
        if (report()) gates();
        return code_;
    } catch (const SpoolError& e) {
        print_error(e.what());
        return kIoError;
    } catch (const RationalOverflow& e) {
        // Only a pack with extreme weights gets here (the summary's exact variance needs the
        // common denominator of all indices squared in 128 bits); never print an approximation.
        print_error(
            fmt::format("cannot summarise the batch: {} (the rubric pack's weights have too many digits)", e.what()));
        return kInvalidInput;
    }
}

// 0. Options that need no file: usage errors come before any input is read.
int ScoreRun::check_options() {
    if (!opt_.fail_under.empty()) {
        gate_ = Rational::parse(opt_.fail_under);
        if (!gate_) {
            // A predicate name: the same word has another lower bound in each pack (Baik is 2.6 in
            // spbe-2020, 2.5 in pemdi-2026), so it is resolved per row. It must name a predicate of a
            // built-in pack unless --rubric gives a folder.
            bool known = !opt_.rubric.empty() && !is_builtin_pack(opt_.rubric);
            std::vector<std::pair<std::string, std::string>> lists; // predicate list -> the packs that have it
            for (const auto& id : builtin_pack_ids()) {
                std::vector<Diagnostic> diags;
                bool io = false;
                const Pack* pack = registry_.get(id, diags, io);
                if (!pack) continue;
                known = known || find_predicate(*pack, opt_.fail_under) != nullptr;
                std::string list;
                for (const auto& p : pack->predicates) list += (list.empty() ? "" : ", ") + p.name.id;
                auto it = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.first == list; });
                if (it == lists.end()) lists.emplace_back(list, id);
                else it->second += ", " + id;
            }
            std::string names;
            for (const auto& [list, ids] : lists)
                names += fmt::format("{}{}: {}", names.empty() ? "" : "; ", ids, list);
            if (!known) {
                std::string dotted = opt_.fail_under;
                std::replace(dotted.begin(), dotted.end(), ',', '.');
                if (dotted != opt_.fail_under && Rational::parse(dotted)) {
                    print_error(fmt::format("--fail-under: '{}' is not a number (write the decimal point as '.', e.g. "
                                            "{})",
                                            opt_.fail_under, dotted));
                    return kUsage;
                }
                print_error(fmt::format("--fail-under: '{}' is neither a number (e.g. 2.6) nor a predicate ({})",
                                        opt_.fail_under, names));
                return kUsage;
            }
            gate_predicate_ = opt_.fail_under;
        }
    }
    if (opt_.detail && opt_.out.kind == OutputFormat::csv) {
        // A CSV row is one agency; silently dropping --detail would look like a bug in the data.
        print_error("--detail has no CSV form (a CSV row is one agency); use -f json, which lists every indicator "
                    "with its level and exact contribution, or -f markdown");
        return kUsage;
    }
    if (opt_.inputs.empty() && opt_.levels_csv.empty()) {
        print_error(
            "nothing to score: give evidence files, directories, @LIST, - (paths on stdin) or --levels-csv FILE");
        return kUsage;
    }
    auto csv_dashes = std::count(opt_.levels_csv.begin(), opt_.levels_csv.end(), "-");
    if (csv_dashes > 0 && csv_dashes + std::count(opt_.inputs.begin(), opt_.inputs.end(), "-") > 1) {
        print_error(
            "standard input can be read only once: give '-' either as the list of paths or as one --levels-csv");
        return kUsage;
    }
    basis_ = is_self_basis(opt_.basis) ? Basis::self : Basis::verified;
    return kOk;
}

// 1. Inputs: the file list (sorted, front-coded) and the levels CSVs; problems reported at once.
void ScoreRun::collect() {
    CollectedInputs collected = collect_inputs(opt_.inputs, std::cin);
    std::vector<Diagnostic> early = std::move(collected.diags);
    if (collected.io_error) code_ = kIoError;
    invalid_ = static_cast<size_t>(
        std::count_if(early.begin(), early.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
    files_ = std::move(collected.files);
    read_levels_csvs(opt_.levels_csv, csvs_, early, code_, invalid_);
    total_items_ = files_.size();
    for (const auto& c : csvs_) total_items_ += c.csv.row_count();
    print_diagnostics(early);
}

// Before any scoring: -o must not be one of the inputs (files, @lists, the stdin list, levels CSVs,
// the --rubric folder) nor a file that --force is needed for. Packs named only inside evidence
// files are noted when read and checked again when the report is written.
int ScoreRun::check_output() { return check_batch_output(files_, opt_.inputs, opt_.rubric, opt_.out); }

// 2. Resolve packs: one registry, guarded, so every pack is parsed once however many threads ask;
// a --rubric that does not load stops the run before any input is scored.
bool ScoreRun::resolve_packs() {
    lookup_ = [this](const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error) {
        std::lock_guard<std::mutex> lock(registry_mutex_);
        note_pack_input(ref);
        return registry_.get(ref, diags, io_error);
    };
    if (opt_.rubric.empty()) return true;
    std::vector<Diagnostic> diags;
    bool io_error = false;
    if (lookup_(opt_.rubric, diags, io_error)) return true;
    print_diagnostics(diags);
    code_ = std::max(code_, static_cast<int>(io_error ? kIoError : kInvalidInput));
    return false;
}

// Before scoring: the workers render rows ahead of time, so the report's shape is fixed first.
void ScoreRun::choose_report() {
    const GroupBy group_by = group_by_of(opt_.group_by);
    const bool want_summary = opt_.summary || group_by != GroupBy::none;
    single_ = total_items_ == 1 && !want_summary && opt_.out.format != "jsonl";
    format_ = batch_format(opt_.out.kind);
    ropt_ = ReportOptions{opt_.out.language(), opt_.out.use_color(), opt_.detail};
    bopt_.base = ropt_;
    bopt_.ranked = opt_.sort == "index";
    bopt_.summary = want_summary; // or more than one row, decided at the end
    bopt_.detail_blocks = opt_.detail;
    summarizer_ = BatchSummarizer(group_by, total_items_);
}

// 3. Score: workers take inputs in order, the emitter (this thread) consumes the results in the
// same order through a bounded window, so output and memory are the same for every --jobs.
void ScoreRun::score_all() {
    Feed feed(files_, csvs_);
    unsigned jobs = opt_.jobs ? opt_.jobs : std::max(1u, std::thread::hardware_concurrency());
    size_t workers = std::min<size_t>(jobs, total_items_);
    Progress progress(progress_wanted(total_items_), total_items_);
    progress_ = &progress;
    struct Detach { // the emitter's pointer must not outlive the bar, however the pass ends
        Progress*& p;
        ~Detach() { p = nullptr; }
    } detach{progress_};
    ordered_parallel_map<Feed::Unit>(
        workers, 4 * workers, [&](Feed::Unit& unit) { return feed.next(unit); },
        [this](const Feed::Unit& unit) { return process(unit); },
        [&](std::vector<ItemResult>& results) {
            emit(results);
            progress.update(emitted_items_);
            return !stopped_;
        });
}

// Pass 3 on the workers: read, validate and score each input of a unit, and encode its row.
std::vector<ItemResult> ScoreRun::process(const Feed::Unit& unit) {
    std::vector<ItemResult> out;
    EntryCache cache;
    // Never let one input take the batch down: an arithmetic overflow on a strange pack, say,
    // becomes that input's error.
    auto guarded = [&](auto&& fn, auto&& where) {
        try {
            out.push_back(fn());
            make_entry(out.back(), cache);
        } catch (const std::exception& e) {
            ItemResult o;
            auto [file, pos] = where();
            o.diags.push_back(
                Diagnostic{file, pos, Severity::error, fmt::format("cannot score: {}", e.what()), "internal"});
            o.exit_code = kInvalidInput;
            out.push_back(std::move(o));
        }
    };
    if (unit.csv < 0) {
        out.reserve(unit.paths.size());
        for (const std::string& path : unit.paths)
            guarded([&] { return process_file(path); }, [&] { return std::pair{path, SourcePos{}}; });
    } else {
        out.reserve(unit.row_end - unit.row_begin);
        const CsvSource& src = csvs_[static_cast<size_t>(unit.csv)];
        CsvFastPath fast(csvs_, opt_.rubric, lookup_, csv_checks_);
        const bool try_fast = row_only();
        for (size_t r = unit.row_begin; r < unit.row_end; ++r)
            guarded(
                [&] {
                    ItemResult o;
                    if (try_fast && fast.score(unit.csv, r, o.row)) return o;
                    return process_csv_row(unit.csv, r);
                },
                [&] {
                    return std::pair{src.path, SourcePos{src.csv.row_line(r), 1}};
                });
    }
    return out;
}

ItemResult ScoreRun::process_file(const std::string& path) {
    ItemResult o;
    InputOutcome in;
    std::string error;
    bool too_large = false;
    auto text = read_text_file(path, error, &too_large);
    if (!text) {
        in.diags.push_back(Diagnostic{path, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"});
        in.exit_code = too_large ? kInvalidInput : kIoError;
    } else {
        in = score_parsed(path, parse_evidence(*text), lookup_, opt_.rubric, basis_);
    }
    o.diags = std::move(in.diags);
    o.exit_code = in.exit_code;
    if (!in.result) return o;
    keep_result(std::move(*in.result), o);
    return o;
}

// What a scored agency leaves: the batch row, with the per-agency text the format needs, or the
// whole result for the single-input report.
void ScoreRun::keep_result(AgencyResult&& r, ItemResult& o) const {
    o.row = make_batch_row(r);
    BatchRow& row = *o.row;
    if (single_) {
        o.full = std::make_unique<AgencyResult>(std::move(r));
        return;
    }
    switch (format_) {
    case BatchFormat::json: row.fragment = agency_json_fragment(r, ropt_, true); break;
    case BatchFormat::jsonl: row.fragment = agency_json_fragment(r, ropt_, false); break;
    case BatchFormat::table:
        if (opt_.detail) row.fragment = render_score_table({std::move(r)}, ropt_);
        break;
    case BatchFormat::markdown:
        if (opt_.detail) row.fragment = render_score_markdown({std::move(r)}, ropt_);
        break;
    case BatchFormat::csv: break;
    }
}

// Whether a batch needs only each CSV row's BatchRow (no per-agency detail): then clean rows take
// the CSV fast path.
bool ScoreRun::row_only() const {
    if (single_) return false;
    return format_ == BatchFormat::csv ||
           ((format_ == BatchFormat::table || format_ == BatchFormat::markdown) && !opt_.detail);
}

ItemResult ScoreRun::process_csv_row(int csv, size_t index) {
    ItemResult o;
    InputOutcome in = score_csv_row(csvs_, csv, index, csv_checks_, lookup_, opt_.rubric, basis_, o.header_key);
    o.diags = std::move(in.diags);
    o.exit_code = in.exit_code;
    if (!in.result) return o;
    keep_result(std::move(*in.result), o);
    return o;
}

// On the worker: the row's spool entry, with the row pre-rendered when the format allows.
void ScoreRun::make_entry(ItemResult& o, EntryCache& cache) {
    if (!o.row || single_) return;
    BatchRow& row = *o.row;
    if (cache.pack != row.pack) {
        std::lock_guard<std::mutex> lock(spool_packs_mutex_);
        auto it = std::find(spool_packs_.begin(), spool_packs_.end(), row.pack);
        if (it == spool_packs_.end()) it = spool_packs_.insert(spool_packs_.end(), row.pack);
        cache.pack_no = static_cast<uint32_t>(it - spool_packs_.begin());
        auto& r = pre_renderers_[row.pack];
        if (!r) r = std::make_unique<BatchRenderer>(format_, bopt_, std::vector<const Pack*>{row.pack});
        cache.pre = r.get(); // row_text() is const: safe to share between workers
        cache.pack = row.pack;
    }
    const BatchRenderer* pre = cache.pre;
    const uint32_t pack_no = cache.pack_no;
    std::string text;
    if (pre->prerenderable()) {
        text = pre->row_text(row);
        if (!pre->columns_matter()) row.fragment.clear(); // the text is final: no need to keep it twice
    }
    std::string record;
    encode_batch_row(record, row, pack_no);
    o.entry.reserve(record.size() + text.size() + 4);
    append_spool_entry(o.entry, record, text);
    row.fragment.clear();
}

// In input order: diagnostics to stderr, the row into the spool and the summary.
void ScoreRun::emit(std::vector<ItemResult>& results) {
    for (ItemResult& o : results) {
        if (stopped_) return;
        ++emitted_items_;
        bool has_output = !o.header_key.empty() || !o.diags.empty();
        if (has_output && progress_) progress_->clear();
        if (!o.header_key.empty() && headers_reported_.insert(o.header_key).second)
            for (const auto& diags : csv_checks_.diags_of(o.header_key)) print_diagnostics(diags);
        print_diagnostics(o.diags);
        code_ = std::max(code_, o.exit_code);
        if (o.exit_code >= kInvalidInput) {
            ++invalid_;
            if (opt_.strict) {
                stopped_ = true;
                return;
            }
        }
        if (!o.row) continue;
        if (o.full) single_result_ = std::move(o.full);
        const BatchRow& row = *o.row;
        if (!single_ && !first_of_agency(row)) continue;
        summarizer_.add(*row.pack, row.agency, row.year, row.index, row.path);
        gate(row);
        uint64_t at = spool_.append(o.entry);
        if (bopt_.ranked) ranking_.push_back({row.pack->id, row.index, at});
        o.row.reset();
        std::string().swap(o.entry);
    }
}

// The same agency (code, or name without a code) for the same year and pack counts once: the first
// row in input order. A later one is warned about with both paths and left out of rows and summary.
bool ScoreRun::first_of_agency(const BatchRow& row) {
    auto warning = agency_once_.first(*row.pack, row.agency, row.year, row.path);
    if (!warning) return true;
    if (progress_) progress_->clear();
    print_diagnostics({*warning});
    return false;
}
// 4. Report: written through OutputSink (atomic with -o); false when the output could not be opened.
bool ScoreRun::report() {
    if (summarizer_.scored() == 0) return false;
    return single_ ? report_single() : report_batch();
}

bool ScoreRun::report_single() {
    std::vector<AgencyResult> results;
    results.push_back(std::move(*single_result_));
    std::string text;
    switch (format_) {
    case BatchFormat::json: text = render_score_json(results, ropt_); break;
    case BatchFormat::csv: text = render_score_csv(results, ropt_); break;
    case BatchFormat::markdown: text = render_score_markdown(results, ropt_); break;
    case BatchFormat::table:
    case BatchFormat::jsonl: text = render_score_table(results, ropt_); break;
    }
    code_ = std::max(code_, write_output(text, opt_.out));
    return true;
}

// The rows read back from the spool in output order: copied when their pre-rendered text fits the
// batch's columns, decoded and rendered again otherwise; then the summary.
bool ScoreRun::report_batch() {
    bopt_.summary = bopt_.summary || summarizer_.scored() > 1;
    // Pre-rendered rows are final when their columns cannot differ: JSON, or a single pack.
    const bool use_text =
        summarizer_.packs().size() == 1 || format_ == BatchFormat::json || format_ == BatchFormat::jsonl;
    BatchSummary summary = summarizer_.finish(invalid_);
    BatchRenderer renderer(format_, bopt_, spool_packs_);

    // Rows in output order: spool order, or ranked by exact index (stable, so ties keep path order).
    std::vector<int> ranks;
    if (bopt_.ranked) {
        std::stable_sort(ranking_.begin(), ranking_.end(), [](const Ranked& a, const Ranked& b) {
            return a.pack != b.pack ? a.pack < b.pack : a.index > b.index;
        });
        for (size_t begin = 0; begin < ranking_.size();) { // competition ranks, restarting per pack
            size_t end = begin;
            while (end < ranking_.size() && ranking_[end].pack == ranking_[begin].pack) ++end;
            std::vector<Ranked> block(ranking_.begin() + static_cast<long>(begin),
                                      ranking_.begin() + static_cast<long>(end));
            for (int r : competition_ranks(block, [](const Ranked& e) -> const Rational& { return e.index; }))
                ranks.push_back(r);
            begin = end;
        }
    }
    if (renderer.needs_widths())
        for_each_entry(ranks, [&](std::string_view record, std::string_view, int rank) {
            renderer.widen(decode_row(record, rank));
        });

    OutputSink sink;
    if (int c = sink.open(opt_.out)) {
        code_ = std::max(code_, c);
        return false;
    }
    std::string chunk = renderer.header();
    for_each_entry(ranks, [&](std::string_view record, std::string_view text, int rank) {
        if (use_text && !text.empty()) chunk += renderer.place(text);
        else chunk += renderer.row(decode_row(record, rank));
        if (chunk.size() >= 64 * 1024) {
            sink.write(chunk);
            chunk.clear();
        }
    });
    chunk += renderer.footer(summary);
    sink.write(chunk);
    code_ = std::max(code_, sink.commit());
    return true;
}

// Calls fn(entry's record, entry's pre-rendered text, rank) for every row in output order.
template <typename Fn>
void ScoreRun::for_each_entry(const std::vector<int>& ranks, Fn&& fn) {
    std::string entry;
    std::string_view record, text;
    if (bopt_.ranked) {
        for (size_t i = 0; i < ranking_.size(); ++i) {
            spool_.read_at(ranking_[i].at, entry);
            split_spool_entry(entry, record, text);
            fn(record, text, ranks[i]);
        }
        return;
    }
    for (uint64_t at = 0; at < spool_.end();) {
        at = spool_.read_at(at, entry);
        split_spool_entry(entry, record, text);
        fn(record, text, 0);
    }
}

BatchRow ScoreRun::decode_row(std::string_view record, int rank) const {
    BatchRow row;
    try {
        row = decode_batch_row(record, spool_packs_);
    } catch (const std::runtime_error& e) { // the record's bytes changed on disk: stop as for any spool failure
        throw SpoolError(fmt::format("the batch's temporary file is corrupt: {}", e.what()));
    }
    row.rank = rank;
    return row;
}

// --fail-under for one row: below the number, or below the predicate's lower bound in the row's pack.
void ScoreRun::gate(const BatchRow& row) {
    if (gate_) {
        if (row.index < *gate_)
            gate_failures_.push_back(
                {row.pack->id, row.index,
                 fmt::format("{}: index {} ({}) is below --fail-under {}", row.path,
                             row.index.to_fixed(row.pack->precision), row.index.to_exact_string(), opt_.fail_under)});
        return;
    }
    if (gate_predicate_.empty()) return;
    const Predicate* p = find_predicate(*row.pack, gate_predicate_);
    if (!p)
        gate_failures_.push_back({row.pack->id, row.index,
                                  fmt::format("{}: --fail-under {}: rubric {} has no such predicate", row.path,
                                              gate_predicate_, row.pack->id)});
    else if (row.index < p->min)
        gate_failures_.push_back({row.pack->id, row.index,
                                  fmt::format("{}: index {} ({}) is below --fail-under {} ({} in {})", row.path,
                                              row.index.to_fixed(row.pack->precision), row.index.to_exact_string(),
                                              p->name.id, p->min.to_exact_string(), row.pack->id)});
}

// 5. Gates: --fail-under decides exit code 1 only after the output is written, so a failing gate
// never costs the report; the messages follow the output order.
void ScoreRun::gates() {
    if (bopt_.ranked)
        std::stable_sort(gate_failures_.begin(), gate_failures_.end(), [](const GateFailure& a, const GateFailure& b) {
            return a.pack != b.pack ? a.pack < b.pack : a.index > b.index; // as the ranking
        });
    for (const auto& f : gate_failures_) print_error(f.message);
    if (!gate_failures_.empty()) code_ = std::max(code_, static_cast<int>(kGateFailed));
}

} // namespace

CommandSpec score_command() {
    return {"score", "Score evidence files: index, predicate, domains and aspects; batches with a cohort summary",
            [](CLI::App& app) {
                auto opt = std::make_shared<ScoreOptions>();
                app.add_option(
                    "inputs", opt->inputs,
                    "Evidence files (YAML), directories (recursive), @LIST (one path per line) or - (paths on stdin)");
                app.add_option("--levels-csv", opt->levels_csv,
                               "Score every row of a wide levels CSV (name, code, type, province, year, rubric, one "
                               "column per indicator); repeatable")
                    ->allow_extra_args(false); // one file per --levels-csv, so later words stay inputs
                app.add_option("--rubric,-r", opt->rubric,
                               "Score with this pack (built-in id or pack folder) instead of the file's own");
                add_basis_option(app, opt->basis);
                app.add_flag("--detail,-d", opt->detail, "Also list every indicator with its level and contribution");
                app.add_flag("--summary", opt->summary,
                             "Add the cohort summary (count, mean, median, min/max, std. deviation, predicates)");
                app.add_option("--group-by", opt->group_by, "Summary per group as well: province, type or year")
                    ->check(CLI::IsMember({"none", "province", "type", "year"}))
                    ->capture_default_str();
                app.add_option("--sort", opt->sort,
                               "Order: path (input path) or index (ranking, highest first, with a rank column)")
                    ->check(CLI::IsMember({"path", "index"}))
                    ->capture_default_str();
                app.add_option("--jobs,-j", opt->jobs,
                               "Parallel workers (default: one per CPU core); the output is the same for every value")
                    ->check(CLI::Range(1u, 1024u));
                app.add_flag("--strict", opt->strict, "Stop at the first invalid input (exit 3) and print no results");
                app.add_option("--fail-under", opt->fail_under,
                               "Exit 1 when an index is below this value or predicate (e.g. 2.6 or Baik; a predicate "
                               "means its lower bound in each file's rubric; exact comparison)");
                add_output_options(app, opt->out, {"table", "json", "jsonl", "csv", "markdown"});
                return [opt] { return ScoreRun(*opt).run(); };
            }};
}

} // namespace spbe::cli
