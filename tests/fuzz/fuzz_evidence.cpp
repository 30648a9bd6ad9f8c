// libFuzzer target: any bytes as an evidence file must give a result or diagnostics, never a crash,
// hang or sanitizer report, through BOTH YAML readers: a text the block reader takes is read again
// with a tab comment appended (the block reader declines tabs, so yaml-cpp reads it) and must give
// the same diagnostics and the same score. Build with -DSPBE_FUZZ=ON using clang (README, Development).
#include "fuzz_support.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "loader/yaml_tree.hpp"
#include "scoring/score.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct Outcome {
    std::vector<spbe::Diagnostic> diags;
    std::optional<spbe::Rational> index;
};

Outcome load(const std::string& text) {
    static spbe::PackRegistry registry(spbe::PackLoadOptions{false});
    Outcome out;
    spbe::EvidenceParse parsed = spbe::parse_evidence(text);
    out.diags = std::move(parsed.diags);
    if (!parsed.file) return out;
    std::vector<spbe::Diagnostic> pack_diags;
    bool io = false;
    const std::string ref = parsed.file->rubric == "spbe-2018" ? "spbe-2018" : "spbe-2020";
    const spbe::Pack* pack = registry.get(ref, pack_diags, io);
    spbe::fuzz::require(pack != nullptr); // a built-in pack always loads
    spbe::validate_evidence(*parsed.file, *pack, out.diags);
    if (!spbe::has_errors(out.diags)) {
        auto result = spbe::score_evidence(*pack, *parsed.file, spbe::Basis::verified);
        spbe::fuzz::require(result.has_value()); // a valid file must always score
        out.index = result->score.index;
    }
    return out;
}

bool same(const std::vector<spbe::Diagnostic>& a, const std::vector<spbe::Diagnostic>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tie(a[i].pos.line, a[i].pos.col, a[i].severity, a[i].message, a[i].rule) !=
            std::tie(b[i].pos.line, b[i].pos.col, b[i].severity, b[i].message, b[i].rule))
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    Outcome first = load(text);
    spbe::YamlDocument probe;
    if (!probe.parse_block_subset(text)) return 0; // yaml-cpp read it already
    // A comment line after the document changes nothing in YAML, but its tab is outside the block subset.
    std::string variant = text + "#\t\n";
    spbe::fuzz::require(!probe.parse_block_subset(variant));
    Outcome second = load(variant);
    spbe::fuzz::require(same(first.diags, second.diags));
    spbe::fuzz::require(first.index == second.index);
    return 0;
}
