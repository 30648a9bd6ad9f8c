// The levels-CSV fast path of `spbe score`: header checks per (CSV, pack), LinearScorer per pack,
// and rows scored from their fields when nothing about them needs the general path's diagnostics.
#include "cli/csv_fast_path.hpp"

#include "loader/builtin_packs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>

namespace spbe::cli {

HeaderCheck check_header(const CsvSource& src, const Pack& pack) {
    HeaderCheck hc;
    std::set<std::string> present;
    for (const auto& [id, col] : src.csv.indicator_columns()) {
        if (!pack.find_indicator(id)) {
            hc.diags.push_back(
                Diagnostic{src.path,
                           {src.csv.header_line(), col},
                           Severity::error,
                           fmt::format("unknown indicator '{}' in the header (rubric {} has indicators {} to {})", id,
                                       pack.id, pack.indicators.front().id, pack.indicators.back().id),
                           "unknown-indicator"});
        }
        present.insert(id);
    }
    std::string missing;
    size_t n = 0;
    for (const auto& ind : pack.indicators)
        if (!present.count(ind.id)) {
            missing += (missing.empty() ? "" : ", ") + ind.id;
            ++n;
        }
    if (n)
        hc.diags.push_back(Diagnostic{src.path,
                                      {src.csv.header_line(), 1},
                                      Severity::error,
                                      fmt::format("the header has no column for {} {} of rubric {}: {}", n,
                                                  n == 1 ? "indicator" : "indicators", pack.id, missing),
                                      "missing-indicator"});
    std::stable_sort(hc.diags.begin(), hc.diags.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.pos.col < b.pos.col; });
    hc.ok = hc.diags.empty();
    if (hc.ok)
        for (const auto& [id, col] : src.csv.indicator_columns()) hc.to_pack.push_back(pack.indicator_index.at(id));
    return hc;
}

const HeaderCheck& CsvChecks::header(int csv, const Pack& pack) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto key = std::make_pair(csv, &pack);
    auto it = headers_.find(key);
    if (it == headers_.end()) it = headers_.emplace(key, check_header(csvs_[static_cast<size_t>(csv)], pack)).first;
    return it->second;
}

const LinearScorer& CsvChecks::scorer(const Pack& pack) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& scorer = scorers_[&pack];
    if (!scorer) scorer = std::make_unique<LinearScorer>(pack);
    return *scorer;
}

std::string CsvChecks::key(int csv, const Pack& pack) { return fmt::format("{}\n{}", csv, pack.id); }

std::vector<std::vector<Diagnostic>> CsvChecks::diags_of(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_); // workers may be adding checks
    std::vector<std::vector<Diagnostic>> out;
    for (const auto& [k, hc] : headers_)
        if (CsvChecks::key(k.first, *k.second) == key) out.push_back(hc.diags);
    return out;
}

bool CsvFastPath::score(int csv, size_t index, std::optional<BatchRow>& out) {
    const CsvSource& src = csvs_[static_cast<size_t>(csv)];
    if (!src.csv.fast_row(index, row_)) return false;
    std::string_view ref = !rubric_.empty()      ? std::string_view(rubric_)
                           : row_.rubric.empty() ? std::string_view(kDefaultRubric)
                                                 : row_.rubric;
    if (!pack_ || ref != ref_) {
        pack_ = nullptr;
        ref_ = ref;
        if (rubric_.empty() && !is_builtin_pack(ref_)) return false;
        std::vector<Diagnostic> ignored;
        bool io_error = false;
        const Pack* pack = lookup_(ref_, ignored, io_error);
        if (!pack) return false;
        header_ = &checks_.header(csv, *pack);
        scorer_ = &checks_.scorer(*pack);
        pack_ = pack;
    }
    const Pack& pack = *pack_;
    // The fast row reader reads whole numbers only: packs with decimals take the general path.
    if (!header_->ok || !scorer_->usable() || pack.step != 1) return false;
    if (!rubric_.empty() && !row_.rubric.empty() && row_.rubric != pack.id) return false; // the general path warns
    levels_.assign(pack.indicators.size(), 0);
    for (size_t k = 0; k < row_.levels.size(); ++k) {
        auto pi = static_cast<size_t>(header_->to_pack[k]);
        int v = row_.levels[k];
        if (!pack.scale_of(pack.indicators[pi]).find(v)) return false;
        levels_[pi] = v;
    }
    BatchRow& row = out.emplace();
    row.path = src.row_path(index);
    row.pack = &pack;
    row.agency =
        Agency{std::string(row_.name), std::string(row_.code), std::string(row_.type), std::string(row_.province)};
    if (row_.year) row.year = row_.year;
    row.index = scorer_->index(levels_.data());
    row.predicate = &pack.predicate_for(row.index);
    scorer_->top(levels_.data(), row.top);
    return true;
}

} // namespace spbe::cli
