// The output formats of every command as one enum, parsed once from --format, and the table each
// command keeps of its renderers by format (the first entry is the command's default). Header-only, so that the
// unit tests (which link no cli sources but their own list) can test it.
#pragma once

#include <CLI/CLI.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spbe::cli {

enum class OutputFormat { table, json, jsonl, csv, markdown, github, sarif, junit, html, svg };

// Another spelling --format accepts for a format, e.g. lint's and check's old default `text` for `table`.
struct FormatAlias {
    const char* name;
    OutputFormat format;
};

namespace detail {

inline constexpr std::array<std::pair<OutputFormat, const char*>, 10> kNames{{
    {OutputFormat::table, "table"},
    {OutputFormat::json, "json"},
    {OutputFormat::jsonl, "jsonl"},
    {OutputFormat::csv, "csv"},
    {OutputFormat::markdown, "markdown"},
    {OutputFormat::github, "github"},
    {OutputFormat::sarif, "sarif"},
    {OutputFormat::junit, "junit"},
    {OutputFormat::html, "html"},
    {OutputFormat::svg, "svg"},
}};

} // namespace detail

// The name --format takes ("table", "json", …).
inline const char* format_name(OutputFormat f) {
    for (const auto& [format, name] : detail::kNames)
        if (format == f) return name;
    return "";
}

// The format of a canonical name; nullopt for anything else (aliases included).
inline std::optional<OutputFormat> parse_output_format(std::string_view name) {
    for (const auto& [format, known] : detail::kNames)
        if (name == known) return format;
    return std::nullopt;
}

// The --format check: accepts the names of `formats` and of `aliases`, turns an alias into the canonical name, and
// otherwise fails with "NAME not in {a,b,c}" (the canonical names only, worded as CLI::IsMember words it, which the
// usage error golden cases show).
inline CLI::Validator format_validator(const std::vector<OutputFormat>& formats,
                                       const std::vector<FormatAlias>& aliases) {
    std::string list;
    for (OutputFormat f : formats) list += (list.empty() ? "" : ",") + std::string(format_name(f));
    auto check = [formats, aliases, list](std::string& value) -> std::string {
        for (const auto& alias : aliases)
            if (value == alias.name) value = format_name(alias.format);
        for (OutputFormat f : formats)
            if (value == format_name(f)) return {};
        return value + " not in {" + list + "}";
    };
    return CLI::Validator(check, "{" + list + "}", "FORMAT");
}

// One entry of a command's renderer table: the function that renders the report in `format`.
template <class Render>
struct FormatRenderer {
    OutputFormat format;
    Render render;
};

// The formats of a renderer table, in its order: what --format accepts; the first is the default.
template <class Render, std::size_t N>
std::vector<OutputFormat> formats_of(const FormatRenderer<Render> (&table)[N]) {
    std::vector<OutputFormat> out;
    for (const auto& entry : table) out.push_back(entry.format);
    return out;
}

// The renderer of `format` in the table (--format only lets through formats the table has; anything else gets the
// default, the first entry).
template <class Render, std::size_t N>
const Render& renderer_for(const FormatRenderer<Render> (&table)[N], OutputFormat format) {
    for (const auto& entry : table)
        if (entry.format == format) return entry.render;
    return table[0].render;
}

} // namespace spbe::cli
