// YamlDocument::parse_block_subset: a hand-written reader for the plain block YAML evidence files are
// written in, at about a thirtieth of the instructions of yaml-cpp's scanner. It declines (returns
// false) anything outside that subset, so yaml-cpp still reads every other text and reports every error.
#include "loader/yaml_tree.hpp"

#include <cassert>
#include <cstring>

namespace spbe {

// The subset, line by line (every byte printable ASCII or UTF-8, '\n' line ends, a final '\n'):
//   block maps `key: value` (plain or one-line quoted keys); block lists `- item`, also a map's list at
//   the key's own indentation and `- key: value` maps opened on the item's line; plain scalars on one
//   line; one-line quoted scalars without escapes other than ''; `[]` and `{}`; folded and literal
//   block scalars (`>`, `>-`, `|`, `|-`) whose lines share one indentation; comments; an empty value
//   before a later line; a leading `---`. Declined: flow collections, anchors, aliases, tags,
//   directives, multi-line plain or quoted scalars, tabs, CR, a BOM, a second document, and anything
//   yaml-cpp could read differently (test_loader_yaml_block and fuzz_yaml_block hold it to that).
// Nodes get yaml-cpp's marks: a collection at its first key or dash, a scalar at its first character
// (the quote or block indicator), an empty value at the next token.
class YamlBlockParser {
public:
    YamlBlockParser(YamlDocument& doc, std::string_view text)
        : doc_(doc), begin_(text.data()), end_(text.data() + text.size()), p_(begin_), line_start_(begin_) {}

    bool run() {
        if (!plain_bytes()) return false;
        // The final-newline rule: every pointer read below (p_[1], k[1], scans and memchr to the next
        // '\n') stops at a '\n' before end_, and never reads past the text, only because of this.
        assert(end_ != begin_ && end_[-1] == '\n');
        opening_ = true;                        // a `---` may open the document
        if (!next_content(false)) return false; // only comments: yaml-cpp gives an undefined root
        opening_ = false;
        if (col() == 0 && starts_with("---")) {
            if (!is_blank_or_break(p_[3])) return false;
            p_ += 3;
            if (!rest_is_comment()) return false;
            if (!next_content(false)) return false;
        }
        std::uint32_t root = 0;
        if (is_dash_item()) {
            if (!seq(col(), false, root)) return false;
        } else if (key_end(p_)) {
            if (!map(col(), root)) return false;
        } else {
            return false;
        }
        if (p_ != end_) return false; // text after the root node
        doc_.root_ = root;
        return true;
    }

private:
    static constexpr int kMaxDepth = YamlDocument::kMaxDepth; // deeper: yaml-cpp reads it and refuses it
    static constexpr std::ptrdiff_t kMaxKey = 512;            // yaml-cpp limits simple keys to 1024 characters

    // Bytes outside the subset anywhere decline the whole text: tabs and CR change indentation and line
    // ends, other control bytes are invalid, a leading non-ASCII byte may be a BOM or UTF-16.
    bool plain_bytes() const {
        if (begin_ == end_ || end_[-1] != '\n' || static_cast<unsigned char>(*begin_) >= 0x80) return false;
        for (const char* q = begin_; q != end_; ++q) {
            auto c = static_cast<unsigned char>(*q);
            if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
        }
        return true;
    }

    static bool is_blank_or_break(char c) { return c == ' ' || c == '\n'; }
    int col() const { return static_cast<int>(p_ - line_start_); }
    bool starts_with(const char* s) const {
        std::size_t n = std::strlen(s);
        return static_cast<std::size_t>(end_ - p_) >= n && std::memcmp(p_, s, n) == 0;
    }
    bool is_dash_item() const { return *p_ == '-' && is_blank_or_break(p_[1]); }
    void start_line(const char* at) {
        p_ = at;
        line_start_ = at;
        ++line_;
    }

    // After a node on the current line: only spaces and a comment (after a space) may follow.
    bool rest_is_comment() {
        assert(p_ < end_); // on a line, so its '\n' lies ahead (the final-newline rule)
        const char* start = p_;
        while (*p_ == ' ') ++p_;
        if (*p_ == '#') {
            if (p_ == start) return false;
            p_ = static_cast<const char*>(std::memchr(p_, '\n', static_cast<std::size_t>(end_ - p_)));
        }
        return *p_ == '\n';
    }

    // From the '\n' ending a line (or the start of a line), moves to the first character of the next
    // line holding a token (not blank, not a comment); false at the end of the text. `strict` declines a comment line
    // indented deeper than `max_indent` and any content line deeper than it (after a scalar, yaml-cpp may read such a
    // line as more of the scalar). A document marker at column 0 declines.
    bool next_content(bool strict, int max_indent = 0) {
        if (p_ != end_ && *p_ == '\n') start_line(p_ + 1);
        while (p_ != end_) {
            const char* q = p_;
            while (*q == ' ') ++q;
            if (*q == '\n') {
                start_line(q + 1);
                continue;
            }
            int indent = static_cast<int>(q - p_);
            if (strict && indent > max_indent) return fail();
            if (*q == '#') {
                start_line(static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(end_ - q))) + 1);
                continue;
            }
            if (indent == 0 && end_ - q >= 3 && (std::memcmp(q, "---", 3) == 0 || std::memcmp(q, "...", 3) == 0) &&
                !(opening_ && *q == '-'))
                return fail();
            p_ = q;
            return true;
        }
        return false;
    }

    bool fail() {
        failed_ = true;
        return false;
    }

    // The ':' that ends a key starting at `q` on this line, or nullptr when the line is not `key: ...`
    // (the key plain or quoted, on one line, before any comment).
    const char* key_end(const char* q) const {
        assert(q < end_); // the scans below stop at the line's '\n' (the final-newline rule)
        const char* k = q;
        if (*k == '"' || *k == '\'') {
            std::string ignored;
            if (!quoted(k, ignored)) return nullptr;
            while (*k == ' ') ++k;
            if (*k != ':' || !is_blank_or_break(k[1])) return nullptr;
            return k - q <= kMaxKey ? k : nullptr;
        }
        if (!plain_start(q)) return nullptr;
        for (; *k != '\n'; ++k) {
            if (*k == ':' && is_blank_or_break(k[1])) return k - q <= kMaxKey ? k : nullptr;
            if (*k == ' ' && k[1] == '#') return nullptr;
        }
        return nullptr;
    }

    // A quoted scalar on one line from its opening quote at `q`; leaves `q` after the closing quote.
    // Declines escapes in double quotes (yaml-cpp decodes them) and line breaks (they fold).
    static bool quoted(const char*& q, std::string& value) {
        const char quote = *q++;
        for (;; ++q) {
            if (*q == '\n' || (quote == '"' && *q == '\\')) return false;
            if (*q == quote) {
                if (quote == '"' || q[1] != '\'') break;
                ++q; // '' is one quote
            }
            value += *q;
        }
        ++q;
        return true;
    }

    // yaml-cpp's rule for the first character of a plain scalar, narrowed: no indicator at all.
    static bool plain_start(const char* q) {
        switch (*q) {
        case ' ':
        case '\n':
        case ',':
        case '[':
        case ']':
        case '{':
        case '}':
        case '#':
        case '&':
        case '*':
        case '!':
        case '|':
        case '>':
        case '\'':
        case '"':
        case '%':
        case '@':
        case '`':
        case '-':
        case '?':
        case ':': return false;
        default: return true;
        }
    }

    std::uint32_t add(YamlKind kind, int line, int column) {
        auto index = static_cast<std::uint32_t>(doc_.items_.size());
        doc_.items_.push_back({line, column, 0, 0, kind});
        return index;
    }

    std::uint32_t add_scalar(int line, int column, std::string_view value) {
        std::uint32_t index = add(YamlKind::Scalar, line, column);
        auto& item = doc_.items_[index];
        item.first = static_cast<std::uint32_t>(doc_.text_.size());
        item.count = static_cast<std::uint32_t>(value.size());
        doc_.text_.append(value);
        return index;
    }

    // A plain scalar that yaml-cpp reports as null (OnNull) rather than as text.
    std::uint32_t add_plain(int line, int column, std::string_view value) {
        if (value == "~" || value == "null" || value == "Null" || value == "NULL")
            return add(YamlKind::Null, line, column);
        return add_scalar(line, column, value);
    }

    void close(std::uint32_t index, std::size_t first_pending) {
        auto& item = doc_.items_[index];
        item.first = static_cast<std::uint32_t>(doc_.children_.size());
        item.count = static_cast<std::uint32_t>(pending_.size() - first_pending);
        doc_.children_.insert(doc_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(first_pending),
                              pending_.end());
        pending_.resize(first_pending);
    }

    // A block map whose keys sit at column `indent`; p_ is at its first key. Ends at the first content
    // line indented less (or the end of the text).
    bool map(int indent, std::uint32_t& out) {
        if (++depth_ > kMaxDepth) return fail();
        out = add(YamlKind::Map, line_, indent);
        std::size_t first_pending = pending_.size();
        for (;;) {
            const char* colon = key_end(p_);
            if (!colon) return fail();
            if (*p_ == '"' || *p_ == '\'') {
                int column = col();
                scratch_.clear();
                quoted(p_, scratch_);
                pending_.push_back(add_scalar(line_, column, scratch_));
            } else {
                const char* key_last = colon;
                while (key_last[-1] == ' ') --key_last;
                pending_.push_back(
                    add_plain(line_, col(), std::string_view(p_, static_cast<std::size_t>(key_last - p_))));
            }
            p_ = colon + 1;
            std::uint32_t value = 0;
            if (!node(indent, true, value)) return false;
            pending_.push_back(value);
            if (p_ == end_ || col() < indent) break;
            if (col() > indent) return fail();
        }
        close(out, first_pending);
        --depth_;
        return true;
    }

    // A block list whose dashes sit at column `indent`; p_ is at its first dash. A list at its map
    // key's own indentation (`indentless`) also ends at a line of that indentation without a dash.
    bool seq(int indent, bool indentless, std::uint32_t& out) {
        if (++depth_ > kMaxDepth) return fail();
        out = add(YamlKind::Sequence, line_, indent);
        std::size_t first_pending = pending_.size();
        for (;;) {
            if (!is_dash_item()) return fail();
            ++p_;
            std::uint32_t item = 0;
            if (!node(indent, false, item)) return false;
            pending_.push_back(item);
            if (p_ == end_ || col() < indent) break;
            if (col() > indent) return fail();
            if (!is_dash_item()) {
                if (indentless) break;
                return fail();
            }
        }
        close(out, first_pending);
        --depth_;
        return true;
    }

    // The node after `key:` (`in_map`) or `- `; `indent` is the column of the collection holding it.
    // Leaves p_ at the first token of the next content line, or at the end of the text.
    bool node(int indent, bool in_map, std::uint32_t& out) {
        assert(p_ < end_); // after `key:` or `-`, before the line's '\n' (the final-newline rule)
        while (*p_ == ' ') ++p_;
        if (*p_ == '\n' || *p_ == '#') {
            if (*p_ == '#') p_ = static_cast<const char*>(std::memchr(p_, '\n', static_cast<std::size_t>(end_ - p_)));
            if (!next_content(false)) return fail(); // an empty value at the end: yaml-cpp's mark differs
            int c = col();
            if (c > indent) {
                if (is_dash_item()) return seq(c, false, out);
                if (key_end(p_)) return map(c, out);
                return fail(); // a scalar on the next line
            }
            if (in_map && c == indent && is_dash_item()) return seq(c, true, out);
            out = add(YamlKind::Null, line_, c);
            return true;
        }
        int line = line_, column = col();
        switch (*p_) {
        case '"':
        case '\'': return in_map || !key_end(p_) ? quoted_scalar(indent, out) : map(column, out);
        case '[':
        case '{':
            if (p_[1] == (*p_ == '[' ? ']' : '}')) return empty_flow(indent, out);
            return fail();
        case '|':
        case '>': return block_scalar(indent, out);
        default: break;
        }
        if (!in_map && key_end(p_)) return map(column, out); // `- key: value` opens a map on the item's line
        if (!plain_start(p_)) return fail();
        const char* start = p_;
        for (; *p_ != '\n'; ++p_) {
            if (*p_ == ':' && is_blank_or_break(p_[1])) return fail(); // `a: b: c` is an error
            if (*p_ == ' ' && p_[1] == '#') break;
        }
        const char* last = p_;
        while (last[-1] == ' ') --last;
        out = add_plain(line, column, std::string_view(start, static_cast<std::size_t>(last - start)));
        return end_scalar(indent);
    }

    // After a scalar: the rest of the line, then the next content line, which must not be deeper.
    bool end_scalar(int indent) { return rest_is_comment() ? next_not_deeper(indent) : fail(); }

    // Moves to the next content line (or the end of the text), which must not be deeper than `indent`.
    bool next_not_deeper(int indent) { return next_content(true, indent) || !failed_; }

    bool quoted_scalar(int indent, std::uint32_t& out) {
        int line = line_, column = col();
        scratch_.clear();
        if (!quoted(p_, scratch_)) return fail();
        out = add_scalar(line, column, scratch_);
        return end_scalar(indent);
    }

    // `[]` or `{}`: an empty list or map written in flow style (templates use them).
    bool empty_flow(int indent, std::uint32_t& out) {
        out = add(*p_ == '[' ? YamlKind::Sequence : YamlKind::Map, line_, col());
        close(out, pending_.size());
        p_ += 2;
        return end_scalar(indent);
    }

    // `>`, `>-`, `|` or `|-` and lines of one indentation deeper than `indent`, blank lines between.
    bool block_scalar(int indent, std::uint32_t& out) {
        int line = line_, column = col();
        bool folded = *p_ == '>';
        ++p_;
        bool strip = *p_ == '-';
        if (strip) ++p_;
        if (*p_ != ' ' && *p_ != '\n') return fail(); // keep (+), an explicit indentation, or junk
        if (!rest_is_comment()) return fail();
        start_line(p_ + 1);
        std::string value;
        int content = -1; // the lines' indentation, once the first line sets it
        int blanks = 0;
        while (p_ != end_) {
            const char* q = p_;
            while (*q == ' ') ++q;
            auto spaces = static_cast<int>(q - p_);
            if (*q == '\n') {
                if (content < 0 || spaces > content) return fail(); // leading blank lines, or spaces as text
                ++blanks;
            } else {
                if (content < 0) {
                    if (spaces <= indent) return fail(); // an empty block scalar
                    content = spaces;
                } else if (spaces < content) {
                    break;
                } else if (spaces > content) {
                    return fail(); // a more-indented line folds differently
                } else if (blanks > 0) {
                    value.append(static_cast<std::size_t>(folded ? blanks : blanks + 1), '\n');
                } else {
                    value += folded ? ' ' : '\n';
                }
                blanks = 0;
                const char* eol = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(end_ - q)));
                value.append(q, static_cast<std::size_t>(eol - q));
                q = eol;
            }
            start_line(q + 1);
        }
        if (content < 0) return fail();
        if (!strip) value += '\n';
        out = add_scalar(line, column, value);
        return next_not_deeper(indent); // from the start of the line that ended the scalar
    }

    YamlDocument& doc_;
    const char* begin_;
    const char* end_;
    const char* p_;
    const char* line_start_;
    int line_ = 0;
    int depth_ = 0;
    bool failed_ = false;
    bool opening_ = false;
    std::vector<std::uint32_t> pending_;
    std::string scratch_;
};

bool YamlDocument::parse_block_subset(std::string_view text) {
    clear();
    reserve_for(text.size());
    YamlBlockParser parser(*this, text);
    if (parser.run()) return true;
    clear();
    return false;
}

} // namespace spbe
