// Shared CLI plumbing: output options, atomic writes, file reading and diagnostics on stderr.
#include "cli/common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spbe::cli {

bool OutputOptions::use_color() const {
    if (color == "always") return true;
    if (color == "never" || !output.empty()) return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string(term) == "dumb") return false;
    return isatty(STDOUT_FILENO) != 0;
}

void add_output_options(CLI::App& app, OutputOptions& out, const std::vector<std::string>& formats) {
    std::string list;
    for (const auto& f : formats) list += (list.empty() ? "" : "|") + f;
    out.format = formats.front();
    app.add_option("--format,-f", out.format, "Output format: " + list)->check(CLI::IsMember(formats))->capture_default_str();
    app.add_option("-o,--output", out.output, "Write the report to FILE (atomically) instead of stdout");
    app.add_option("--lang", out.lang, "Label language: id (Bahasa Indonesia) or en")->check(CLI::IsMember({"id", "en"}))->capture_default_str();
    app.add_option("--color", out.color, "Colour: auto (only on a terminal, never with NO_COLOR), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

OutputSink::~OutputSink() {
    if (!file_ || is_stdout_) return;
    std::fclose(file_);
    if (!tmp_.empty()) std::remove(tmp_.c_str());
}

int OutputSink::open(const OutputOptions& out) {
    if (out.output.empty() || out.output == "-") {
        file_ = stdout;
        is_stdout_ = true;
        return kOk;
    }
    namespace fs = std::filesystem;
    target_ = out.output;
    fs::path target(out.output);
    std::error_code status_ec;
    auto link_status = fs::symlink_status(target, status_ec);
    auto status = fs::status(target, status_ec);
    if (fs::exists(link_status) && (fs::is_symlink(link_status) || !fs::is_regular_file(link_status))) {
        // A device, pipe or symlink (/dev/null, /dev/stdout, a FIFO): write through it; renaming
        // over it would replace the device node or the link itself.
        if (fs::is_directory(status)) {
            print_error(fmt::format("cannot write {}: is a directory", out.output));
            return kIoError;
        }
    } else {
        // Write beside the target and rename at commit().
        tmp_ = fmt::format("{}.tmp{}", out.output, static_cast<long>(getpid()));
    }
    file_ = std::fopen(tmp_.empty() ? target_.c_str() : tmp_.c_str(), "wb");
    if (!file_) {
        print_error(fmt::format("cannot write {}: {}", out.output, std::strerror(errno)));
        tmp_.clear();
        return kIoError;
    }
    return kOk;
}

void OutputSink::write(std::string_view text) {
    if (file_) std::fwrite(text.data(), 1, text.size(), file_);
}

int OutputSink::commit() {
    if (!file_) return kIoError;
    if (is_stdout_) {
        std::fflush(stdout);
        if (std::ferror(stdout)) {
            print_error("cannot write to standard output");
            return kIoError;
        }
        return kOk;
    }
    bool failed = std::fflush(file_) != 0 || std::ferror(file_);
    int err = errno;
    failed = std::fclose(file_) != 0 || failed;
    file_ = nullptr;
    if (failed) {
        if (!tmp_.empty()) std::remove(tmp_.c_str());
        print_error(fmt::format("cannot write {}: {}", target_, std::strerror(err ? err : EIO)));
        return kIoError;
    }
    if (tmp_.empty()) return kOk;
    std::error_code ec;
    std::filesystem::rename(tmp_, target_, ec);
    if (ec) {
        std::remove(tmp_.c_str());
        print_error(fmt::format("cannot write {}: {}", target_, ec.message()));
        return kIoError;
    }
    return kOk;
}

int write_output(const std::string& text, const OutputOptions& out) {
    OutputSink sink;
    if (int code = sink.open(out)) return code;
    sink.write(text);
    return sink.commit();
}

namespace {

// Reads `fd` to its end. Regular files are read straight into a string sized to the file: one byte
// more, so that the read which finds the end needs no growth; anything else (a pipe, a growing file)
// doubles it. With `max_line`, reads come in pieces of at most max_line bytes and reading stops once
// a line is longer than max_line, so a 1 GB line costs a few MiB; the caller's parser reports it.
std::optional<std::string> read_fd(int fd, std::string& error, size_t max_line) {
    struct stat st {};
    bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
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
        if (max_line > 0) {
            std::string_view got(text.data() + used, static_cast<size_t>(n));
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
            used += static_cast<size_t>(n);
            if (longer) break;
            continue;
        }
        used += static_cast<size_t>(n);
    }
    text.resize(used);
    return text;
}

} // namespace

std::optional<std::string> read_text_file(const std::string& path, std::string& error, size_t max_line) {
    // Plain read() into a string: no stream buffers and no second copy, which matters for batches of
    // thousands of files and for levels CSVs of many megabytes.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        error = "is a directory";
        return std::nullopt;
    }
    auto text = read_fd(fd, error, max_line);
    ::close(fd);
    return text;
}

std::optional<std::string> read_stdin_text(std::string& error, size_t max_line) { return read_fd(STDIN_FILENO, error, max_line); }

void add_basis_option(CLI::App& app, std::string& basis) {
    app.add_option("--basis", basis, "Levels that count: verified (evaluator's where given, else self) or self")
        ->check(CLI::IsMember({"verified", "self"}))
        ->capture_default_str();
}

std::optional<Date> parse_as_of(const std::string& text) {
    if (text.empty()) return today();
    auto d = Date::parse(text);
    if (!d) print_error(fmt::format("--as-of: '{}' is not a date (write YYYY-MM-DD)", text));
    return d;
}

Date today() {
    if (const char* fixed = std::getenv("SPBE_TODAY"))
        if (auto d = Date::parse(fixed)) return *d;
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void print_diagnostics(const std::vector<Diagnostic>& diags) {
    for (const auto& d : diags) std::cerr << format_diagnostic(d) << "\n";
    std::cerr.flush();
}

void print_error(const std::string& message) {
    std::cerr << "spbe: error: " << message << "\n";
    std::cerr.flush();
}

} // namespace spbe::cli
