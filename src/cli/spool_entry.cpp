// Spool entry framing: the record's length as a varint, the record, and the pre-rendered text to the
// end of the entry (the spool keeps each entry's own length).
#include "cli/spool_entry.hpp"

#include "cli/spool.hpp"
#include "model/varint.hpp"

#include <cstdint>

namespace spbe::cli {

void append_spool_entry(std::string& out, std::string_view record, std::string_view text) {
    put_varint(out, record.size());
    out += record;
    out += text;
}

void split_spool_entry(std::string_view entry, std::string_view& record, std::string_view& text) {
    uint64_t n = 0;
    if (!get_varint(entry, n) || n > entry.size()) throw SpoolError("corrupt entry in the batch's temporary file");
    record = entry.substr(0, n);
    text = entry.substr(n);
}

} // namespace spbe::cli
