// check_yaml_text: one pass over the bytes of a YAML text that refuses what neither reader should
// see (UTF-16, binary data, non-UTF-8 bytes, tab indentation), so both readers refuse it alike and
// every string taken from the text (names, notes) is valid UTF-8 in every output.
#include "loader/yaml_text.hpp"

#include <fmt/format.h>

namespace spbe {

namespace {

// Length of the UTF-8 sequence starting at s[i] (1 to 4), or 0 when it is not valid UTF-8: no
// overlong forms, no surrogates, nothing above U+10FFFF (the rules of RFC 3629).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    auto cont = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
    unsigned c = byte(0);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned c1 = byte(1);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return 0;
        return cont(1) && cont(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned c1 = byte(1);
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return 0;
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

YamlError refusal(int line, std::size_t col, std::string message) {
    return YamlError{{line, static_cast<int>(col) + 1}, std::move(message), true};
}

} // namespace

std::string_view strip_utf8_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

std::optional<YamlError> check_yaml_text(std::string_view text, std::string_view what) {
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF" ||
        text.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
        return refusal(1, 0, "UTF-16 text (or UTF-32); save the file as UTF-8");
    std::optional<YamlError> encoding; // the first non-UTF-8 byte; binary data anywhere wins over it
    std::optional<YamlError> tab;      // the first tab in an indentation
    int line = 1;
    std::size_t line_start = 0;
    bool indenting = true; // still in the leading blanks of the line
    std::size_t first_tab = std::string_view::npos;
    // The first character of a line that is not blank: a tab before it indents (a comment may follow tabs).
    auto content = [&](unsigned char c) {
        if (first_tab != std::string_view::npos && c != '#' && !tab)
            tab = refusal(line, first_tab - line_start,
                          "tab used for indentation; YAML indents with spaces (replace the tab with spaces)");
        indenting = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80) { // printable ASCII: the fast path
            if (indenting && c != ' ') content(c);
            ++i;
            continue;
        }
        if (c == '\n') {
            ++line;
            line_start = ++i;
            indenting = true;
            first_tab = std::string_view::npos;
            continue;
        }
        if (c == '\t' || c == '\r') {
            if (c == '\t' && indenting && first_tab == std::string_view::npos) first_tab = i;
            ++i;
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            return refusal(line, i - line_start,
                           c == 0 ? fmt::format("binary data (NUL byte); {} is YAML text", what)
                                  : fmt::format("binary data (control byte 0x{:02X}); {} is YAML text", c, what));
        std::size_t n = utf8_length(text, i);
        if (n == 0) {
            if (!encoding)
                encoding =
                    refusal(line, i - line_start,
                            fmt::format("not UTF-8 (byte 0x{:02X}); save the file as UTF-8 (in the editor: Save as, "
                                        "encoding UTF-8; or iconv -f windows-1252 -t utf-8 OLD > NEW)",
                                        c));
            n = 1;
        }
        if (indenting) content(c);
        i += n;
    }
    if (encoding) return encoding;
    return tab;
}

} // namespace spbe
