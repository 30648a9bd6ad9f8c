// Plain-language accounts of the YAML mistakes people make when editing evidence files and packs by
// hand (an unquoted ': ' in a value, a missing space after a colon, a key indented one space too far, an
// unclosed '[' or quote), found on the text around the reader's error mark.
#pragma once

#include "loader/yaml_tree.hpp"

#include <optional>
#include <string_view>

namespace spbe {

// A complete message (YamlError::own) naming the mistake and its fix, positioned where the mistake is
// (often a line above yaml-cpp's mark), or nullopt when the error is none of the known mistakes.
std::optional<YamlError> explain_yaml_error(std::string_view text, const YamlError& error);

// A quoted value whose closing quote never comes: yaml-cpp reads the rest of the file into it without
// an error, so every key after it silently disappears. The opening quote's position, or nullopt.
std::optional<YamlError> find_unclosed_quote(std::string_view text);

} // namespace spbe
