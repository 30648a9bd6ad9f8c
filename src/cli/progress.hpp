// A progress bar on stderr for long batches: only on a terminal, never under CI, never for a few inputs.
#pragma once

#include <chrono>
#include <cstddef>

namespace spbe::cli {

// Whether a batch of `items` inputs shows a progress bar.
bool progress_wanted(size_t items);

// Redrawn at most ten times a second and wiped before anything else is printed to stderr.
class Progress {
public:
    Progress(bool on, size_t total) : on_(on), total_(total) {}
    ~Progress() { clear(); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void update(size_t done);
    void clear();

private:
    bool on_;
    size_t total_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

} // namespace spbe::cli
