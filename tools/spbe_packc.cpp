// spbe_packc RUBRICS_DIR OUT_DIR: validates every rubric pack under RUBRICS_DIR with the real loader
// (the build fails on an invalid shipped pack) and writes its structure-only copy to OUT_DIR/<pack>/.
// Build-time host tool; not installed.
#include "loader/pack_loader.hpp"
#include "loader/pack_strip.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

spbe::PackFileReader reader_for(const fs::path& dir) {
    return [dir](const std::string& name) -> std::optional<std::string> {
        std::ifstream in(dir / name, std::ios::binary);
        if (!in) return std::nullopt;
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
}

void print(std::vector<spbe::Diagnostic> diags, const fs::path& dir) {
    for (auto& d : diags) {
        d.file = (dir / d.file).string();
        std::cerr << spbe::format_diagnostic(d) << "\n";
    }
}

// Writes only when the content changes, so that an unchanged pack does not trigger a rebuild.
bool write_if_changed(const fs::path& path, const std::string& text) {
    if (auto old = reader_for(path.parent_path())(path.filename().string()).text; old && *old == text) return true;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return static_cast<bool>(out);
}

int compile_pack(const fs::path& dir, const fs::path& out_dir) {
    spbe::PackLoad full = spbe::load_pack(reader_for(dir), spbe::PackLoadOptions{true});
    print(full.diags, dir);
    if (!full.pack) {
        std::cerr << "spbe_packc: error: rubric pack " << dir.string() << " is invalid\n";
        return 1;
    }
    fs::create_directories(out_dir);
    std::vector<std::string> names{spbe::kManifestName};
    names.insert(names.end(), full.pack->files.begin(), full.pack->files.end());
    for (const auto& name : names) {
        auto stripped = spbe::strip_pack_file(*reader_for(dir)(name).text, name == spbe::kManifestName);
        if (!stripped || !write_if_changed(out_dir / name, *stripped)) {
            std::cerr << "spbe_packc: error: cannot write the structure-only copy of " << (dir / name).string() << "\n";
            return 1;
        }
    }
    // The copy must load on its own and describe exactly the same structure.
    spbe::PackLoad lean = spbe::load_pack(reader_for(out_dir), spbe::PackLoadOptions{false});
    print(lean.diags, out_dir);
    if (!lean.pack || spbe::pack_structure(*lean.pack) != spbe::pack_structure(*full.pack)) {
        std::cerr << "spbe_packc: error: the structure-only copy of " << dir.string() << " differs from the pack\n";
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: spbe_packc RUBRICS_DIR OUT_DIR\n";
        return 2;
    }
    fs::path rubrics = argv[1], out = argv[2];
    std::vector<fs::path> dirs;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(rubrics, ec))
        if (entry.is_directory() && fs::exists(entry.path() / spbe::kManifestName)) dirs.push_back(entry.path());
    if (ec) {
        std::cerr << "spbe_packc: error: cannot list " << rubrics.string() << ": " << ec.message() << "\n";
        return 1;
    }
    std::sort(dirs.begin(), dirs.end());
    int code = 0;
    for (const auto& dir : dirs) code = std::max(code, compile_pack(dir, out / dir.filename()));
    return code;
}
