// The rubric packs compiled into the binary (generated from rubrics/ at build time), and a
// registry that finds a pack by id or loads one from a folder, each parsed at most once per run.
#pragma once

#include "loader/pack_loader.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace spbe {

struct EmbeddedFile {
    const char* pack; // folder name under rubrics/, equal to the pack id
    const char* name; // file name within the pack
    const char* text;
    // The same file without questions, criteria and guidance (written and checked by spbe_packc at
    // build time); what a registry with PackLoadOptions::with_text == false parses.
    const char* structure;
};

extern const EmbeddedFile kEmbeddedPackFiles[];
extern const std::size_t kEmbeddedPackFileCount;

std::vector<std::string> builtin_pack_ids();
bool is_builtin_pack(const std::string& id);
// "unknown rubric 'spbe2018'; did you mean 'spbe-2018'? (built-in: spbe-2018, spbe-2020; use --rubric
// PATH for a pack folder)": the one wording for a pack reference that names nothing.
std::string unknown_pack_message(const std::string& ref);

// Reads one whole file from disk: its text, or nullopt with the reason in `error` and `too_large` set
// when a size limit refused it. The cli passes its read_text_file, so that pack files obey
// --max-file-size exactly as evidence files do.
using DiskFileReader =
    std::function<std::optional<std::string>(const std::string& path, std::string& error, bool& too_large)>;

// The files of a pack folder, read with `read_file` (the only disk access of the pack loader); a
// name that does not exist gives nullopt, a FIFO or device is refused without opening it.
PackFileReader folder_reader(const std::string& dir, DiskFileReader read_file);

class PackRegistry {
public:
    // Without `read_file` only the built-in packs can be found (unit tests never touch disk).
    explicit PackRegistry(PackLoadOptions options = {}, DiskFileReader read_file = {})
        : options_(options), read_file_(std::move(read_file)) {}

    // A pack by built-in id or, when `ref` is not a built-in id, by folder path. Diagnostics carry
    // full paths ("rubrics/x/policy.yaml") or "<built-in spbe-2020>/policy.yaml".
    const Pack* get(const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error);

private:
    PackLoadOptions options_;
    DiskFileReader read_file_;
    struct Entry {
        std::unique_ptr<Pack> pack;
        std::vector<Diagnostic> diags;
        bool io_error = false;
    };
    std::map<std::string, Entry> cache_;
};

} // namespace spbe
