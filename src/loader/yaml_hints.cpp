// explain_yaml_error and find_unclosed_quote: yaml-cpp's terse syntax errors ("illegal map value",
// "end of map not found") rewritten, for the common hand-editing mistakes, as one message that names
// the mistake and shows the fix, at the line where the mistake is rather than where the reader gave up.
#include "loader/yaml_hints.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace spbe {

namespace {

struct Line {
    int number = 0;        // 1-based
    std::string_view text; // without the line break
    int indent = 0;        // leading spaces
    bool blank = true;     // nothing but spaces or a comment
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    int number = 1;
    for (std::size_t start = 0; start <= text.size(); ++number) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        Line line{number, text.substr(start, end - start)};
        if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
        while (static_cast<std::size_t>(line.indent) < line.text.size() && line.text[line.indent] == ' ') ++line.indent;
        line.blank = static_cast<std::size_t>(line.indent) == line.text.size() || line.text[line.indent] == '#';
        lines.push_back(line);
        if (end == text.size()) break;
        start = end + 1;
    }
    return lines;
}

// One line read as `[- ][key: ]value`, enough to recognise the mistakes below. Columns are 0-based.
struct Entry {
    bool item = false;      // starts with "- "
    int content = 0;        // column after the indentation and the "- "
    std::string_view key;   // empty when the line holds no `key:`
    int colon = -1;         // column of the ':' that ends the key
    std::string_view value; // after "key: " (or the whole content when there is no key), without a comment
    int value_col = -1;     // -1 when there is no value on the line
};

bool is_quote(char c) { return c == '"' || c == '\''; }

// The column just after the quoted scalar that opens at `open`, or npos when it does not close on the line.
std::size_t after_quoted(std::string_view s, std::size_t open) {
    const char q = s[open];
    for (std::size_t i = open + 1; i < s.size(); ++i) {
        if (q == '"' && s[i] == '\\') ++i;
        else if (s[i] == q && q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') ++i;
        else if (s[i] == q) return i + 1;
    }
    return std::string_view::npos;
}

std::string_view strip_comment(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ')) {
            s = s.substr(0, i);
            break;
        }
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

Entry read_entry(const Line& line) {
    Entry e;
    const std::string_view s = line.text;
    std::size_t p = static_cast<std::size_t>(line.indent);
    if (p < s.size() && s[p] == '-' && (p + 1 == s.size() || s[p + 1] == ' ')) {
        e.item = true;
        ++p;
        while (p < s.size() && s[p] == ' ') ++p;
    }
    e.content = static_cast<int>(p);
    std::size_t key_end = p;
    if (p < s.size() && is_quote(s[p])) {
        key_end = after_quoted(s, p);
        if (key_end == std::string_view::npos || key_end >= s.size() || s[key_end] != ':')
            key_end = std::string_view::npos;
    } else {
        key_end = std::string_view::npos;
        for (std::size_t i = p; i < s.size(); ++i) {
            if (s[i] == '#' && i > p && s[i - 1] == ' ') break;
            if (s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) {
                key_end = i;
                break;
            }
        }
    }
    std::size_t v = p;
    if (key_end != std::string_view::npos && key_end > p) {
        e.key = s.substr(p, key_end - p);
        e.colon = static_cast<int>(key_end);
        v = key_end + 1;
        while (v < s.size() && s[v] == ' ') ++v;
    }
    e.value = strip_comment(s.substr(std::min(v, s.size())));
    if (!e.value.empty()) e.value_col = static_cast<int>(v);
    return e;
}

YamlError at(const Line& line, int col0, std::string message) {
    return YamlError{{line.number, col0 + 1}, std::move(message), true};
}

// `value` written as a YAML quoted scalar: double quotes unless it holds one, then single quotes.
std::string quoted(std::string_view value) {
    if (value.find('"') == std::string_view::npos) return fmt::format("\"{}\"", value);
    std::string out = "'";
    for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string spaces(int n) { return n == 1 ? "1 space" : fmt::format("{} spaces", n); }

bool is_block_indicator(std::string_view value) { return !value.empty() && (value[0] == '|' || value[0] == '>'); }

// The nearest line above `index` that holds something.
const Line* previous_content(const std::vector<Line>& lines, std::size_t index) {
    for (std::size_t i = index; i-- > 0;)
        if (!lines[i].blank) return &lines[i];
    return nullptr;
}

// `name: Pemerintah Kota: Contoh` — the second ': ' makes YAML read a key inside the value.
std::optional<YamlError> colon_in_value(const Line& line) {
    Entry e = read_entry(line);
    if (e.key.empty() || e.value.empty() || is_quote(e.value[0]) || is_block_indicator(e.value)) return std::nullopt;
    if (std::string_view("[{&*!").find(e.value[0]) != std::string_view::npos) return std::nullopt;
    if (e.value.find(": ") == std::string_view::npos && e.value.back() != ':') return std::nullopt;
    return at(line, e.value_col, fmt::format("a value containing ': ' must be quoted: {}: {}", e.key, quoted(e.value)));
}

// `1:4` — without a space after the colon YAML reads one piece of text, and fails on the next line.
std::optional<YamlError> no_space_after_colon(const Line& line) {
    Entry e = read_entry(line);
    if (!e.key.empty() || e.value.empty() || is_quote(e.value[0])) return std::nullopt;
    const std::size_t colon = e.value.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 >= e.value.size()) return std::nullopt;
    if (e.value.find("://") == colon) return std::nullopt; // a URL
    const std::string fixed = fmt::format("{}: {}", e.value.substr(0, colon), e.value.substr(colon + 1));
    return at(line, e.value_col + static_cast<int>(colon),
              fmt::format("'{}' needs a space after the colon: write '{}' (without the space YAML reads '{}' as "
                          "one piece of text, not a key and its value)",
                          e.value, fixed, e.value));
}

// A key indented deeper than the `key: value` line above it, which cannot hold keys.
std::optional<YamlError> over_indented_key(const Line& line, const Line* above) {
    if (!above || line.indent <= above->indent) return std::nullopt;
    Entry e = read_entry(line), a = read_entry(*above);
    if (e.key.empty() || e.item || a.key.empty() || a.value.empty() || is_block_indicator(a.value)) return std::nullopt;
    return at(line, line.indent,
              fmt::format("'{}' is indented more than '{}' on line {}: keys of one mapping start in the same column "
                          "(indent '{}' by {} like '{}')",
                          e.key, a.key, above->number, e.key, spaces(a.content), a.key));
}

// A text after the closing quote of a value: `name: "X"y`.
std::optional<YamlError> text_after_quote(const Line& line) {
    Entry e = read_entry(line);
    if (e.key.empty() || e.value.empty() || !is_quote(e.value[0])) return std::nullopt;
    const std::size_t end = after_quoted(e.value, 0);
    if (end == std::string_view::npos || end >= e.value.size()) return std::nullopt;
    return at(
        line, e.value_col + static_cast<int>(end),
        fmt::format("the value of '{}' goes on after its closing quote: put the whole value inside the quotes", e.key));
}

// The '[' or '{' that is still open at the error mark.
std::optional<YamlError> unclosed_flow(const std::vector<Line>& lines, int mark_line) {
    struct Open {
        const Line* line;
        int col;
        char c;
    };
    std::vector<Open> open;
    for (const Line& line : lines) {
        if (line.number > mark_line) break;
        const std::string_view s = line.text;
        std::size_t i = 0;
        if (open.empty()) { // outside a flow, one can only open where a value starts
            Entry e = read_entry(line);
            if (e.value_col < 0 || (s[e.value_col] != '[' && s[e.value_col] != '{')) continue;
            i = static_cast<std::size_t>(e.value_col);
        }
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (c == '#' && (i == 0 || s[i - 1] == ' ')) break;
            if (is_quote(c)) {
                const std::size_t end = after_quoted(s, i);
                if (end == std::string_view::npos) break;
                i = end - 1;
            } else if (c == '[' || c == '{') {
                open.push_back({&line, static_cast<int>(i), c});
            } else if ((c == ']' || c == '}') && !open.empty()) {
                open.pop_back();
                if (open.empty()) break;
            }
        }
    }
    if (open.empty()) return std::nullopt;
    const Open& o = open.back();
    return at(*o.line, o.col,
              o.c == '['
                  ? fmt::format("the list opened with '[' on line {} is not closed: end it with ']' (e.g. [2, 3]), or "
                                "write the items on their own lines as '- item'",
                                o.line->number)
                  : fmt::format("the mapping opened with '{{' on line {} is not closed: end it with '}}' (e.g. "
                                "{{name: X}}), or write its keys on their own lines",
                                o.line->number));
}

// List items ('- ') and keys mixed at one indentation.
std::optional<YamlError> mixed_items_and_keys(const Line& line, const std::vector<Line>& lines, std::size_t index) {
    Entry e = read_entry(line);
    for (std::size_t i = index; i-- > 0;) {
        const Line& other = lines[i];
        if (other.blank || other.indent > line.indent) continue;
        if (other.indent < line.indent) return std::nullopt;
        Entry o = read_entry(other);
        if (o.item == e.item) return std::nullopt;
        const std::string here =
            e.item ? fmt::format("a list item ('- {}')", e.value.substr(0, 20)) : fmt::format("a key ('{}:')", e.key);
        const std::string_view there = o.item ? std::string_view("list items ('- ')") : std::string_view("keys");
        return at(line, line.indent,
                  fmt::format("{} follows {} at the same indentation (line {}): write every entry as 'key: value', "
                              "or every entry as a '- ' list item, not both",
                              here, there, other.number));
    }
    return std::nullopt;
}

// A line whose indentation lines up with no open mapping or list above it.
std::optional<YamlError> indentation_matches_nothing(const Line& line, const std::vector<Line>& lines,
                                                     std::size_t index) {
    struct Level {
        int indent;
        const Line* line;
        std::string_view what;
    };
    std::vector<Level> levels;
    int limit = 1 << 30;
    for (std::size_t i = index; i-- > 0 && limit > 0;) {
        const Line& other = lines[i];
        if (other.blank || other.indent >= limit) continue;
        Entry o = read_entry(other);
        if (o.item && o.content < limit && !o.key.empty()) levels.push_back({o.content, &other, o.key});
        levels.push_back({other.indent, &other, o.item ? std::string_view("- ") : o.key});
        limit = other.indent;
    }
    if (levels.empty()) return std::nullopt;
    if (std::any_of(levels.begin(), levels.end(), [&](const Level& l) { return l.indent == line.indent; }))
        return std::nullopt;
    const Level* lower = nullptr;
    const Level* higher = nullptr;
    for (const Level& l : levels) {
        if (l.indent < line.indent && (!lower || l.indent > lower->indent)) lower = &l;
        if (l.indent > line.indent && (!higher || l.indent < higher->indent)) higher = &l;
    }
    auto like = [](const Level& l) {
        return l.what == "- " ? fmt::format("the '- ' on line {}", l.line->number)
                              : fmt::format("'{}' on line {}", l.what, l.line->number);
    };
    std::string choices;
    if (lower && higher)
        choices = fmt::format("{} (like {}) or {} (like {})", spaces(lower->indent), like(*lower),
                              spaces(higher->indent), like(*higher));
    else {
        const Level& l = lower ? *lower : *higher;
        choices = fmt::format("{} (like {})", spaces(l.indent), like(l));
    }
    return at(line, line.indent,
              fmt::format("line {} is indented by {}, which lines up with nothing above it: indent it by {}",
                          line.number, spaces(line.indent), choices));
}

} // namespace

std::optional<YamlError> explain_yaml_error(std::string_view text, const YamlError& error) {
    if (error.own || error.pos.line <= 0) return std::nullopt;
    const std::vector<Line> lines = split_lines(text);
    const std::size_t index = static_cast<std::size_t>(error.pos.line - 1);
    if (index >= lines.size()) return std::nullopt;
    const Line& line = lines[index];
    const Line* above = previous_content(lines, index);
    const std::string_view m = error.message;
    if (m == "illegal map value") {
        if (auto h = colon_in_value(line)) return h;
        if (above)
            if (auto h = no_space_after_colon(*above)) return h;
        if (auto h = over_indented_key(line, above)) return h;
    } else if (m == "end of map not found" || m == "end of sequence not found") {
        if (auto h = text_after_quote(line)) return h;
        if (above)
            if (auto h = no_space_after_colon(*above)) return h;
        if (auto h = mixed_items_and_keys(line, lines, index)) return h;
        if (auto h = indentation_matches_nothing(line, lines, index)) return h;
    } else if (m == "end of sequence flow not found" || m == "end of map flow not found") {
        if (auto h = unclosed_flow(lines, error.pos.line)) return h;
    } else if (m == "illegal block entry") {
        Entry e = read_entry(line);
        if (!e.key.empty() && e.value.substr(0, 2) == "- ") {
            const std::string_view item = e.value.substr(2);
            return at(
                line, e.value_col,
                fmt::format("a list cannot start on the line of its key: put '{}' on the next line, indented "
                            "under '{}:'{}",
                            e.value, e.key,
                            item.find(": ") == std::string_view::npos ? fmt::format(", or write [{}]", item) : ""));
        }
    } else if (m == "unknown token") {
        const auto col = static_cast<std::size_t>(error.pos.col - 1);
        Entry e = read_entry(line);
        if (col < line.text.size() && (line.text[col] == '@' || line.text[col] == '`') && !e.key.empty() &&
            e.value_col == static_cast<int>(col))
            return at(line, e.value_col,
                      fmt::format("a value cannot start with '{}' unless it is quoted: {}: {}", line.text[col], e.key,
                                  quoted(e.value)));
    }
    return std::nullopt;
}

std::optional<YamlError> find_unclosed_quote(std::string_view text) {
    const std::vector<Line> lines = split_lines(text);
    int block_indent = -1; // inside a block scalar or a multi-line plain value: lines deeper than this
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.blank) continue;
        if (block_indent >= 0 && line.indent > block_indent) continue;
        block_indent = -1;
        Entry e = read_entry(line);
        if (e.value_col < 0) continue;
        if (!is_quote(e.value[0])) {
            // Deeper lines continue this value (a block scalar, a multi-line plain text); a list item's
            // own keys sit at its content column and are read as lines of their own.
            block_indent = e.item && !e.key.empty() ? e.content : line.indent;
            continue;
        }
        // A quoted value: find its end on this line or a later one.
        const std::size_t open = static_cast<std::size_t>(e.value_col);
        if (after_quoted(line.text, open) != std::string_view::npos) continue;
        const std::size_t from = static_cast<std::size_t>(line.text.data() - text.data()) + open;
        const std::string_view rest = text.substr(from);
        const std::size_t end = after_quoted(rest, 0);
        if (end == std::string_view::npos)
            return at(line, e.value_col,
                      fmt::format("the {} quote opened here is never closed, so everything after it would be read as "
                                  "this value: end the value with {}",
                                  rest[0] == '"' ? "double" : "single", rest[0]));
        const std::size_t end_offset = from + end;
        while (i + 1 < lines.size() && static_cast<std::size_t>(lines[i + 1].text.data() - text.data()) < end_offset)
            ++i;
    }
    return std::nullopt;
}

} // namespace spbe
