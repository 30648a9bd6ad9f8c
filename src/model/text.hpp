// Small shared vocabulary of the model: bilingual names, source positions and diagnostics, and the
// text helpers every layer may use (model is below all of them), e.g. the did-you-mean match.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spbe {

enum class Lang { id, en };

// A name in Bahasa Indonesia (authoritative) and English (optional; falls back to Indonesian).
struct LocalText {
    std::string id;
    std::string en;
    const std::string& get(Lang lang) const { return lang == Lang::en && !en.empty() ? en : id; }
};

// 1-based line and column in a source file; 0 means "not known" (e.g. a whole-file problem).
struct SourcePos {
    int line = 0;
    int col = 0;
};

enum class Severity { error, warning, info };

const char* severity_name(Severity s);

// One finding about an input. Readers fill line/col and leave `file` empty; the caller that knows
// the path sets it, so parsers stay testable on strings.
struct Diagnostic {
    std::string file;
    SourcePos pos;
    Severity severity = Severity::error;
    std::string message;
    std::string rule; // stable rule id, e.g. "duplicate-key"
};

// "file:line:col: error: message" (parts that are unknown are left out).
std::string format_diagnostic(const Diagnostic& d);

bool has_errors(const std::vector<Diagnostic>& diags);

// Sets `file` on every diagnostic that has none.
void attach_file(std::vector<Diagnostic>& diags, const std::string& file);

// Offset of the first byte of `text` that is not part of well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF, no sequence cut off at the end), or npos.
std::size_t find_invalid_utf8(std::string_view text);

// `text` cut to at most `max_bytes` at a UTF-8 character boundary, with "…" when cut: what a message
// quotes of a user's value, so that one 40 KB line does not become a 40 KB message.
std::string excerpt(std::string_view text, std::size_t max_bytes = 60);

// Closest candidate within a small edit distance, for did-you-mean hints; empty when none is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace spbe
