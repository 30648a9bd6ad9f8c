// The wide levels CSV of batch scoring (docs/batch.md): one row per agency, columns name, code,
// type, province, year, rubric and one column per indicator id. Text in, evidence files out.
#pragma once

#include "model/evidence.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spbe {

// Limits of a levels CSV (docs/batch.md, "Limits"). A line longer than kMaxCsvLineBytes (not counting
// its "\n") or a header of more than kMaxCsvColumns fields makes the whole file invalid. A row holds
// one agency: a few hundred bytes and at most a few hundred columns for every shipped pack, so a file
// of kMaxCsvFileBytes holds millions of agencies (not --max-file-size, which is for one YAML file).
inline constexpr std::size_t kMaxCsvLineBytes = std::size_t{1} << 20;
inline constexpr std::uint64_t kMaxCsvFileBytes = std::uint64_t{1} << 30;
inline constexpr std::size_t kMaxCsvColumns = 1000;

// One field of a CSV record: its text (quotes removed, "" unescaped) and where it starts.
struct CsvField {
    std::string text;
    int line = 0; // physical line where the field starts
    bool quoted = false;
};

// Splits one record (RFC 4180: quoted fields, "" escapes, newlines inside quotes) starting at
// physical line `line`. Problems go to `diags` with SourcePos{line, field number}.
std::vector<CsvField> split_csv_record(std::string_view record, char separator, int line,
                                       std::vector<Diagnostic>& diags);

// A row read without allocating: views into the CSV text, levels parallel to indicator_columns().
struct FastCsvRow {
    std::string_view name, code, type, province, rubric;
    int year = 0; // 0 = not given
    std::vector<int> levels;
};

struct LevelsCsvRow {
    EvidenceFile file;             // short-form levels; `path` and a default rubric are left to the caller
    std::vector<Diagnostic> diags; // errors make the row invalid; warnings (decimal comma) do not
};

// A parsed levels CSV. Positions in diagnostics are SourcePos{line, column} where line is the
// physical line (1-based, counting lines inside quoted fields) and column is the 1-based FIELD
// number (not the character offset), which is what spreadsheets show as A, B, C...
class LevelsCsv {
public:
    // Strips a UTF-8 BOM, detects the separator from the header (';' when it has more semicolons
    // than commas outside quotes, else ','), splits records and reads the header. Text that is not
    // UTF-8, holds a NUL byte, has a line over kMaxCsvLineBytes or a quote open at the end makes the
    // whole file unusable: one error at the first such place. `text` may be cut short after a line
    // over the limit (a reader need not read further).
    static LevelsCsv parse(std::string text);

    char separator() const { return separator_; }
    // Whole-file problems (header); when there are errors, no row is usable.
    const std::vector<Diagnostic>& diags() const { return diags_; }
    bool usable() const;
    int header_line() const { return header_line_; }
    bool has_rubric_column() const { return col_rubric_ >= 0; }
    // Indicator id columns in header order: (id, field number).
    const std::vector<std::pair<std::string, int>>& indicator_columns() const { return indicators_; }

    // Data rows (blank lines and rows of empty fields are skipped).
    size_t row_count() const { return records_.size(); }
    int row_line(size_t i) const { return records_[i].line; }
    // Reads row i; independent of other rows, so rows can be read from several threads.
    LevelsCsvRow row(size_t i) const;
    // The common case of row i, for large files: no quotes, the header's number of fields, a
    // name, no year or a valid one, and a plain whole number (0-1000) in every level cell. False
    // for anything else; row(i) then reads it and explains every problem. Thread-safe like row().
    bool fast_row(size_t i, FastCsvRow& out) const;

private:
    struct Record {
        size_t begin = 0;
        size_t end = 0;
        int line = 0;
    };
    std::string text_;
    char separator_ = ',';
    std::vector<Diagnostic> diags_;
    int header_line_ = 1;
    size_t header_fields_ = 0;
    int col_name_ = -1, col_code_ = -1, col_type_ = -1, col_province_ = -1, col_year_ = -1, col_rubric_ = -1; // 0-based
    std::vector<std::pair<std::string, int>> indicators_;
    std::vector<int> indicator_index_; // 0-based field index of indicators_[k]
    std::vector<Record> records_;
};

} // namespace spbe
