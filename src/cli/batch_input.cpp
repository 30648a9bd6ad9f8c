// Reading levels CSVs, scoring a CSV row, counting an agency once and guarding -o for a batch: the
// pieces `score` and `report` read their inputs with.
#include "cli/batch_input.hpp"

#include <fmt/format.h>

#include <unistd.h>

namespace spbe::cli {

void read_levels_csvs(const std::vector<std::string>& args, std::vector<CsvSource>& out, std::vector<Diagnostic>& diags,
                      int& code, size_t& invalid) {
    for (const auto& arg : args) {
        // `--levels-csv -` reads standard input; its messages and rows are named <stdin>.
        bool from_stdin = arg == "-";
        std::string path = from_stdin ? "<stdin>" : arg;
        std::string error;
        bool too_large = false;
        const ReadLimits limits{kMaxCsvFileBytes, kMaxCsvLineBytes};
        auto text =
            from_stdin ? read_stdin_text(error, &too_large, limits) : read_text_file(path, error, &too_large, limits);
        if (!text) {
            diags.push_back(Diagnostic{path, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"});
            code = std::max(code, static_cast<int>(too_large ? kInvalidInput : kIoError));
            ++invalid;
            continue;
        }
        CsvSource src{path, LevelsCsv::parse(std::move(*text))};
        std::vector<Diagnostic> d = src.csv.diags();
        attach_file(d, path);
        diags.insert(diags.end(), d.begin(), d.end());
        if (!src.csv.usable()) {
            ++invalid;
            code = std::max(code, static_cast<int>(kInvalidInput));
            continue;
        }
        out.push_back(std::move(src));
    }
}

InputOutcome score_csv_row(const std::vector<CsvSource>& csvs, int csv, size_t index, CsvChecks& checks,
                           const PackLookup& lookup, const std::string& rubric, Basis basis, std::string& header_key) {
    const CsvSource& src = csvs[static_cast<size_t>(csv)];
    LevelsCsvRow row = src.csv.row(index);
    attach_file(row.diags, src.path);
    InputOutcome in;
    if (has_errors(row.diags)) {
        in.diags = std::move(row.diags);
        in.exit_code = kInvalidInput;
        return in;
    }
    if (rubric.empty() && row.file.rubric.empty()) row.file.rubric = kDefaultRubric;
    const std::string& ref = rubric.empty() ? row.file.rubric : rubric;
    if (!rubric.empty() || is_builtin_pack(ref)) {
        std::vector<Diagnostic> ignored;
        bool io_error = false;
        if (const Pack* pack = lookup(ref, ignored, io_error)) {
            if (!checks.header(csv, *pack).ok) {
                header_key = CsvChecks::key(csv, *pack);
                in.exit_code = kInvalidInput;
                return in;
            }
        }
    }
    EvidenceParse parsed;
    parsed.file = std::move(row.file);
    in = score_parsed(src.path, std::move(parsed), lookup, rubric, basis);
    in.diags.insert(in.diags.begin(), row.diags.begin(), row.diags.end());
    if (in.result) in.result->path = src.row_path(index);
    return in;
}

std::optional<Diagnostic> AgencyOnce::first(const Pack& pack, const Agency& a, const std::optional<int>& year,
                                            const std::string& path) {
    std::string key = fmt::format("{}\n{}\n{}{}", pack.id, year ? std::to_string(*year) : "",
                                  a.code.empty() ? "name:" : "code:", a.code.empty() ? a.name : a.code);
    auto [it, inserted] = paths_.try_emplace(std::move(key), path);
    if (inserted) return std::nullopt;
    std::string who = a.code.empty() ? fmt::format("agency '{}'", a.name) : fmt::format("agency code {}", a.code);
    std::string in_year = year ? fmt::format(", year {}", *year) : "";
    return Diagnostic{path,
                      {},
                      Severity::warning,
                      fmt::format("{}{}, {} already scored from {}; counted once (the first in path order), this row "
                                  "is left out",
                                  who, in_year, pack.id, it->second),
                      "duplicate-agency"};
}

int check_batch_output(const PathList& files, const std::vector<std::string>& inputs, const std::string& rubric,
                       const OutputOptions& out) {
    if (out.output.empty() || out.output == "-") return kOk;
    PathList::Cursor cursor(files);
    for (std::string path; cursor.next(path);) note_input(path);
    for (const auto& arg : inputs) {
        if (arg == "-") note_input_fd(STDIN_FILENO);
        else if (arg.size() > 1 && arg[0] == '@') note_input(arg.substr(1));
    }
    note_pack_input(rubric);
    return check_output_target(out);
}

} // namespace spbe::cli
