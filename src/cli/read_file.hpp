// Reading input files whole, under --max-file-size: the one file reader of the command line (the
// pack loader gets it as a DiskFileReader), which also notes each file as an input -o must not replace.
#pragma once

#include "loader/builtin_packs.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace spbe::cli {

// --max-file-size BYTES on a command that reads input files: the largest evidence file, levels CSV, pack file or
// configuration read_text_file reads (8 MiB unless given; real files are a few KiB).
inline constexpr std::uint64_t kDefaultMaxFileSize = std::uint64_t{8} << 20;
void add_max_file_size_option(CLI::App& app);

// What read_text_file may read. `max_bytes` 0 is --max-file-size (YAML files, configurations); a levels CSV
// names its own, larger limit, since one row per agency makes hundreds of thousands of rows legitimate.
// With `max_line` > 0 reading stops after the first line longer than max_line bytes (the text then ends
// inside that line and its parser reports it), so that a huge line is never held whole.
struct ReadLimits {
    std::uint64_t max_bytes = 0;
    size_t max_line = 0;
};

// Reads a whole file; on failure returns nullopt and sets `error` to the system's reason. A file
// above the limit is refused before it is read (a pipe: once that much has come), with `*too_large`
// set when given: the input is invalid (exit 3), not unreadable.
std::optional<std::string> read_text_file(const std::string& path, std::string& error, bool* too_large = nullptr,
                                          ReadLimits limits = {});
// The same for standard input.
std::optional<std::string> read_stdin_text(std::string& error, bool* too_large = nullptr, ReadLimits limits = {});

// read_text_file for the pack loader (PackRegistry, folder_reader): pack files obey --max-file-size too.
DiskFileReader disk_file_reader();

} // namespace spbe::cli
