// Shared CLI plumbing: output options, atomic writes, file reading and diagnostics on stderr.
#include "cli/common.hpp"

#include <fmt/format.h>

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

std::uint64_t max_file_size = kDefaultMaxFileSize; // set once by the command line, before any read

} // namespace

void add_max_file_size_option(CLI::App& app) {
    app.add_option("--max-file-size", max_file_size, "Refuse input files larger than this many bytes (exit 3)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
}

std::optional<std::string> read_text_file(const std::string& path, std::string& error, bool* too_large) {
    auto refuse_size = [&](const std::string& size) {
        error = fmt::format("file is {} bytes, above --max-file-size {}", size, max_file_size);
        if (too_large) *too_large = true;
        return std::nullopt;
    };
    // Plain read() into a string sized to the file: no stream buffers and no second
    // copy, which matters for batches of thousands of files and for levels CSVs of many megabytes.
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
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_file_size) {
        ::close(fd);
        return refuse_size(std::to_string(st.st_size));
    }
    // Read straight into the string: one byte more than a regular file's size, so that the read
    // which finds the end needs no growth; anything else (a pipe, a growing file) doubles it.
    std::string text(S_ISREG(st.st_mode) && st.st_size > 0 ? static_cast<size_t>(st.st_size) + 1 : 65536, '\0');
    size_t used = 0;
    while (true) {
        if (used == text.size()) text.resize(2 * text.size());
        ssize_t n = ::read(fd, text.data() + used, text.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        used += static_cast<size_t>(n);
        if (used > max_file_size) { // a pipe or a file that grew: stop reading at the limit
            ::close(fd);
            return refuse_size("more than " + std::to_string(max_file_size));
        }
    }
    text.resize(used);
    ::close(fd);
    return text;
}

DiskFileReader disk_file_reader() {
    return [](const std::string& path, std::string& error, bool& too_large) {
        return read_text_file(path, error, &too_large);
    };
}

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
