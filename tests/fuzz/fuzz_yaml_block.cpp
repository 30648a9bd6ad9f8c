// libFuzzer target: whenever the hand-written block-YAML reader accepts a text, yaml-cpp must read
// the same document from it (same kinds, texts and positions); otherwise it must decline, never crash.
// Build with -DSPBE_FUZZ=ON using clang (see docs/ARCHITECTURE.md); seeds in corpus_evidence/.
#include "loader/yaml_tree.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

bool same(spbe::YamlNode a, spbe::YamlNode b) {
    if (a.Type() != b.Type()) return false;
    if (!a.IsDefined()) return true;
    if (a.pos().line != b.pos().line || a.pos().col != b.pos().col) return false;
    if (a.Scalar() != b.Scalar() || a.size() != b.size()) return false;
    if (a.IsSequence()) {
        auto it = b.begin();
        for (spbe::YamlNode x : a)
            if (!same(x, *it++)) return false;
    }
    if (a.IsMap()) {
        auto it = b.pairs().begin();
        for (auto [k, v] : a.pairs()) {
            auto other = *it++;
            if (!same(k, other.key) || !same(v, other.value)) return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    spbe::YamlDocument fast;
    if (!fast.parse_block_subset(text)) return 0;
    spbe::YamlDocument reference;
    spbe::YamlError error;
    if (!reference.parse_yaml_cpp(text, error)) __builtin_trap(); // accepted a text yaml-cpp refuses
    if (!same(fast.root(), reference.root())) __builtin_trap();   // read it differently
    return 0;
}
