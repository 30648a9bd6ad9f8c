// The score run's feed: merges the sorted evidence-file list with the rows of every levels CSV into
// one output order and cuts it into work units.
#include "cli/score_feed.hpp"

#include <tuple>

namespace spbe::cli {

Feed::Feed(const PathList& files, const std::vector<CsvSource>& csvs)
    : cursor_(files), csvs_(csvs), next_row_(csvs.size(), 0) {
    have_file_ = cursor_.next(file_);
}

bool Feed::next(Unit& u) {
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
    auto& next_row = next_row_[static_cast<size_t>(pick)];
    u = Unit{{}, pick, next_row, 0};
    // Extend the run while the same CSV stays first in the order.
    do ++next_row;
    while (next_row - u.row_begin < kCsvRun && choose() == pick);
    u.row_end = next_row;
    return true;
}

int Feed::choose() const {
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

} // namespace spbe::cli
