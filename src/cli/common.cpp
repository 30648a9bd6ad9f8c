// Shared CLI plumbing: output options, safe atomic writes (no input overwritten, no temporary file
// left behind), the inputs -o must not replace, and diagnostics on stderr.
#include "cli/common.hpp"

#include "cli/output_kind.hpp"
#include "loader/builtin_packs.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
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

void add_output_file_options(CLI::App& app, OutputOptions& out, const std::string& what) {
    app.add_option("-o,--output", out.output, fmt::format("Write {} to FILE (atomically) instead of stdout", what));
    app.add_flag("--force", out.force,
                 "Replace FILE even when it exists and is not an earlier spbe report (never an input)");
}

size_t output_columns(bool to_terminal) {
    if (const char* v = std::getenv("COLUMNS"); v && *v) {
        char* end = nullptr;
        unsigned long n = std::strtoul(v, &end, 10);
        if (*end == '\0' && n >= 20 && n <= 10000) return n;
    }
    if (!to_terminal || !isatty(STDOUT_FILENO)) return 0;
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 0;
}

std::string default_lang() {
    if (const char* v = std::getenv("SPBE_LANG"); v && *v) return std::string_view(v) == "en" ? "en" : "id";
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(name); v && *v) return std::string_view(v).substr(0, 2) == "en" ? "en" : "id";
    return "id";
}

bool check_lang_env() {
    const char* v = std::getenv("SPBE_LANG");
    if (!v || !*v || std::string_view(v) == "id" || std::string_view(v) == "en") return true;
    print_error(fmt::format("SPBE_LANG is '{}'; use 'id' (Bahasa Indonesia, the default) or 'en'", v));
    return false;
}

void add_output_options(CLI::App& app, OutputOptions& out, const std::vector<OutputFormat>& formats,
                        const std::vector<FormatAlias>& aliases) {
    std::string list;
    for (OutputFormat f : formats) list += (list.empty() ? "" : "|") + std::string(format_name(f));
    out.kind = formats.front();
    out.format = format_name(out.kind);
    app.add_option("--format,-f", out.format, "Output format: " + list)
        ->transform(format_validator(formats, aliases))
        ->each([&out](const std::string& name) { out.kind = parse_output_format(name).value_or(out.kind); })
        ->capture_default_str();
    add_output_file_options(app, out, "the report");
    app.add_option("--lang", out.lang, "Label language: id (Bahasa Indonesia) or en")
        ->check(CLI::IsMember({"id", "en"}))
        ->capture_default_str();
    app.add_option("--color", out.color, "Colour: auto (only on a terminal, never with NO_COLOR), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

void add_output_options(CLI::App& app, OutputOptions& out, const std::vector<std::string>& formats) {
    std::vector<OutputFormat> kinds;
    for (const auto& name : formats) kinds.push_back(parse_output_format(name).value_or(OutputFormat::table));
    add_output_options(app, out, kinds);
}

namespace {

namespace fs = std::filesystem;

// Inputs by (device, inode); batches read from several threads.
std::mutex g_inputs_mutex;
std::set<std::pair<dev_t, ino_t>> g_inputs;
std::set<std::string> g_pack_refs;

void note_stat(const struct stat& st) {
    if (!S_ISREG(st.st_mode)) return;
    std::lock_guard<std::mutex> lock(g_inputs_mutex);
    g_inputs.emplace(st.st_dev, st.st_ino);
}

bool is_noted_input(const struct stat& st) {
    std::lock_guard<std::mutex> lock(g_inputs_mutex);
    return g_inputs.count({st.st_dev, st.st_ino}) != 0;
}

bool to_stdout(const OutputOptions& out) { return out.output.empty() || out.output == "-"; }

// The first bytes of an existing file, for looks_like_spbe_output(); nullopt when unreadable.
std::optional<std::string> file_head(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    std::string head(kOutputSniffBytes, '\0');
    size_t used = 0;
    while (used < head.size()) {
        ssize_t n = ::read(fd, head.data() + used, head.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        used += static_cast<size_t>(n);
    }
    ::close(fd);
    head.resize(used);
    return head;
}

// The named temporary file that exists while a report is being written or committed, for the
// signal handler: a fixed buffer, since the handler may only make async-signal-safe calls.
char g_tmp_path[4096];
volatile std::sig_atomic_t g_tmp_set = 0;

extern "C" void remove_tmp_and_reraise(int sig) {
    if (g_tmp_set) ::unlink(g_tmp_path);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// Registers `path` for removal on SIGINT, SIGTERM and SIGHUP (the handlers are installed once,
// and not for a signal the parent told us to ignore, as nohup does with SIGHUP).
bool arm_tmp_cleanup(const std::string& path) {
    if (path.size() >= sizeof g_tmp_path) return false;
    static const bool installed = [] {
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
            struct sigaction old {};
            if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
            struct sigaction sa {};
            sa.sa_handler = remove_tmp_and_reraise;
            sigemptyset(&sa.sa_mask);
            sa.sa_flags = SA_RESTART;
            sigaction(sig, &sa, nullptr);
        }
        return true;
    }();
    (void)installed;
    g_tmp_set = 0;
    std::memcpy(g_tmp_path, path.c_str(), path.size() + 1);
    g_tmp_set = 1;
    return true;
}

void disarm_tmp_cleanup() { g_tmp_set = 0; }

// The temporary name beside the target: hidden, and unique per process.
std::string tmp_name_for(const std::string& target) {
    fs::path p(target);
    std::string name = fmt::format(".{}.spbe-{}.tmp", p.filename().string(), static_cast<long>(getpid()));
    return (p.parent_path() / name).string();
}

std::string folder_of(const std::string& target) {
    std::string dir = fs::path(target).parent_path().string();
    return dir.empty() ? "." : dir;
}

} // namespace

void note_input(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) note_stat(st);
}

void note_input_fd(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) == 0) note_stat(st);
}

void note_pack_input(const std::string& ref) {
    if (ref.empty() || is_builtin_pack(ref)) return;
    {
        std::lock_guard<std::mutex> lock(g_inputs_mutex);
        if (!g_pack_refs.insert(ref).second) return;
    }
    // Packs are flat: every file directly in the folder may be read.
    std::error_code ec;
    for (fs::directory_iterator it(ref, ec), end; !ec && it != end; it.increment(ec)) note_input(it->path().string());
}

int check_output_target(const OutputOptions& out) {
    if (to_stdout(out)) return kOk;
    const std::string& path = out.output;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        std::string dir = folder_of(path);
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            print_error(fmt::format("cannot write {}: folder {} does not exist", path, dir));
            return kIoError;
        }
        return kOk;
    }
    if (S_ISDIR(st.st_mode)) {
        print_error(fmt::format("cannot write {}: is a directory", path));
        return kIoError;
    }
    if (!S_ISREG(st.st_mode)) return kOk; // /dev/null, /dev/stdout, a FIFO: nothing to lose
    if (is_noted_input(st)) {
        print_error(fmt::format("-o {} is one of the input files; choose another output file", path));
        return kUsage;
    }
    if (out.force) return kOk;
    auto head = file_head(path);
    if (head && looks_like_spbe_output(*head)) return kOk;
    print_error(fmt::format("{} exists and is not an earlier spbe report; use --force to replace it", path));
    return kUsage;
}

OutputSink::~OutputSink() { discard(); }

void OutputSink::discard() {
    if (!file_ || is_stdout_) return;
    std::fclose(file_);
    file_ = nullptr;
    if (!tmp_.empty()) {
        ::unlink(tmp_.c_str());
        disarm_tmp_cleanup();
    }
}

int OutputSink::open(const OutputOptions& out) {
    if (to_stdout(out)) {
        file_ = stdout;
        is_stdout_ = true;
        return kOk;
    }
    if (int code = check_output_target(out)) return code;
    target_ = out.output;
    struct stat st {
    }, lst{};
    bool exists = ::stat(target_.c_str(), &st) == 0;
    bool is_link = ::lstat(target_.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
    int fd = -1;
    if ((exists && !S_ISREG(st.st_mode)) || (is_link && !exists)) {
        // A device or pipe (/dev/null, /dev/stdout, a FIFO), or a link to nowhere yet: write through.
        fd = ::open(target_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    } else {
        std::error_code ec;
        if (is_link) target_ = fs::canonical(target_, ec).string(); // replace the file, keep the link
        if (ec) target_ = out.output;
        std::string dir = folder_of(target_);
#ifdef O_TMPFILE
        const char* no_tmpfile = std::getenv("SPBE_NO_O_TMPFILE"); // tests of the named fallback
        if (!(no_tmpfile && *no_tmpfile) && ::access("/proc/self/fd", X_OK) == 0) {
            fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
            nameless_ = fd >= 0;
        }
#endif
        if (fd < 0) {
            tmp_ = tmp_name_for(target_);
            if (!arm_tmp_cleanup(tmp_)) {
                print_error(fmt::format("cannot write {}: path too long", out.output));
                tmp_.clear();
                return kIoError;
            }
            fd = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd < 0) {
                int err = errno;
                disarm_tmp_cleanup();
                tmp_.clear();
                errno = err;
            }
        }
    }
    if (fd >= 0) file_ = ::fdopen(fd, "wb");
    if (!file_) {
        print_error(fmt::format("cannot write {}: {}", out.output, std::strerror(errno)));
        if (fd >= 0) ::close(fd);
        if (!tmp_.empty()) {
            ::unlink(tmp_.c_str());
            disarm_tmp_cleanup();
            tmp_.clear();
        }
        return kIoError;
    }
    return kOk;
}

void OutputSink::write(std::string_view text) {
    // After the first failure (a full disk) the rest is not attempted; commit() reports it once.
    if (file_ && !std::ferror(file_)) std::fwrite(text.data(), 1, text.size(), file_);
}

int OutputSink::commit() {
    if (!file_) return kIoError;
    if (is_stdout_) {
        errno = 0;
        bool failed = std::fflush(stdout) != 0 || std::ferror(stdout);
        if (failed) {
            int err = errno ? errno : EIO;
            print_error(fmt::format("cannot write to standard output: {}", std::strerror(err)));
            return kIoError;
        }
        return kOk;
    }
    auto fail = [&](int err) {
        discard();
        print_error(fmt::format("cannot write {}: {}", target_, std::strerror(err ? err : EIO)));
        return static_cast<int>(kIoError);
    };
    errno = 0;
    if (std::fflush(file_) != 0 || std::ferror(file_)) return fail(errno);
    if (nameless_) {
        // Give the finished file its temporary name (armed first, so a signal in between removes it).
        tmp_ = tmp_name_for(target_);
        if (!arm_tmp_cleanup(tmp_)) return fail(ENAMETOOLONG);
        ::unlink(tmp_.c_str()); // a stale one of an earlier process with our pid
        std::string proc = fmt::format("/proc/self/fd/{}", fileno(file_));
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            int err = errno;
            tmp_.clear();
            disarm_tmp_cleanup();
            return fail(err);
        }
    }
    errno = 0;
    bool close_failed = std::fclose(file_) != 0;
    int err = errno;
    file_ = nullptr;
    if (close_failed) {
        if (!tmp_.empty()) ::unlink(tmp_.c_str());
        disarm_tmp_cleanup();
        print_error(fmt::format("cannot write {}: {}", target_, std::strerror(err ? err : EIO)));
        return kIoError;
    }
    if (tmp_.empty()) return kOk;
    int renamed = std::rename(tmp_.c_str(), target_.c_str());
    err = errno;
    if (renamed != 0) ::unlink(tmp_.c_str());
    disarm_tmp_cleanup();
    if (renamed != 0) {
        print_error(fmt::format("cannot write {}: {}", target_, std::strerror(err)));
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

void add_basis_option(CLI::App& app, std::string& basis) {
    app.add_option("--basis", basis, "Levels that count: verified (evaluator's where given, else self) or self")
        ->check(CLI::IsMember({"verified", "self"}))
        ->capture_default_str();
}

std::optional<AsOf> parse_as_of(const std::string& text) {
    if (text.empty()) return AsOf{};
    auto d = Date::parse(text);
    if (!d) {
        print_error(fmt::format("--as-of: '{}' is not a date (write YYYY-MM-DD)", text));
        return std::nullopt;
    }
    return AsOf{d};
}

Date AsOf::for_year(const std::optional<int>& year) const {
    if (given) return *given;
    const Date now = today();
    if (year && *year < now.year) return Date{*year, 12, 31};
    return now;
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
    // Messages quote names, ids and paths from input: one line each, no control character.
    for (const auto& d : diags) std::cerr << terminal_safe(format_diagnostic(d)) << "\n";
    std::cerr.flush();
}

void prepare_process_streams() {
    std::signal(SIGPIPE, SIG_DFL);
    // A closed standard stream would be the first descriptor open() returns, and the report could
    // land in a temporary file or an input. Park /dev/null there instead: read-only on stdout, so
    // that writing the report fails (exit 4) rather than vanishing; stdin and stderr as usual.
    for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
        if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int null_fd = ::open("/dev/null", fd == STDERR_FILENO ? O_WRONLY : O_RDONLY);
            if (null_fd >= 0 && null_fd != fd) {
                ::dup2(null_fd, fd);
                ::close(null_fd);
            }
        }
}

void print_error(const std::string& message) {
    std::cerr << "spbe: error: " << terminal_safe(message) << "\n";
    std::cerr.flush();
}

} // namespace spbe::cli
