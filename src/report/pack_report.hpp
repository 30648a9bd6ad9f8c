// Renderers about rubric packs themselves: one indicator explained (question, weight, criteria and
// expected evidence per level) and the list of available packs.
#pragma once

#include "model/pack.hpp"

#include <string>
#include <vector>

namespace spbe {

std::string render_explain_table(const Pack& pack, const Indicator& ind, Lang lang);
std::string render_explain_markdown(const Pack& pack, const Indicator& ind, Lang lang);
std::string render_explain_json(const Pack& pack, const Indicator& ind, Lang lang);

std::string render_rubrics_table(const std::vector<const Pack*>& packs, Lang lang);
std::string render_rubrics_json(const std::vector<const Pack*>& packs, Lang lang);

// "Domain Tata Kelola SPBE › Aspek 2 Perencanaan Strategis SPBE"
std::string indicator_path(const Pack& pack, const Indicator& ind, Lang lang);

} // namespace spbe
