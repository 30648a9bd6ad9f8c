// libFuzzer target: any bytes as a one-file rubric pack (manifest + group file split at a "---"
// line) must load or give diagnostics, never crash; a pack that loads must score any on-scale levels.
#include "loader/pack_loader.hpp"
#include "scoring/score.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    std::string manifest = text, group;
    if (auto cut = text.find("\n---\n"); cut != std::string::npos) {
        manifest = text.substr(0, cut + 1);
        group = text.substr(cut + 5);
    }
    spbe::PackLoad load = spbe::load_pack([&](const std::string& name) -> std::optional<std::string> {
        if (name == spbe::kManifestName) return manifest;
        return group;
    });
    if (!load.pack) return 0;
    try {
        std::vector<int> levels;
        for (const auto& ind : load.pack->indicators) levels.push_back(load.pack->scale_of(ind).max());
        spbe::Score s = spbe::score_levels(*load.pack, levels);
        (void)s;
    } catch (const spbe::RationalOverflow&) {
        // Reported to the user as an input error by the CLI.
    }
    return 0;
}
