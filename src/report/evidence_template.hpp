// The starting evidence file written by `spbe init`: every indicator of a pack in pack order with
// its name, question and level criteria as YAML comments and `level: null` for the user to fill in.
#pragma once

#include "model/evidence.hpp"
#include "model/pack.hpp"

#include <string>

namespace spbe {

struct EvidenceTemplateOptions {
    Agency agency;
    int year = 0;
    // Target of the `# yaml-language-server: $schema=` first line; empty = no such line.
    std::string schema_ref;
    Lang lang = Lang::id;
    size_t width = 100; // comment lines are wrapped to this many columns
};

// `pack` must have been loaded with its text. The result parses with parse_evidence, and
// validate_evidence reports exactly one `missing-level` per indicator.
std::string render_evidence_template(const Pack& pack, const EvidenceTemplateOptions& options);

// A YAML scalar for `s`: as is when every YAML tool reads it back as the same text, else
// double-quoted ("9901", "true" and "a: b" are quoted).
std::string yaml_scalar(const std::string& s);
// A mapping key: like yaml_scalar, but numbers stay plain (indicator ids such as 11 or 35-1).
std::string yaml_key(const std::string& s);

// `text` as YAML comment lines: `first` before the first line, `rest` before the others, each
// line prefixed by `indent` + "# " and wrapped to `width` columns. Line breaks in the text are
// kept; anything a YAML parser could take as a line break is turned into one.
std::string yaml_comment(const std::string& text, const std::string& indent, const std::string& first,
                         const std::string& rest, size_t width);

} // namespace spbe
