// `spbe explain` without an id: every indicator of a pack with its name, groups and weight.
#pragma once

#include "model/pack.hpp"

#include <string>

namespace spbe {

std::string render_indicator_list_table(const Pack& pack, Lang lang);
std::string render_indicator_list_json(const Pack& pack, Lang lang);
std::string render_indicator_list_markdown(const Pack& pack, Lang lang);

} // namespace spbe
