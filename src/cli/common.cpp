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

int write_output(const std::string& text, const OutputOptions& out) {
    if (out.output.empty() || out.output == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        if (std::ferror(stdout)) {
            print_error("cannot write to standard output");
            return kIoError;
        }
        return kOk;
    }
    namespace fs = std::filesystem;
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
        std::ofstream f(target, std::ios::binary);
        f.write(text.data(), static_cast<std::streamsize>(text.size()));
        f.flush();
        if (!f) {
            print_error(fmt::format("cannot write {}: {}", out.output, std::strerror(errno)));
            return kIoError;
        }
        return kOk;
    }
    // Write beside the target and rename, so a reader never sees a half-written report and a
    // failed run leaves the previous file intact.
    fs::path tmp = target;
    tmp += fmt::format(".tmp{}", static_cast<long>(getpid()));
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) {
            print_error(fmt::format("cannot write {}: {}", out.output, std::strerror(errno)));
            return kIoError;
        }
        f.write(text.data(), static_cast<std::streamsize>(text.size()));
        f.flush();
        if (!f) {
            std::error_code ec;
            fs::remove(tmp, ec);
            print_error(fmt::format("cannot write {}: {}", out.output, std::strerror(errno)));
            return kIoError;
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        print_error(fmt::format("cannot write {}: {}", out.output, ec.message()));
        return kIoError;
    }
    return kOk;
}

std::optional<std::string> read_text_file(const std::string& path, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        error = "is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return std::nullopt;
    }
    return ss.str();
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
