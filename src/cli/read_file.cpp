// Whole-file reads for every input of the command line: plain read() into one string, refused above
// --max-file-size (or a levels CSV's own limit) before or while reading, and stopped after an overlong
// line so that a 1 GB line is never held whole.
#include "cli/read_file.hpp"

#include "cli/common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace spbe::cli {

namespace {

std::uint64_t max_file_size = kDefaultMaxFileSize; // set once by the command line, before any read

// Reads `fd` to its end, refusing more than the limit's bytes (a regular file before reading it, a
// pipe or a growing file once that much has come; `*too_large` is then set). Regular files are read
// straight into a string sized to the file: one byte more, so that the read which finds the end needs
// no growth; anything else doubles it. With `max_line`, reads come in pieces of at most max_line bytes
// and reading stops once a line is longer than max_line, so a 1 GB line costs a few MiB; the caller's
// parser reports it.
std::optional<std::string> read_fd(int fd, std::string& error, ReadLimits limits, bool* too_large) {
    const size_t max_line = limits.max_line;
    const std::uint64_t max_bytes = limits.max_bytes ? limits.max_bytes : max_file_size;
    auto refuse_size = [&](const std::string& size) {
        error = limits.max_bytes ? fmt::format("file is {} bytes, above the limit of {} bytes", size, max_bytes)
                                 : fmt::format("file is {} bytes, above --max-file-size {}", size, max_bytes);
        if (too_large) *too_large = true;
        return std::nullopt;
    };
    struct stat st {};
    bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
    if (regular && static_cast<std::uint64_t>(st.st_size) > max_bytes) return refuse_size(std::to_string(st.st_size));
    size_t file_size = regular ? static_cast<size_t>(st.st_size) + 1 : 0;
    size_t first = regular ? file_size : 65536;
    if (max_line > 0) first = std::min(first, 4 * max_line);
    std::string text(first, '\0');
    size_t used = 0;
    size_t line_length = 0; // bytes since the last '\n'
    while (true) {
        if (used == text.size()) {
            size_t grown = 2 * text.size();
            if (file_size > text.size()) grown = std::min(grown, file_size);
            text.resize(grown);
        }
        size_t room = text.size() - used;
        if (max_line > 0) room = std::min(room, max_line);
        ssize_t n = ::read(fd, text.data() + used, room);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::strerror(errno);
            return std::nullopt;
        }
        if (n == 0) break;
        std::string_view got(text.data() + used, static_cast<size_t>(n));
        used += static_cast<size_t>(n);
        if (used > max_bytes) return refuse_size("more than " + std::to_string(max_bytes));
        if (max_line == 0) continue;
        bool longer = false;
        for (size_t from = 0;;) {
            size_t at = got.find('\n', from);
            size_t piece = (at == std::string_view::npos ? got.size() : at) - from;
            if (line_length + piece > max_line) {
                longer = true;
                break;
            }
            if (at == std::string_view::npos) {
                line_length += piece;
                break;
            }
            line_length = 0;
            from = at + 1;
        }
        if (longer) break;
    }
    text.resize(used);
    return text;
}

} // namespace

void add_max_file_size_option(CLI::App& app) {
    app.add_option("--max-file-size", max_file_size, "Refuse input files larger than this many bytes (exit 3)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
}

std::optional<std::string> read_text_file(const std::string& path, std::string& error, bool* too_large,
                                          ReadLimits limits) {
    // Plain read() into a string: no stream buffers and no second copy, which matters for batches of
    // thousands of files and for levels CSVs of many megabytes.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    note_input_fd(fd);
    struct stat st {};
    bool have_stat = ::fstat(fd, &st) == 0;
    if (have_stat && S_ISDIR(st.st_mode)) {
        ::close(fd);
        error = "is a directory";
        return std::nullopt;
    }
    auto text = read_fd(fd, error, limits, too_large);
    ::close(fd);
    return text;
}

std::optional<std::string> read_stdin_text(std::string& error, bool* too_large, ReadLimits limits) {
    return read_fd(STDIN_FILENO, error, limits, too_large);
}

DiskFileReader disk_file_reader() {
    return [](const std::string& path, std::string& error, bool& too_large) {
        return read_text_file(path, error, &too_large);
    };
}

} // namespace spbe::cli
