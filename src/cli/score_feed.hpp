// The inputs of a score run in output order: evidence files and levels-CSV rows merged by (path, row),
// handed out in runs so that many small inputs do not each pay for a trip through the work queue.
#pragma once

#include "cli/path_list.hpp"
#include "loader/levels_csv.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <vector>

namespace spbe::cli {

inline constexpr const char* kDefaultRubric = "spbe-2020"; // for levels-CSV rows without a rubric

struct CsvSource {
    std::string path;
    LevelsCsv csv;
    // What a row's result is reported as: `file:line`.
    std::string row_path(size_t row) const { return fmt::format("{}:{}", path, csv.row_line(row)); }
};

// Files first on a tie of (path, row); an evidence file takes ~0.15 ms to score, a CSV row far less.
class Feed {
public:
    static constexpr size_t kCsvRun = 256;
    static constexpr size_t kFileRun = 8;

    struct Unit {
        std::vector<std::string> paths; // evidence files, when csv < 0
        int csv = -1;
        size_t row_begin = 0, row_end = 0;
    };

    Feed(const PathList& files, const std::vector<CsvSource>& csvs);
    bool next(Unit& u);

private:
    static constexpr int kNothing = -2, kFile = -1;
    int choose() const;
    PathList::Cursor cursor_;
    std::string file_;
    bool have_file_ = false;
    const std::vector<CsvSource>& csvs_;
    std::vector<size_t> next_row_;
};

} // namespace spbe::cli
