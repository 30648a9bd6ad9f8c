// Access to the embedded rubric packs and to pack folders on disk, with a per-run cache so that a
// batch parses each pack once.
#include "loader/builtin_packs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace spbe {

namespace {

// Computed once (thread-safe static initialisation): batch scoring asks for every input.
const std::vector<std::string>& pack_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < kEmbeddedPackFileCount; ++i)
            if (std::find(out.begin(), out.end(), kEmbeddedPackFiles[i].pack) == out.end())
                out.emplace_back(kEmbeddedPackFiles[i].pack);
        return out;
    }();
    return ids;
}

} // namespace

std::vector<std::string> builtin_pack_ids() { return pack_ids(); }

bool is_builtin_pack(const std::string& id) {
    const auto& ids = pack_ids();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string unknown_pack_message(const std::string& ref) {
    std::string known;
    for (const auto& id : pack_ids()) known += (known.empty() ? "" : ", ") + id;
    const std::string hint = closest_match(ref, pack_ids());
    return fmt::format("unknown rubric '{}'{} (built-in: {}; use --rubric PATH for a pack folder)", excerpt(ref),
                       hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint), known);
}

PackFileReader folder_reader(const std::string& dir, DiskFileReader read_file) {
    return [dir, read_file = std::move(read_file)](const std::string& name) -> PackFileText {
        namespace fs = std::filesystem;
        std::string path = (fs::path(dir) / name).string();
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (status.type() == fs::file_type::not_found) return {}; // does not exist
        PackFileText out;
        // Opening a FIFO would wait for a writer forever; pack files are always plain files.
        if (fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status)) {
            out.error = "not a regular file";
            return out;
        }
        if (!read_file) {
            out.error = "pack folders cannot be read here";
            return out;
        }
        out.text = read_file(path, out.error, out.too_large);
        if (!out.text && out.error.empty()) out.error = "cannot be read";
        return out;
    };
}

namespace {

// Without text, the structure-only copy: it was validated with its text at build time, so a
// diagnostic can never point into it.
PackFileReader embedded_reader(const std::string& id, bool with_text) {
    return [id, with_text](const std::string& name) -> std::optional<std::string> {
        for (std::size_t i = 0; i < kEmbeddedPackFileCount; ++i)
            if (id == kEmbeddedPackFiles[i].pack && name == kEmbeddedPackFiles[i].name)
                return std::string(with_text ? kEmbeddedPackFiles[i].text : kEmbeddedPackFiles[i].structure);
        return std::nullopt;
    };
}

} // namespace

const Pack* PackRegistry::get(const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error) {
    auto it = cache_.find(ref);
    if (it == cache_.end()) {
        Entry entry;
        bool builtin = is_builtin_pack(ref);
        PackFileReader reader = builtin ? embedded_reader(ref, options_.with_text) : folder_reader(ref, read_file_);
        PackLoad load = load_pack(reader, options_);
        std::string prefix = builtin ? "<built-in " + ref + ">" : ref;
        for (auto& d : load.diags) d.file = (std::filesystem::path(prefix) / d.file).string();
        entry.diags = std::move(load.diags);
        entry.io_error = load.io_error;
        if (load.pack) {
            load.pack->origin = builtin ? "built-in" : ref;
            entry.pack = std::make_unique<Pack>(std::move(*load.pack));
        }
        it = cache_.emplace(ref, std::move(entry)).first;
    }
    diags.insert(diags.end(), it->second.diags.begin(), it->second.diags.end());
    io_error = io_error || it->second.io_error;
    return it->second.pack.get();
}

} // namespace spbe
