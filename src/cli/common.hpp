// What every subcommand shares: exit codes, output options (format, file, language, colour),
// atomic output and printing diagnostics (reading input files: cli/read_file.hpp).
#pragma once

#include "cli/output_format.hpp"
#include "cli/read_file.hpp"
#include "loader/builtin_packs.hpp"
#include "model/evidence.hpp"
#include "model/text.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

// The width tables are fitted to (README "Table width"): COLUMNS when it is a number from 20 up (also when the
// output is piped or goes to a file), else the terminal's width when `to_terminal` and stdout is a terminal,
// else 0 (no limit).
size_t output_columns(bool to_terminal);

// The --lang default (README "Language"): SPBE_LANG when set, else the first of LC_ALL, LC_MESSAGES and LANG
// that is set: "en" when it starts with "en", else "id"; "id" when none is set. An SPBE_LANG other than id or en
// is reported by check_lang_env().
std::string default_lang();
// False (after printing the usage error) when SPBE_LANG is set to something other than id or en.
bool check_lang_env();

// Output options, kept apart from each command's analysis options.
struct OutputOptions {
    std::string format = "table";            // the --format name as given (an alias already made canonical)
    OutputFormat kind = OutputFormat::table; // the same, parsed once
    std::string output;                      // -o FILE; empty = stdout
    std::string lang = default_lang();
    std::string color = "auto";
    bool force = false; // --force: replace an existing -o file that is not an earlier spbe report

    Lang language() const { return lang == "en" ? Lang::en : Lang::id; }
    bool use_color() const;
};

// Adds --format (restricted to `formats`, the first the default; `aliases` are other names it accepts), -o/--output,
// --force, --lang and --color to a subcommand; --format sets both `out.format` and `out.kind`.
void add_output_options(CLI::App& app, OutputOptions& out, const std::vector<OutputFormat>& formats,
                        const std::vector<FormatAlias>& aliases = {});
// The same with the formats by name (each must be a name parse_output_format knows).
void add_output_options(CLI::App& app, OutputOptions& out, const std::vector<std::string>& formats);
// Adds only -o/--output and --force (commands with one fixed format); `what` completes "Write ...".
void add_output_file_options(CLI::App& app, OutputOptions& out, const std::string& what);

// The files this run reads, by device and inode, so that -o never replaces one of them (through a
// link, `./`, `../dir/` or a hard link alike). read_text_file() notes every file it reads; other
// readers call note_input(); note_pack_input() notes the files of a pack folder (built-ins: none).
void note_input(const std::string& path);
void note_input_fd(int fd);
void note_pack_input(const std::string& ref);

// The checks made before anything is written to the -o file (README "Output files"): not one of
// the inputs noted so far (exit 2, --force or not); an existing regular file replaced only when it
// is empty, looks like an earlier spbe report or --force is given (else exit 2); not a directory
// and not in a missing folder (exit 4). Prints the error; returns kOk or the exit code.
int check_output_target(const OutputOptions& out);

// Writes the report to stdout or, atomically, to the -o file. Returns kOk or the exit code.
int write_output(const std::string& text, const OutputOptions& out);

// The same for a report written in pieces: open(), write() as often as needed, commit(). A -o
// regular file (or the file a symlink points to) is written to a nameless temporary file in its
// folder (O_TMPFILE; else a hidden named one that SIGINT, SIGTERM and SIGHUP remove) that replaces
// the target by rename at commit(), so readers never see half a report and an interrupted or
// failed run leaves the previous file and no temporary file; devices and pipes are written
// through. Errors are printed; open() and commit() return kOk or the exit code.
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
    void discard();
    std::FILE* file_ = nullptr;
    bool is_stdout_ = false;
    bool nameless_ = false;    // an O_TMPFILE file, given a name only at commit()
    std::string target_, tmp_; // tmp_ empty and !nameless_ = written in place
};

// --basis verified|self, shared by every command that scores evidence.
void add_basis_option(CLI::App& app, std::string& basis);
inline bool is_self_basis(const std::string& basis) { return basis == "self"; }

// --as-of: the date evidence validity (`valid_until`) is judged on (README "Evidence expiry"). Given: that date.
// Not given: the last day of the file's evaluation year once that year is over, else today, so that a report on
// last year's file says the same tomorrow as today.
struct AsOf {
    std::optional<Date> given;
    Date for_year(const std::optional<int>& year) const;
};
inline constexpr const char* kAsOfHelp =
    "Date evidence validity is judged on (YYYY-MM-DD; default: 31 December of the file's year once it is over, "
    "else today)";

// The --as-of text (empty = not given); prints the usage error and returns nullopt when it is not a date.
std::optional<AsOf> parse_as_of(const std::string& text);

// Today's date for --as-of defaults; SPBE_TODAY=YYYY-MM-DD overrides it (tests, reproducible runs).
Date today();

// Prints diagnostics to stderr, one per line, in the given order.
void print_diagnostics(const std::vector<Diagnostic>& diags);

// At start-up: the default SIGPIPE action, so that a reader that stops early (`spbe score … |
// head -1`) ends spbe silently (exit status 141 in the shell) instead of with a write error; and
// closed standard streams re-opened on /dev/null (stdout read-only, so writing it fails: exit 4).
void prepare_process_streams();

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
