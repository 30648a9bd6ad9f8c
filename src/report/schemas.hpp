// JSON Schemas (draft-07) of the files spbe reads, for editors (yaml-language-server) and other
// tools. They describe exactly what the loaders accept structurally; checks that need the rubric
// pack (indicator ids, scale bounds, weight sums) stay with `spbe check` and `spbe lint`.
#pragma once

#include "report/json_value.hpp"

#include <string>
#include <vector>

namespace spbe {

// An agency evidence file (src/loader/evidence_loader.cpp). `builtin_packs` are offered as
// examples of `rubric`.
Json evidence_schema(const std::vector<std::string>& builtin_packs);

// Any file of a rubric pack (src/loader/pack_loader.cpp): the manifest pack.yaml or a group file
// listed in its `files`. A document with a manifest-only key is checked as a manifest, any other
// as a group file; both are also under "definitions" ("manifest", "group").
Json rubric_schema();

// A crosswalk file for `spbe diff --map` (src/loader/crosswalk_loader.cpp).
Json crosswalk_schema();

// The names `spbe schema NAME` accepts, and the schema of one (a null Json for any other name).
std::vector<std::string> schema_names();
Json schema_by_name(const std::string& name, const std::vector<std::string>& builtin_packs);

} // namespace spbe
