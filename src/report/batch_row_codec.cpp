// Batch row records: written by the score workers, read back by the report when a row must be
// rendered again (mixed packs, tables, rankings). The bytes never leave the process.
#include "report/batch_row_codec.hpp"

#include "model/varint.hpp"

#include <cstring>
#include <stdexcept>

namespace spbe {

namespace {

uint64_t read_varint(std::string_view& in) {
    uint64_t v = 0;
    if (!spbe::get_varint(in, v)) throw std::runtime_error("corrupt batch spool record");
    return v;
}

void put_text(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out += s;
}

std::string get_text(std::string_view& in) {
    uint64_t n = read_varint(in);
    if (n > in.size()) throw std::runtime_error("corrupt batch spool record");
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
}

void put_rational(std::string& out, const Rational& r) {
    Rational::Int parts[2] = {r.num(), r.den()};
    out.append(reinterpret_cast<const char*>(parts), sizeof parts);
}

Rational get_rational(std::string_view& in) {
    Rational::Int parts[2];
    if (in.size() < sizeof parts) throw std::runtime_error("corrupt batch spool record");
    std::memcpy(parts, in.data(), sizeof parts);
    in.remove_prefix(sizeof parts);
    return Rational(parts[0], parts[1]);
}

} // namespace

void encode_batch_row(std::string& out, const BatchRow& row, uint32_t pack_no) {
    put_varint(out, pack_no);
    put_text(out, row.path);
    put_text(out, row.agency.name);
    put_text(out, row.agency.code);
    put_text(out, row.agency.type);
    put_text(out, row.agency.province);
    put_varint(out, row.year ? static_cast<uint64_t>(*row.year) + 1 : 0);
    put_rational(out, row.index);
    put_varint(out, static_cast<uint64_t>(row.predicate - row.pack->predicates.data()));
    put_varint(out, row.top.size());
    for (const auto& t : row.top) put_rational(out, t);
    put_text(out, row.fragment);
}

BatchRow decode_batch_row(std::string_view& in, const std::vector<const Pack*>& packs) {
    BatchRow row;
    uint64_t pack_no = read_varint(in);
    if (pack_no >= packs.size()) throw std::runtime_error("corrupt batch spool record");
    row.pack = packs[pack_no];
    row.path = get_text(in);
    row.agency.name = get_text(in);
    row.agency.code = get_text(in);
    row.agency.type = get_text(in);
    row.agency.province = get_text(in);
    if (uint64_t y = read_varint(in)) row.year = static_cast<int>(y - 1);
    row.index = get_rational(in);
    uint64_t p = read_varint(in);
    if (p >= row.pack->predicates.size()) throw std::runtime_error("corrupt batch spool record");
    row.predicate = &row.pack->predicates[p];
    uint64_t n = read_varint(in);
    for (uint64_t k = 0; k < n; ++k) row.top.push_back(get_rational(in));
    row.fragment = get_text(in);
    return row;
}

} // namespace spbe
