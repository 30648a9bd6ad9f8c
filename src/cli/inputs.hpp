// Turning the command line's inputs (files, directories, @lists, `-` for a list on stdin) into the
// sorted list of evidence files a batch scores, with a diagnostic for every input that is missing.
#pragma once

#include "cli/path_list.hpp"
#include "model/text.hpp"

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace spbe::cli {

struct CollectedInputs {
    PathList files;                // sorted by path; the same path or file (device and inode) once
    std::vector<Diagnostic> diags; // missing paths, unreadable lists, empty directories
    bool io_error = false;         // some input could not be read (exit 4)
};

// Expands `args`: a directory recurses into *.yaml and *.yml files (symlinked directories are
// followed once, loops are cut by canonical path); `@FILE` reads one path per line (blank lines and
// lines starting with '#' ignored; paths relative to the current directory); `-` reads such a list
// from `stdin_list`. Every other argument is a file path and must exist. A file reached under
// several spellings (`a.yaml`, `./a.yaml`, a link) is kept once, under its first spelling in path
// order, with an info note for each other one; a folder reached twice is skipped silently.
CollectedInputs collect_inputs(const std::vector<std::string>& args, std::istream& stdin_list);

// The path list format shared by @FILE and `-`: one path per line, blank and '#' lines ignored,
// surrounding whitespace and a trailing '\r' trimmed. Read one line at a time (a list of 20,000
// paths is never held as text); `each` gets the 1-based line number and the path.
void read_path_list(std::istream& in, const std::function<void(int line, const std::string& path)>& each);

} // namespace spbe::cli
