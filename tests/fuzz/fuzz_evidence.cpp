// libFuzzer target: any bytes as an evidence file must give a result or diagnostics, never a crash,
// hang or sanitizer report. Build with -DSPBE_FUZZ=ON using clang (see README.md, Development).
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "scoring/score.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static spbe::PackRegistry registry(spbe::PackLoadOptions{false});
    std::string text(reinterpret_cast<const char*>(data), size);
    spbe::EvidenceParse parsed = spbe::parse_evidence(text);
    if (!parsed.file) return 0;
    std::vector<spbe::Diagnostic> diags;
    bool io = false;
    const spbe::Pack* pack = registry.get(parsed.file->rubric == "spbe-2018" ? "spbe-2018" : "spbe-2020", diags, io);
    if (!pack) return 0;
    spbe::validate_evidence(*parsed.file, *pack, parsed.diags);
    if (!spbe::has_errors(parsed.diags)) {
        auto result = spbe::score_evidence(*pack, *parsed.file, spbe::Basis::verified);
        if (!result) __builtin_trap(); // a valid file must always score
    }
    return 0;
}
