// Corpus replay for the normal (g++) build: feeds every file of the given files and folders to a fuzz
// target's LLVMFuzzerTestOneInput, once each, so ctest runs the committed corpora without clang or
// libFuzzer. A broken invariant traps and ctest reports the crash; the file being run is printed first.
#include "../test_support.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        if (fs::is_directory(arg)) {
            for (const auto& entry : fs::recursive_directory_iterator(arg))
                if (entry.is_regular_file()) files.push_back(entry.path());
        } else if (fs::is_regular_file(arg)) {
            files.push_back(arg);
        } else {
            std::fprintf(stderr, "replay: %s: no such file or folder\n", argv[i]);
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "replay: no corpus files given\n");
        return 2; // an empty corpus would pass while checking nothing
    }
    for (const auto& path : files) {
        std::fprintf(stderr, "replay: %s\n", path.string().c_str());
        const auto bytes = spbe::test::read_bytes(path);
        if (!bytes) {
            std::fprintf(stderr, "replay: %s: cannot read\n", path.string().c_str());
            return 2;
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
    }
    std::printf("replayed %zu inputs\n", files.size());
    return 0;
}
