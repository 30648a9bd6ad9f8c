// Checks on the bytes of a YAML text before either YAML reader sees it: the encoding (UTF-8 only, a
// UTF-8 byte order mark allowed), binary data, and tabs used for indentation.
#pragma once

#include "loader/yaml_tree.hpp"

#include <optional>
#include <string_view>

namespace spbe {

// `text` without a leading UTF-8 byte order mark (positions then count from the character after it).
std::string_view strip_utf8_bom(std::string_view text);

// The first reason `text` (BOM already stripped) is not YAML text spbe reads, positioned by line and
// byte column, or nullopt: UTF-16 or UTF-32 text (a byte order mark), binary data (a NUL or other
// control byte; reported before any encoding problem), bytes that are not UTF-8, or a tab in the
// indentation of a line. `what` names the file in messages ("an evidence file").
std::optional<YamlError> check_yaml_text(std::string_view text, std::string_view what);

} // namespace spbe
