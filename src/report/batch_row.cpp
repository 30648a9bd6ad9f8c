// A batch row from a scored agency: the fields the batch renderers and the summary read.
#include "report/batch_row.hpp"

namespace spbe {

BatchRow make_batch_row(const AgencyResult& r) {
    BatchRow row;
    row.path = r.path;
    row.pack = r.pack;
    row.agency = r.file.agency;
    row.year = r.file.year;
    row.index = r.score.index;
    row.predicate = r.score.predicate;
    for (int gi : r.pack->groups_of_tier(0)) row.top.push_back(r.score.group_index[static_cast<size_t>(gi)]);
    return row;
}

} // namespace spbe
