// The rubric packs compiled into the binary (generated from rubrics/ at build time), and a
// registry that finds a pack by id or loads one from a folder, each parsed at most once per run.
#pragma once

#include "loader/pack_loader.hpp"

#include <cstddef>
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

// Reads the files of a pack folder from disk (the only disk access of the pack loader).
PackFileReader folder_reader(const std::string& dir);

class PackRegistry {
public:
    explicit PackRegistry(PackLoadOptions options = {}) : options_(options) {}

    // A pack by built-in id or, when `ref` is not a built-in id, by folder path. Diagnostics carry
    // full paths ("rubrics/x/policy.yaml") or "<built-in spbe-2020>/policy.yaml".
    const Pack* get(const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error);

private:
    PackLoadOptions options_;
    struct Entry {
        std::unique_ptr<Pack> pack;
        std::vector<Diagnostic> diags;
        bool io_error = false;
    };
    std::map<std::string, Entry> cache_;
};

} // namespace spbe
