// --format parsing: canonical names, the `text` alias of lint and check, the usage error's wording, and the renderer
// tables (the first entry is the default).
#include "cli/output_format.hpp"

#include <doctest/doctest.h>

using namespace spbe::cli;

namespace {

std::string run_validator(const CLI::Validator& v, std::string& value) { return v(value); }

} // namespace

TEST_CASE("every format name parses back to its format") {
    for (auto f :
         {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl, OutputFormat::csv, OutputFormat::markdown,
          OutputFormat::github, OutputFormat::sarif, OutputFormat::junit, OutputFormat::html, OutputFormat::svg})
        CHECK(parse_output_format(format_name(f)) == f);
    CHECK(std::string(format_name(OutputFormat::markdown)) == "markdown");
    CHECK_FALSE(parse_output_format("text").has_value()); // an alias only where a command accepts it
    CHECK_FALSE(parse_output_format("JSON").has_value());
}

TEST_CASE("the format validator turns an alias into the canonical name and words its error as CLI11's IsMember") {
    CLI::Validator v = format_validator({OutputFormat::table, OutputFormat::github, OutputFormat::json},
                                        {{"text", OutputFormat::table}});
    std::string value = "text";
    CHECK(run_validator(v, value).empty());
    CHECK(value == "table");
    value = "github";
    CHECK(run_validator(v, value).empty());
    CHECK(value == "github");
    value = "csv";
    CHECK(run_validator(v, value) == "csv not in {table,github,json}");
    value = "xml";
    CLI::Validator plain = format_validator(
        {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl, OutputFormat::csv, OutputFormat::markdown}, {});
    CHECK(run_validator(plain, value) == "xml not in {table,json,jsonl,csv,markdown}");
    value = "text";
    CHECK(run_validator(plain, value) == "text not in {table,json,jsonl,csv,markdown}");
}

TEST_CASE("a renderer table gives its formats in order and the renderer of each") {
    using Render = std::string (*)(int);
    const FormatRenderer<Render> table[] = {
        {OutputFormat::table, [](int n) { return "table " + std::to_string(n); }},
        {OutputFormat::csv, [](int n) { return "csv " + std::to_string(n); }},
    };
    CHECK(formats_of(table) == std::vector<OutputFormat>{OutputFormat::table, OutputFormat::csv});
    CHECK(renderer_for(table, OutputFormat::csv)(3) == "csv 3");
    CHECK(renderer_for(table, OutputFormat::table)(4) == "table 4");
    CHECK(renderer_for(table, OutputFormat::json)(5) == "table 5"); // not in the table: the default
}
