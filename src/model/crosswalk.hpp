// A crosswalk: the user's one-to-one mapping from the indicator ids of one rubric pack to those of
// another, so that `spbe diff` can compare files of different packs without pairing ids that merely
// coincide. spbe ships none: a mapping between regulations is the user's (or the ministry's) call.
#pragma once

#include "model/text.hpp"

#include <string>
#include <vector>

namespace spbe {

struct Crosswalk {
    struct Pair {
        std::string old_id; // in the `from` pack
        std::string new_id; // in the `to` pack
        SourcePos old_pos;  // of the key
        SourcePos new_pos;  // of the value
    };
    std::string from; // pack id of the older file
    std::string to;   // pack id of the newer file
    SourcePos from_pos;
    SourcePos to_pos;
    std::vector<Pair> pairs; // file order; old and new ids each appear once
};

} // namespace spbe
