// libFuzzer target: any bytes as a levels CSV (docs/batch.md) must give rows or diagnostics, never a
// crash; the allocation-free fast path, whenever it takes a row, must read exactly what the general
// reader reads (without errors), and every valid row must score on its pack with an index on the scale.
#include "fuzz_support.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "loader/levels_csv.hpp"
#include "scoring/score.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static spbe::PackRegistry registry(spbe::PackLoadOptions{false});
    spbe::LevelsCsv csv = spbe::LevelsCsv::parse(std::string(reinterpret_cast<const char*>(data), size));
    if (!csv.usable()) return 0;
    const auto& columns = csv.indicator_columns();
    spbe::FastCsvRow fast;
    for (size_t i = 0; i < csv.row_count(); ++i) {
        spbe::LevelsCsvRow row = csv.row(i);
        if (csv.fast_row(i, fast)) {
            spbe::fuzz::require(!spbe::has_errors(row.diags));
            spbe::fuzz::require(fast.name == row.file.agency.name && fast.code == row.file.agency.code);
            spbe::fuzz::require(fast.type == row.file.agency.type && fast.province == row.file.agency.province);
            spbe::fuzz::require(fast.rubric == row.file.rubric);
            spbe::fuzz::require(fast.year == row.file.year.value_or(0));
            spbe::fuzz::require(fast.levels.size() == columns.size() && row.file.indicators.size() == columns.size());
            for (size_t k = 0; k < columns.size(); ++k)
                spbe::fuzz::require(row.file.indicators[k].level == fast.levels[k]);
        }
        if (spbe::has_errors(row.diags)) continue;
        const std::string ref = row.file.rubric == "spbe-2018" ? "spbe-2018" : "spbe-2020";
        std::vector<spbe::Diagnostic> diags;
        bool io = false;
        const spbe::Pack* pack = registry.get(ref, diags, io);
        spbe::fuzz::require(pack != nullptr);
        spbe::validate_evidence(row.file, *pack, diags);
        if (spbe::has_errors(diags)) continue;
        auto result = spbe::score_evidence(*pack, row.file, spbe::Basis::verified);
        spbe::fuzz::require(result.has_value());
        spbe::fuzz::require(result->score.index >= spbe::Rational(pack->min_level()) &&
                            result->score.index <= spbe::Rational(pack->max_level()));
    }
    return 0;
}
