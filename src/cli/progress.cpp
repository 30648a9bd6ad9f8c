// The batch progress bar: `[####......] done/total` on stderr, redrawn in place with a carriage return.
#include "cli/progress.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

namespace spbe::cli {

bool progress_wanted(size_t items) {
    if (items <= 50 || std::getenv("CI") != nullptr) return false;
    return isatty(STDERR_FILENO) != 0;
}

void Progress::update(size_t done) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    size_t width = 30;
    size_t filled = done * width / total_;
    std::cerr << fmt::format("\r[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, '.'), done, total_)
              << std::flush;
    shown_ = true;
}

void Progress::clear() {
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
    shown_ = false;
}

} // namespace spbe::cli
