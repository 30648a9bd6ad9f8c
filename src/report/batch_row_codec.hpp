// The byte form of a batch row in a batch's spool (a temporary file read back once the batch is
// done): varint lengths and counts, rationals as two raw 128-bit integers, the pack as a number.
#pragma once

#include "report/batch_row.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spbe {

// `pack_no` indexes `packs`. decode_batch_row consumes one record from the front of `in` and throws
// std::runtime_error when the bytes are not a record.
void encode_batch_row(std::string& out, const BatchRow& row, uint32_t pack_no);
BatchRow decode_batch_row(std::string_view& in, const std::vector<const Pack*>& packs);

} // namespace spbe
