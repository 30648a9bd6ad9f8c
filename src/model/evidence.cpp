// Helpers of the evidence model: calendar dates for validity checks and per-level effort lookup.
#include "model/evidence.hpp"

#include <cstdio>

namespace spbe {

std::string Date::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    auto digits = [&](size_t from, size_t n) {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    Date d{digits(0, 4), digits(5, 2), digits(8, 2)};
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days[d.month - 1]) return std::nullopt;
    bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
    return d;
}

Rational Effort::step_to(int level) const {
    if (auto it = per_level.find(level); it != per_level.end()) return it->second;
    return per_step.value_or(Rational(1));
}

const IndicatorEntry* EvidenceFile::find(const std::string& id) const {
    for (const auto& e : indicators)
        if (e.id == id) return &e;
    return nullptr;
}

} // namespace spbe
