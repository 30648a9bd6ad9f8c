// Shared by the libFuzzer targets: the check that stops a run on a broken invariant (a trap, which
// libFuzzer and the replay runner both report with the input), and the output invariants they assert.
#pragma once

#include <cstddef>
#include <string_view>

namespace spbe::fuzz {

// Stops the process on a broken invariant; a trap rather than assert() so that it also fires in
// release builds, where the corpus replay runs.
inline void require(bool holds) {
    if (!holds) __builtin_trap();
}

// Well-formed UTF-8 (RFC 3629: shortest forms only, no surrogates, nothing above U+10FFFF).
inline bool valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        size_t extra = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 4;
        if (extra == 4 || s.size() - i <= extra) return false;
        unsigned long cp = c & (0x7fu >> extra);
        for (size_t k = 1; k <= extra; ++k) {
            auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3fu);
        }
        static constexpr unsigned long kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMinimum[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        i += extra + 1;
    }
    return true;
}

// JSON as JsonWriter lays it out: valid UTF-8, and no control byte but the line breaks between
// values (inside strings every control character must have been escaped).
inline bool plausible_json(std::string_view s) {
    if (!valid_utf8(s)) return false;
    for (char ch : s)
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n') return false;
    return !s.empty() && (s.front() == '{' || s.front() == '[');
}

} // namespace spbe::fuzz
