// What every subcommand shares: exit codes, output options (format, file, language, colour),
// atomic output, reading input files and printing diagnostics.
#pragma once

#include "loader/builtin_packs.hpp"
#include "model/evidence.hpp"
#include "model/text.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

namespace spbe::cli {

// Documented in README.md ("Exit codes"). When several apply, the highest wins.
enum ExitCode : int {
    kOk = 0,
    kGateFailed = 1,   // --fail-under, --fail-on-regression and similar gates
    kUsage = 2,        // bad command line
    kInvalidInput = 3, // an input file or pack is invalid
    kIoError = 4,      // a file could not be read or written
};

// Output options, kept apart from each command's analysis options.
struct OutputOptions {
    std::string format = "table";
    std::string output; // -o FILE; empty = stdout
    std::string lang = "id";
    std::string color = "auto";

    Lang language() const { return lang == "en" ? Lang::en : Lang::id; }
    bool use_color() const;
};

// Adds --format (restricted to `formats`), -o/--output, --lang and --color to a subcommand.
void add_output_options(CLI::App& app, OutputOptions& out, const std::vector<std::string>& formats);

// Writes the report to stdout or, atomically, to the -o file. Returns kOk or kIoError.
int write_output(const std::string& text, const OutputOptions& out);

// The same for a report written in pieces: open(), write() as often as needed, commit(). A -o file
// is written beside the target and renamed over it at commit(), so readers never see half a
// report and a failed run leaves the previous file; devices, pipes and symlinks are written
// through. Errors are printed; open() and commit() return kOk or kIoError.
class OutputSink {
public:
    OutputSink() = default;
    OutputSink(const OutputSink&) = delete;
    OutputSink& operator=(const OutputSink&) = delete;
    ~OutputSink(); // without commit(): the temporary file is removed

    int open(const OutputOptions& out);
    void write(std::string_view text);
    int commit();

private:
    std::FILE* file_ = nullptr;
    bool is_stdout_ = false;
    std::string target_, tmp_; // tmp_ empty = written in place
};

// --max-file-size BYTES on a command that reads input files: the largest evidence file, levels CSV, pack file or
// configuration read_text_file reads (8 MiB unless given; real files are a few KiB).
inline constexpr std::uint64_t kDefaultMaxFileSize = std::uint64_t{8} << 20;
void add_max_file_size_option(CLI::App& app);

// Reads a whole file; on failure returns nullopt and sets `error` to the system's reason. A file
// above --max-file-size is refused before it is read (a pipe: once that much has come), with
// `*too_large` set when given: the input is invalid (exit 3), not unreadable.
std::optional<std::string> read_text_file(const std::string& path, std::string& error, bool* too_large = nullptr);

// read_text_file for the pack loader (PackRegistry, folder_reader): pack files obey --max-file-size too.
DiskFileReader disk_file_reader();

// --basis verified|self, shared by every command that scores evidence.
void add_basis_option(CLI::App& app, std::string& basis);
inline bool is_self_basis(const std::string& basis) { return basis == "self"; }

// The date of --as-of (today when empty); prints the usage error and returns nullopt when invalid.
std::optional<Date> parse_as_of(const std::string& text);

// Today's date for --as-of defaults; SPBE_TODAY=YYYY-MM-DD overrides it (tests, reproducible runs).
Date today();

// Prints diagnostics to stderr, one per line, in the given order.
void print_diagnostics(const std::vector<Diagnostic>& diags);

// "spbe: error: message" on stderr, for problems that are not about a position in a file.
void print_error(const std::string& message);

// A subcommand: its name, one-line summary, and a setup function that registers its options on
// the CLI11 subcommand and returns the function that runs it.
struct CommandSpec {
    const char* name;
    const char* summary;
    std::function<std::function<int()>(CLI::App&)> setup;
};

} // namespace spbe::cli
