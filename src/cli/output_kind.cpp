// The recogniser of earlier spbe reports behind -o's overwrite rule: fixed first-line (and for
// JSON and JUnit second-line) signatures per output format, and a veto for YAML-looking files.
#include "cli/output_kind.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace spbe::cli {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_lower_name(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// `key:` followed by a space or the end of the line, at column 0: a YAML mapping key, as evidence
// files (rubric:, agency:, indicators:) and pack files (id:, files:, domains:) have near the top.
bool is_yaml_key_line(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && is_lower_name(line[n])) ++n;
    return n > 0 && n < line.size() && line[n] == ':' && (n + 1 == line.size() || line[n + 1] == ' ');
}

// A CSV header spbe writes: lower-case names, at least three, the first one of spbe's key columns.
bool is_csv_header(std::string_view line) {
    if (!std::all_of(line.begin(), line.end(), [](char c) { return is_lower_name(c) || c == ','; })) return false;
    if (std::count(line.begin(), line.end(), ',') < 2) return false;
    if (line.find(",,") != std::string_view::npos || line.back() == ',') return false;
    return starts_with(line, "file,") || starts_with(line, "kind,") || starts_with(line, "rank,");
}

// `path:line:col: error: message [rule]` or the closing `N errors, M warnings in K files`.
bool is_findings_text(std::string_view line) {
    constexpr auto npos = std::string_view::npos;
    bool finding = line.find(": error: ") != npos || line.find(": warning: ") != npos;
    if (finding && line.back() == ']') return true;
    size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    std::string_view rest = line.substr(digits);
    bool summary = starts_with(rest, " error, ") || starts_with(rest, " errors, ");
    return digits > 0 && summary && line.find(" in ") != std::string_view::npos;
}

// Tables and Markdown: a report's title line (`Agency · year · pack`, `Indikator 1 · pack`), a
// batch's header row, or the rubric list's header.
bool is_table_or_markdown(std::string_view line) {
    if (line.find(" \u00B7 ") != std::string_view::npos) return true;
    for (std::string_view prefix : {"| # | ", "| ", "#  "})
        if (starts_with(line, prefix)) {
            line.remove_prefix(prefix.size());
            break;
        }
    if (starts_with(line, "Instansi ") || starts_with(line, "Agency ")) return true;
    if (!starts_with(line, "id ") && !starts_with(line, "ID ")) return false;
    for (std::string_view title : {" judul ", " title ", " Judul ", " Title "})
        if (line.find(title) != std::string_view::npos) return true;
    return false;
}

} // namespace

bool looks_like_spbe_output(std::string_view head) {
    if (head.empty()) return true;
    std::array<std::string_view, 2> first{};
    size_t lines = 0;
    for (size_t at = 0; at < head.size();) {
        size_t end = std::min(head.find('\n', at), head.size());
        std::string_view line = head.substr(at, end - at);
        if (is_yaml_key_line(line)) return false;
        if (lines < first.size()) first[lines] = line;
        ++lines;
        at = end + 1;
    }
    auto [l1, l2] = first;
    if (l1.empty()) return false;
    if (l1 == "{")
        return starts_with(l2, "  \"schema\": \"spbe.") || starts_with(l2, "  \"tool\": \"spbe\"") ||
               starts_with(l2, "  \"$schema\": \"https://json.schemastore.org/sarif") ||
               starts_with(l2, "  \"$schema\": \"http://json-schema.org/");
    if (starts_with(l1, "{\"type\":\"")) return true; // JSON Lines
    // `spbe report`: HTML and standalone SVG carry the comment on their second line.
    if (l1 == "<!DOCTYPE html>" || l1 == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>") {
        if (l2 == "<!-- spbe report -->") return true;
    }
    if (l1 == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>") return starts_with(l2, "<testsuites name=\"spbe ");
    if (starts_with(l1, "::error ") || starts_with(l1, "::warning ") || starts_with(l1, "::notice ")) return true;
    return is_csv_header(l1) || is_findings_text(l1) || is_table_or_markdown(l1);
}

} // namespace spbe::cli
