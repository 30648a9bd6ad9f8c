// A spool entry: one row's record (report/batch_row_codec.hpp), then the row as rendered ahead of
// time for its pack alone (empty when the format cannot be), so that the report is mostly a copy.
#pragma once

#include <string>
#include <string_view>

namespace spbe::cli {

void append_spool_entry(std::string& out, std::string_view record, std::string_view text);
// Throws SpoolError when the entry's length prefix does not fit it.
void split_spool_entry(std::string_view entry, std::string_view& record, std::string_view& text);

} // namespace spbe::cli
