// Variable-length unsigned integers (7 bits a byte, low bits first), the length prefix of the
// batch pipeline's compact byte forms: front-coded paths, spooled rows and spool entries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace spbe {

inline void put_varint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

// Reads one varint from the front of `in` and consumes it; false when `in` ends inside it.
inline bool get_varint(std::string_view& in, uint64_t& v) {
    v = 0;
    for (size_t i = 0; i < in.size() && i < 10; ++i) {
        auto b = static_cast<unsigned char>(in[i]);
        v |= static_cast<uint64_t>(b & 0x7f) << (7 * i);
        if (!(b & 0x80)) {
            in.remove_prefix(i + 1);
            return true;
        }
    }
    return false;
}

} // namespace spbe
