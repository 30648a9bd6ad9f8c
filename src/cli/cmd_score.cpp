// `spbe score INPUT...`: score evidence files (files, directories, @lists, stdin lists, levels CSV
// rows) against their rubric pack, in parallel, and print each agency and the cohort summary.
#include "cli/agency_input.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/spool.hpp"
#include "loader/levels_csv.hpp"
#include "model/varint.hpp"
#include "report/batch_report.hpp"
#include "report/score_report.hpp"
#include "scoring/linear_score.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
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

enum class Mode { single, table, markdown, csv, json, jsonl };

struct CsvSource {
    std::string path;
    LevelsCsv csv;
    // What a row's result is reported as: `file:line`.
    std::string row_path(size_t row) const { return fmt::format("{}:{}", path, csv.row_line(row)); }
};

// Header of a levels CSV checked against one pack, once per (CSV, pack).
struct HeaderCheck {
    bool ok = true;
    std::vector<Diagnostic> diags;
    std::vector<int> to_pack; // when ok: pack indicator index of each indicator column
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
    if (hc.ok)
        for (const auto& [id, col] : src.csv.indicator_columns()) hc.to_pack.push_back(pack.indicator_index.at(id));
    return hc;
}

// A batch's inputs in output order: evidence files and levels-CSV rows merged by (path, row), files
// first on a tie. Files and rows are handed out in runs, so that many small inputs do not each pay
// for a trip through the work queue (an evidence file takes ~0.15 ms to score).
class Feed {
public:
    static constexpr size_t kCsvRun = 256;
    static constexpr size_t kFileRun = 8;

    struct Unit {
        std::vector<std::string> paths; // evidence files, when csv < 0
        int csv = -1;
        size_t row_begin = 0, row_end = 0;
    };

    Feed(const PathList& files, const std::vector<CsvSource>& csvs) : cursor_(files), csvs_(csvs), next_row_(csvs.size(), 0) {
        have_file_ = cursor_.next(file_);
    }

    bool next(Unit& u) {
        int pick = choose();
        if (pick == kNothing) return false;
        if (pick == kFile) {
            u = Unit{{}, -1, 0, 0};
            do {
                u.paths.push_back(std::move(file_));
                have_file_ = cursor_.next(file_);
            } while (u.paths.size() < kFileRun && choose() == kFile);
            return true;
        }
        u = Unit{{}, pick, next_row_[static_cast<size_t>(pick)], 0};
        // Extend the run while the same CSV stays first in the order.
        do ++next_row_[static_cast<size_t>(pick)];
        while (next_row_[static_cast<size_t>(pick)] - u.row_begin < kCsvRun && choose() == pick);
        u.row_end = next_row_[static_cast<size_t>(pick)];
        return true;
    }

private:
    static constexpr int kNothing = -2, kFile = -1;
    int choose() const {
        int best = have_file_ ? kFile : kNothing;
        for (size_t c = 0; c < csvs_.size(); ++c) {
            if (next_row_[c] >= csvs_[c].csv.row_count()) continue;
            if (best == kNothing) {
                best = static_cast<int>(c);
                continue;
            }
            const std::string& best_path = best == kFile ? file_ : csvs_[static_cast<size_t>(best)].path;
            size_t best_row = best == kFile ? 0 : next_row_[static_cast<size_t>(best)];
            if (std::tie(csvs_[c].path, next_row_[c]) < std::tie(best_path, best_row)) best = static_cast<int>(c);
        }
        return best;
    }
    PathList::Cursor cursor_;
    std::string file_;
    bool have_file_ = false;
    const std::vector<CsvSource>& csvs_;
    std::vector<size_t> next_row_;
};

// What scoring one input leaves for the in-order emitter.
struct ItemResult {
    std::vector<Diagnostic> diags;
    int exit_code = kOk;
    std::string header_key; // the row's CSV header does not fit its pack (reported once per key)
    std::optional<BatchRow> row;
    std::string entry;                  // the row's spool entry (spool_entry), made by the worker
    std::unique_ptr<AgencyResult> full; // only for the single-input report
};

// A spool entry: the row's record (encode_batch_row), then the row as rendered ahead of time for
// its pack alone (empty when the format cannot be), so that the report is mostly a copy.
void append_spool_entry(std::string& out, std::string_view record, std::string_view text) {
    put_varint(out, record.size());
    out += record;
    out += text;
}

void split_spool_entry(std::string_view entry, std::string_view& record, std::string_view& text) {
    uint64_t n = 0;
    if (!get_varint(entry, n) || n > entry.size()) throw SpoolError("corrupt entry in the batch's temporary file");
    record = entry.substr(0, n);
    text = entry.substr(n);
}

bool progress_wanted(size_t items) {
    if (items <= 50 || std::getenv("CI") != nullptr) return false;
    return isatty(STDERR_FILENO) != 0;
}

// A progress bar on stderr, redrawn at most ten times a second and wiped before anything else is
// printed to stderr.
class Progress {
public:
    Progress(bool on, size_t total) : on_(on), total_(total) {}
    ~Progress() { clear(); }
    void update(size_t done) {
        if (!on_) return;
        auto now = std::chrono::steady_clock::now();
        if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        size_t width = 30;
        size_t filled = done * width / total_;
        std::cerr << fmt::format("\r[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, '.'), done, total_) << std::flush;
        shown_ = true;
    }
    void clear() {
        if (shown_) std::cerr << "\r\x1b[K" << std::flush;
        shown_ = false;
    }

private:
    bool on_;
    size_t total_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

// What the rows of one CSV run share on the fast path: the pack, header check and scorer of the
// last rubric seen (a CSV rarely mixes rubrics), and buffers reused from row to row.
struct CsvFastPath {
    std::string ref;
    const Pack* pack = nullptr;
    const HeaderCheck* header = nullptr;
    const LinearScorer* scorer = nullptr;
    FastCsvRow row;
    std::vector<int> levels;
};

class ScoreRun {
public:
    explicit ScoreRun(const ScoreOptions& opt) : opt_(opt), summarizer_(GroupBy::none) {}
    int run();

private:
    int collect();
    int check_output();
    bool load_rubric_option();
    std::vector<ItemResult> process(const Feed::Unit& unit);
    ItemResult process_file(const std::string& path);
    ItemResult process_csv_row(int csv, size_t row);
    void keep_result(AgencyResult&& r, ItemResult& o) const;
    bool fast_csv_row(int csv, size_t row, CsvFastPath& fast, ItemResult& out);
    const HeaderCheck& header_check(int csv, const Pack& pack);
    void score_all();
    void emit(std::vector<ItemResult>& results);
    struct EntryCache { // the last pack a worker saw, so that rows do not take a lock each
        const Pack* pack = nullptr;
        uint32_t pack_no = 0;
        const BatchRenderer* pre = nullptr;
    };
    void make_entry(ItemResult& o, EntryCache& cache);
    bool first_of_agency(const BatchRow& row);
    int report();

    const ScoreOptions& opt_;
    Basis basis_ = Basis::verified;
    GroupBy group_by_ = GroupBy::none;
    std::optional<Rational> gate_;
    Mode mode_ = Mode::table;
    ReportOptions ropt_;
    BatchFormat format_ = BatchFormat::table;
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
    std::mutex header_mutex_;
    std::map<std::pair<int, const Pack*>, HeaderCheck> header_checks_;
    std::map<const Pack*, std::unique_ptr<LinearScorer>> scorers_; // guarded by header_mutex_

    // Emitter state: touched only by the thread that emits, in input order.
    BatchSummarizer summarizer_;
    Spool spool_;
    std::mutex spool_packs_mutex_;
    std::vector<const Pack*> spool_packs_; // numbering of packs in spool records, in any order
    std::map<const Pack*, std::unique_ptr<BatchRenderer>> pre_renderers_; // guarded by spool_packs_mutex_
    std::vector<std::pair<Rational, uint64_t>> ranking_; // --sort index: (index, spool offset) per row
    std::set<std::string> headers_reported_;
    std::unordered_map<std::string, std::string> agency_paths_; // (pack, year, code or name) -> the row that counts
    std::unique_ptr<AgencyResult> single_;
    size_t emitted_items_ = 0;
    bool stopped_ = false; // --strict met an invalid input
    Progress* progress_ = nullptr;
};

// 1. Inputs: the file list (sorted, front-coded) and the levels CSVs; problems reported at once.
int ScoreRun::collect() {
    CollectedInputs collected = collect_inputs(opt_.inputs, std::cin);
    std::vector<Diagnostic> early = std::move(collected.diags);
    if (collected.io_error) code_ = kIoError;
    invalid_ = static_cast<size_t>(std::count_if(early.begin(), early.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
    files_ = std::move(collected.files);
    for (const auto& arg : opt_.levels_csv) {
        // `--levels-csv -` reads standard input; its messages and rows are named <stdin>.
        bool from_stdin = arg == "-";
        std::string path = from_stdin ? "<stdin>" : arg;
        std::string error;
        bool too_large = false;
        const ReadLimits limits{kMaxCsvFileBytes, kMaxCsvLineBytes};
        auto text = from_stdin ? read_stdin_text(error, &too_large, limits) : read_text_file(path, error, &too_large, limits);
        if (!text) {
            early.push_back(Diagnostic{path, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"});
            code_ = std::max(code_, static_cast<int>(too_large ? kInvalidInput : kIoError));
            ++invalid_;
            continue;
        }
        CsvSource src{path, LevelsCsv::parse(std::move(*text))};
        std::vector<Diagnostic> d = src.csv.diags();
        attach_file(d, path);
        early.insert(early.end(), d.begin(), d.end());
        if (!src.csv.usable()) {
            ++invalid_;
            code_ = std::max(code_, static_cast<int>(kInvalidInput));
            continue;
        }
        csvs_.push_back(std::move(src));
    }
    total_items_ = files_.size();
    for (const auto& c : csvs_) total_items_ += c.csv.row_count();
    print_diagnostics(early);
    return code_;
}

// Before any scoring: -o must not be one of the inputs (files, @lists, the stdin list, levels CSVs,
// the --rubric folder) nor a file that --force is needed for. Packs named only inside evidence
// files are noted when read and checked again when the report is written.
int ScoreRun::check_output() {
    if (opt_.out.output.empty() || opt_.out.output == "-") return kOk;
    PathList::Cursor cursor(files_);
    for (std::string path; cursor.next(path);) note_input(path);
    for (const auto& arg : opt_.inputs) {
        if (arg == "-") note_input_fd(STDIN_FILENO);
        else if (arg.size() > 1 && arg[0] == '@') note_input(arg.substr(1));
    }
    note_pack_input(opt_.rubric);
    return check_output_target(opt_.out);
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
    switch (mode_) {
    case Mode::single: o.full = std::make_unique<AgencyResult>(std::move(r)); break;
    case Mode::json: row.fragment = agency_json_fragment(r, ropt_, true); break;
    case Mode::jsonl: row.fragment = agency_json_fragment(r, ropt_, false); break;
    case Mode::table:
        if (opt_.detail) row.fragment = render_score_table({std::move(r)}, ropt_);
        break;
    case Mode::markdown:
        if (opt_.detail) row.fragment = render_score_markdown({std::move(r)}, ropt_);
        break;
    case Mode::csv: break;
    }
}

ItemResult ScoreRun::process_csv_row(int csv, size_t index) {
    ItemResult o;
    const CsvSource& src = csvs_[static_cast<size_t>(csv)];
    LevelsCsvRow row = src.csv.row(index);
    attach_file(row.diags, src.path);
    if (has_errors(row.diags)) {
        o.diags = std::move(row.diags);
        o.exit_code = kInvalidInput;
        return o;
    }
    if (opt_.rubric.empty() && row.file.rubric.empty()) row.file.rubric = kDefaultRubric;
    const std::string& ref = opt_.rubric.empty() ? row.file.rubric : opt_.rubric;
    if (!opt_.rubric.empty() || is_builtin_pack(ref)) {
        std::vector<Diagnostic> ignored;
        bool io_error = false;
        if (const Pack* pack = lookup_(ref, ignored, io_error)) {
            if (!header_check(csv, *pack).ok) {
                o.header_key = fmt::format("{}\n{}", csv, pack->id);
                o.exit_code = kInvalidInput;
                return o;
            }
        }
    }
    EvidenceParse parsed;
    parsed.file = std::move(row.file);
    InputOutcome in = score_parsed(src.path, std::move(parsed), lookup_, opt_.rubric, basis_);
    in.diags.insert(in.diags.begin(), row.diags.begin(), row.diags.end());
    o.diags = std::move(in.diags);
    o.exit_code = in.exit_code;
    if (!in.result) return o;
    in.result->path = src.row_path(index);
    keep_result(std::move(*in.result), o);
    return o;
}

const HeaderCheck& ScoreRun::header_check(int csv, const Pack& pack) {
    std::lock_guard<std::mutex> lock(header_mutex_);
    auto key = std::make_pair(csv, &pack);
    auto it = header_checks_.find(key);
    if (it == header_checks_.end()) it = header_checks_.emplace(key, check_header(csvs_[static_cast<size_t>(csv)], pack)).first;
    return it->second; // map nodes never move
}

// A clean CSV row for a report that needs only the row (not the per-agency detail), scored with
// the pack's LinearScorer. Anything unusual returns false and takes the general path, which gives
// the same numbers and explains problems.
bool ScoreRun::fast_csv_row(int csv, size_t index, CsvFastPath& fast, ItemResult& out) {
    if (mode_ != Mode::csv && (mode_ != Mode::table || opt_.detail) && (mode_ != Mode::markdown || opt_.detail)) return false;
    const CsvSource& src = csvs_[static_cast<size_t>(csv)];
    if (!src.csv.fast_row(index, fast.row)) return false;
    std::string_view ref = !opt_.rubric.empty() ? std::string_view(opt_.rubric) : fast.row.rubric.empty() ? std::string_view(kDefaultRubric) : fast.row.rubric;
    if (!fast.pack || ref != fast.ref) {
        fast.pack = nullptr;
        fast.ref = ref;
        if (opt_.rubric.empty() && !is_builtin_pack(fast.ref)) return false;
        std::vector<Diagnostic> ignored;
        bool io_error = false;
        const Pack* pack = lookup_(fast.ref, ignored, io_error);
        if (!pack) return false;
        fast.header = &header_check(csv, *pack);
        std::lock_guard<std::mutex> lock(header_mutex_);
        auto& scorer = scorers_[pack];
        if (!scorer) scorer = std::make_unique<LinearScorer>(*pack);
        fast.scorer = scorer.get();
        fast.pack = pack;
    }
    const Pack& pack = *fast.pack;
    if (!fast.header->ok || !fast.scorer->usable()) return false;
    if (!opt_.rubric.empty() && !fast.row.rubric.empty() && fast.row.rubric != pack.id) return false; // the general path warns
    fast.levels.assign(pack.indicators.size(), 0);
    for (size_t k = 0; k < fast.row.levels.size(); ++k) {
        auto pi = static_cast<size_t>(fast.header->to_pack[k]);
        int v = fast.row.levels[k];
        if (!pack.scale_of(pack.indicators[pi]).find(v)) return false;
        fast.levels[pi] = v;
    }
    BatchRow& row = out.row.emplace();
    row.path = src.row_path(index);
    row.pack = &pack;
    row.agency = Agency{std::string(fast.row.name), std::string(fast.row.code), std::string(fast.row.type), std::string(fast.row.province)};
    if (fast.row.year) row.year = fast.row.year;
    row.index = fast.scorer->index(fast.levels.data());
    row.predicate = &pack.predicate_for(row.index);
    fast.scorer->top(fast.levels.data(), row.top);
    return true;
}

// On the worker: the row's spool entry, with the row pre-rendered when the format allows.
void ScoreRun::make_entry(ItemResult& o, EntryCache& cache) {
    if (!o.row || mode_ == Mode::single) return;
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
            o.diags.push_back(Diagnostic{file, pos, Severity::error, fmt::format("cannot score: {}", e.what()), "internal"});
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
        CsvFastPath fast;
        for (size_t r = unit.row_begin; r < unit.row_end; ++r)
            guarded(
                [&] {
                    ItemResult o;
                    if (fast_csv_row(unit.csv, r, fast, o)) return o;
                    return process_csv_row(unit.csv, r);
                },
                [&] { return std::pair{src.path, SourcePos{src.csv.row_line(r), 1}}; });
    }
    return out;
}

// The same agency (code, or name without a code) for the same year and pack counts once: the first
// row in input order. A later one is warned about with both paths and left out of rows and summary.
bool ScoreRun::first_of_agency(const BatchRow& row) {
    const Agency& a = row.agency;
    std::string key = fmt::format("{}\n{}\n{}{}", row.pack->id, row.year ? std::to_string(*row.year) : "", a.code.empty() ? "name:" : "code:",
                                  a.code.empty() ? a.name : a.code);
    auto [it, inserted] = agency_paths_.try_emplace(std::move(key), row.path);
    if (inserted) return true;
    if (progress_) progress_->clear();
    std::string who = a.code.empty() ? fmt::format("agency '{}'", a.name) : fmt::format("agency code {}", a.code);
    std::string year = row.year ? fmt::format(", year {}", *row.year) : "";
    print_diagnostics({Diagnostic{row.path, {}, Severity::warning,
                                  fmt::format("{}{}, {} already scored from {}; counted once (the first in path order), this row is left out", who,
                                              year, row.pack->id, it->second),
                                  "duplicate-agency"}});
    return false;
}

// In input order: diagnostics to stderr, the row into the spool and the summary.
void ScoreRun::emit(std::vector<ItemResult>& results) {
    for (ItemResult& o : results) {
        if (stopped_) return;
        ++emitted_items_;
        bool has_output = !o.header_key.empty() || !o.diags.empty();
        if (has_output && progress_) progress_->clear();
        if (!o.header_key.empty() && headers_reported_.insert(o.header_key).second) {
            std::lock_guard<std::mutex> lock(header_mutex_); // workers may be adding checks
            for (const auto& [key, hc] : header_checks_)
                if (fmt::format("{}\n{}", key.first, key.second->id) == o.header_key) print_diagnostics(hc.diags);
        }
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
        if (o.full) single_ = std::move(o.full);
        const BatchRow& row = *o.row;
        if (mode_ != Mode::single && !first_of_agency(row)) continue;
        summarizer_.add(row);
        uint64_t at = spool_.append(o.entry);
        if (bopt_.ranked) ranking_.emplace_back(row.index, at);
        o.row.reset();
        std::string().swap(o.entry);
    }
}

// 3. Scoring: workers take inputs in order, the emitter (this thread) consumes the results in the
// same order through a bounded window, so output and memory are the same for every --jobs.
void ScoreRun::score_all() {
    Feed feed(files_, csvs_);
    unsigned jobs = opt_.jobs ? opt_.jobs : std::max(1u, std::thread::hardware_concurrency());
    size_t n_threads = std::min<size_t>(jobs, total_items_);
    Progress progress(progress_wanted(total_items_), total_items_);
    progress_ = &progress;
    if (n_threads <= 1) {
        // One worker runs on this thread: no thread start-up, and a process that never starts a
        // thread lets libstdc++ keep shared_ptr counts (yaml-cpp copies them) non-atomic.
        for (Feed::Unit unit; !stopped_ && feed.next(unit);) {
            auto results = process(unit);
            emit(results);
            progress.update(emitted_items_);
        }
        progress_ = nullptr;
        return;
    }
    const size_t window = 4 * n_threads; // units in flight or waiting to be emitted
    std::mutex m;
    std::condition_variable work_cv, done_cv;
    std::vector<std::optional<std::vector<ItemResult>>> ring(window);
    size_t assigned = 0, emitted = 0;
    bool exhausted = false, stop = false;
    auto worker = [&] {
        std::unique_lock<std::mutex> lock(m);
        while (true) {
            work_cv.wait(lock, [&] { return stop || exhausted || assigned < emitted + window; });
            Feed::Unit unit;
            if (stop || exhausted) return;
            if (!feed.next(unit)) {
                exhausted = true;
                done_cv.notify_all();
                work_cv.notify_all();
                return;
            }
            size_t seq = assigned++;
            lock.unlock();
            auto results = process(unit);
            lock.lock();
            ring[seq % window] = std::move(results);
            if (seq == emitted) done_cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (size_t t = 0; t < n_threads; ++t) threads.emplace_back(worker);
    try {
        while (true) {
            std::unique_lock<std::mutex> lock(m);
            done_cv.wait(lock, [&] { return ring[emitted % window].has_value() || (exhausted && emitted == assigned); });
            if (!ring[emitted % window]) break; // everything assigned has been emitted
            std::vector<ItemResult> results = std::move(*ring[emitted % window]);
            ring[emitted % window].reset();
            ++emitted;
            work_cv.notify_all();
            lock.unlock();
            emit(results);
            progress.update(emitted_items_);
            if (stopped_) break;
        }
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
        }
        work_cv.notify_all();
        for (auto& t : threads) t.join();
        progress_ = nullptr;
        throw;
    }
    {
        std::lock_guard<std::mutex> lock(m);
        stop = true;
    }
    work_cv.notify_all();
    for (auto& t : threads) t.join();
    progress_ = nullptr;
}

// 4. The report, read back from the spool in output order.
int ScoreRun::report() {
    if (summarizer_.scored() == 0) return code_;
    OutputSink sink;
    if (mode_ == Mode::single) {
        std::vector<AgencyResult> results;
        results.push_back(std::move(*single_));
        std::string text;
        if (opt_.out.format == "json") text = render_score_json(results, ropt_);
        else if (opt_.out.format == "csv") text = render_score_csv(results, ropt_);
        else if (opt_.out.format == "markdown") text = render_score_markdown(results, ropt_);
        else text = render_score_table(results, ropt_);
        code_ = std::max(code_, write_output(text, opt_.out));
        if (gate_ && results.front().score.index < *gate_) {
            const AgencyResult& r = results.front();
            print_error(fmt::format("{}: index {} ({}) is below --fail-under {}", r.path, r.score.index.to_fixed(r.pack->precision),
                                    r.score.index.to_exact_string(), opt_.fail_under));
            code_ = std::max(code_, static_cast<int>(kGateFailed));
        }
        return code_;
    }
    BatchReportOptions& bopt = bopt_;
    bopt.summary = bopt.summary || summarizer_.scored() > 1;
    // Pre-rendered rows are final when their columns cannot differ: JSON, or a single pack.
    const bool use_text = summarizer_.packs().size() == 1 || (format_ == BatchFormat::json || format_ == BatchFormat::jsonl);
    BatchSummary summary = summarizer_.finish(invalid_);
    BatchRenderer renderer(format_, bopt, spool_packs_);

    // Rows in output order: spool order, or ranked by exact index (stable, so ties keep path order).
    std::vector<int> ranks;
    if (bopt.ranked) {
        std::stable_sort(ranking_.begin(), ranking_.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        ranks = competition_ranks(ranking_, [](const auto& entry) -> const Rational& { return entry.first; });
    }
    // Calls fn(entry's record, entry's pre-rendered text, rank) for every row in output order.
    auto for_each_entry = [&](auto&& fn) {
        std::string entry;
        std::string_view record, text;
        if (bopt.ranked) {
            for (size_t i = 0; i < ranking_.size(); ++i) {
                spool_.read_at(ranking_[i].second, entry);
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
    };
    auto decode = [&](std::string_view record, int rank) {
        BatchRow row;
        try {
            row = decode_batch_row(record, spool_packs_);
        } catch (const std::runtime_error& e) { // the record's bytes changed on disk: stop as for any spool failure
            throw SpoolError(fmt::format("the batch's temporary file is corrupt: {}", e.what()));
        }
        row.rank = rank;
        return row;
    };
    if (renderer.needs_widths()) for_each_entry([&](std::string_view record, std::string_view, int rank) { renderer.widen(decode(record, rank)); });

    if (int c = sink.open(opt_.out)) return std::max(code_, c);
    std::vector<std::string> gate_failures;
    std::string chunk = renderer.header();
    for_each_entry([&](std::string_view record, std::string_view text, int rank) {
        std::optional<BatchRow> row;
        if (use_text && !text.empty()) chunk += renderer.place(text);
        else chunk += renderer.row(row.emplace(decode(record, rank)));
        if (chunk.size() >= 64 * 1024) {
            sink.write(chunk);
            chunk.clear();
        }
        if (!gate_) return;
        if (!row) row = decode(record, rank);
        if (row->index < *gate_)
            gate_failures.push_back(fmt::format("{}: index {} ({}) is below --fail-under {}", row->path, row->index.to_fixed(row->pack->precision),
                                                row->index.to_exact_string(), opt_.fail_under));
    });
    chunk += renderer.footer(summary);
    sink.write(chunk);
    code_ = std::max(code_, sink.commit());
    for (const auto& msg : gate_failures) print_error(msg);
    if (!gate_failures.empty()) code_ = std::max(code_, static_cast<int>(kGateFailed));
    return code_;
}

int ScoreRun::run() {
    if (!opt_.fail_under.empty()) {
        gate_ = Rational::parse(opt_.fail_under);
        if (!gate_) {
            print_error(fmt::format("--fail-under: '{}' is not a number (write e.g. 2.6)", opt_.fail_under));
            return kUsage;
        }
    }
    if (opt_.inputs.empty() && opt_.levels_csv.empty()) {
        print_error("nothing to score: give evidence files, directories, @LIST, - (paths on stdin) or --levels-csv FILE");
        return kUsage;
    }
    auto csv_dashes = std::count(opt_.levels_csv.begin(), opt_.levels_csv.end(), "-");
    if (csv_dashes > 0 && csv_dashes + std::count(opt_.inputs.begin(), opt_.inputs.end(), "-") > 1) {
        print_error("standard input can be read only once: give '-' either as the list of paths or as one --levels-csv");
        return kUsage;
    }
    basis_ = is_self_basis(opt_.basis) ? Basis::self : Basis::verified;
    group_by_ = opt_.group_by == "province" ? GroupBy::province : opt_.group_by == "type" ? GroupBy::type : opt_.group_by == "year" ? GroupBy::year : GroupBy::none;
    
    collect();
    if (int c = check_output()) return c;
    if (opt_.strict && code_ != kOk) return code_;
    summarizer_ = BatchSummarizer(group_by_, total_items_);
    if (total_items_ == 0) {
        if (code_ == kOk) {
            print_error("nothing to score: the inputs contain no evidence files and no levels-CSV rows");
            code_ = kInvalidInput;
        }
        return code_;
    }

    // 2. Packs: one registry, guarded, so every pack is parsed once however many threads ask.
    lookup_ = [this](const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error) {
        std::lock_guard<std::mutex> lock(registry_mutex_);
        note_pack_input(ref);
        return registry_.get(ref, diags, io_error);
    };
    if (!opt_.rubric.empty()) {
        std::vector<Diagnostic> diags;
        bool io_error = false;
        if (!lookup_(opt_.rubric, diags, io_error)) {
            print_diagnostics(diags);
            return std::max(code_, static_cast<int>(io_error ? kIoError : kInvalidInput));
        }
    }

    bool want_summary = opt_.summary || group_by_ != GroupBy::none;
    bool batch_mode = total_items_ != 1 || want_summary || opt_.out.format == "jsonl";
    mode_ = !batch_mode ? Mode::single
          : opt_.out.format == "json" ? Mode::json
          : opt_.out.format == "jsonl" ? Mode::jsonl
          : opt_.out.format == "csv" ? Mode::csv
          : opt_.out.format == "markdown" ? Mode::markdown
                                          : Mode::table;
    ropt_ = ReportOptions{opt_.out.language(), opt_.out.use_color(), opt_.detail};
    format_ = mode_ == Mode::json ? BatchFormat::json
            : mode_ == Mode::jsonl ? BatchFormat::jsonl
            : mode_ == Mode::csv ? BatchFormat::csv
            : mode_ == Mode::markdown ? BatchFormat::markdown
                                      : BatchFormat::table;
    bopt_.base = ropt_;
    bopt_.ranked = opt_.sort == "index";
    bopt_.summary = want_summary; // or more than one row, decided at the end
    bopt_.detail_blocks = opt_.detail;

    try {
        score_all();
        if (stopped_) return code_; // --strict: no results after an invalid input
        return report();
    } catch (const SpoolError& e) {
        print_error(e.what());
        return kIoError;
    } catch (const RationalOverflow& e) {
        // Only a pack with extreme weights gets here (the summary's exact variance needs the
        // common denominator of all indices squared in 128 bits); never print an approximation.
        print_error(fmt::format("cannot summarise the batch: {} (the rubric pack's weights have too many digits)", e.what()));
        return kInvalidInput;
    }
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
                return [opt] { return ScoreRun(*opt).run(); };
            }};
}

} // namespace spbe::cli
