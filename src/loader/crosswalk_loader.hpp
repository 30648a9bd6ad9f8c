// Reading a crosswalk file (`spbe diff --map FILE`, schemas/crosswalk.schema.json):
//   crosswalk: 1
//   from: spbe-2018
//   to: spbe-2020
//   indicators: {"1": "1", "35-1": "45"}
// Diagnostics carry line:col; the caller adds the path.
#pragma once

#include "model/crosswalk.hpp"
#include "model/pack.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace spbe {

struct CrosswalkParse {
    std::optional<Crosswalk> crosswalk; // what could be read, even with errors; nullopt when not a mapping
    std::vector<Diagnostic> diags;
};

// Structure only: the keys above, version 1, one-to-one (a duplicate old id or a new id used twice
// is an error).
CrosswalkParse parse_crosswalk(std::string_view text);

// Against the two packs of a diff: `from`/`to` must name them, every old id must be an indicator of
// `from` and every new id one of `to`.
void validate_crosswalk(const Crosswalk& cw, const Pack& from, const Pack& to, std::vector<Diagnostic>& diags);

} // namespace spbe
