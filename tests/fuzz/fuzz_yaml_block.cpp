// libFuzzer target: whenever the hand-written block-YAML reader accepts a text, yaml-cpp must read
// the same document from it (same kinds, texts and positions); otherwise it must decline, never crash.
// Build with -DSPBE_FUZZ=ON using clang (see README.md, Development); corpus in corpus/fuzz_yaml_block/.
#include "loader/yaml_tree.hpp"
#include "../test_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    spbe::YamlDocument fast;
    if (!fast.parse_block_subset(text)) return 0;
    spbe::YamlDocument reference;
    spbe::YamlError error;
    if (!reference.parse_yaml_cpp(text, error)) __builtin_trap(); // accepted a text yaml-cpp refuses
    if (!spbe::test::yaml_difference(fast.root(), reference.root()).empty()) __builtin_trap(); // read it differently
    return 0;
}
