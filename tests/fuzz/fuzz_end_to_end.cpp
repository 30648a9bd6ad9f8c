// libFuzzer target: any bytes as an evidence file, scored on its built-in pack (spbe-2020 when it names
// none), then through every renderer the CLI has: score (table, JSON, CSV, Markdown), gaps, plan, whatif
// and diff of the file against itself. Nothing may crash; the invariants below must hold.
#include "analysis/diff.hpp"
#include "analysis/gaps.hpp"
#include "analysis/plan.hpp"
#include "analysis/target.hpp"
#include "analysis/whatif.hpp"
#include "fuzz_support.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "report/diff_report.hpp"
#include "report/gaps_report.hpp"
#include "report/plan_report.hpp"
#include "report/score_report.hpp"
#include "report/whatif_report.hpp"
#include "scoring/score.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using spbe::fuzz::require;

// Every renderer of one report: the JSON one is checked, the others must merely not fail.
template <typename Table, typename Json, typename Csv, typename Markdown>
void render_all(Table table, Json json, Csv csv, Markdown markdown) {
    (void)table();
    std::string j = json();
    require(spbe::fuzz::plausible_json(j));
    (void)csv();
    (void)markdown();
}

bool on_scale(const spbe::Pack& pack, const spbe::Rational& v) {
    return v >= spbe::Rational(pack.min_level()) && v <= spbe::Rational(pack.max_level());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static spbe::PackRegistry registry; // with the criteria text that gaps shows
    const std::string text(reinterpret_cast<const char*>(data), size);
    spbe::EvidenceParse parsed = spbe::parse_evidence(text);
    if (!parsed.file) return 0;
    const std::string ref = spbe::is_builtin_pack(parsed.file->rubric) ? parsed.file->rubric : "spbe-2020";
    std::vector<spbe::Diagnostic> pack_diags;
    bool io = false;
    const spbe::Pack* pack = registry.get(ref, pack_diags, io);
    require(pack != nullptr);
    spbe::validate_evidence(*parsed.file, *pack, parsed.diags);
    if (spbe::has_errors(parsed.diags)) return 0;
    parsed.file->path = "fuzz.yaml";
    std::optional<spbe::AgencyResult> scored =
        spbe::score_evidence(*pack, std::move(*parsed.file), spbe::Basis::verified);
    require(scored.has_value());
    const spbe::AgencyResult& r = *scored;
    require(on_scale(*pack, r.score.index));
    require(&pack->predicate_for(r.score.index) == r.score.predicate);

    // The output language and detail follow the input's length, so both are covered.
    const spbe::ReportOptions opt{size % 2 ? spbe::Lang::en : spbe::Lang::id, false, size % 3 == 0};
    require(spbe::fuzz::valid_utf8(text)); // the loader refuses every other text, so JSON is always valid
    const std::vector<spbe::AgencyResult> one{r};
    render_all(
        [&] { return render_score_table(one, opt); }, [&] { return render_score_json(one, opt); },
        [&] { return render_score_csv(one, opt); }, [&] { return render_score_markdown(one, opt); });

    const spbe::Date as_of{2025, 1, 1};
    spbe::TargetResolution gaps_target = spbe::resolve_target(*pack, r.file, {}, r.score.index, true);
    if (gaps_target.target) {
        spbe::GapsOptions gopt;
        gopt.as_of = as_of;
        try {
            spbe::GapsResult g = spbe::analyse_gaps(r, *gaps_target.target, gopt);
            require(on_scale(*pack, g.index_after));
            render_all(
                [&] { return render_gaps_table(r, g, opt); }, [&] { return render_gaps_json(r, g, opt); },
                [&] { return render_gaps_csv(r, g, opt); }, [&] { return render_gaps_markdown(r, g, opt); });
        } catch (const spbe::PlanTooLarge&) {
            // Reported by the CLI as an input error.
        }
    }

    spbe::TargetResolution plan_target = spbe::resolve_target(*pack, r.file, {}, r.score.index, false);
    if (plan_target.target) {
        spbe::PlanView view;
        view.agency = &r;
        view.target = *plan_target.target;
        try {
            if (view.target.kind == spbe::TargetKind::index) {
                const auto efforts = spbe::efforts_from_file(*pack, r.file);
                const auto& goal = view.target;
                view.plan = spbe::plan_to_index(*pack, r.score.levels, efforts, goal.index, std::nullopt, goal.levels);
                require(on_scale(*pack, view.plan->final_index) && view.plan->final_index >= r.score.index);
                require(!view.plan->reachable || view.plan->final_index >= view.target.index);
            }
            render_all(
                [&] { return render_plan_table(view, opt); }, [&] { return render_plan_json(view, opt); },
                [&] { return render_plan_csv(view, opt); }, [&] { return render_plan_markdown(view, opt); });
        } catch (const spbe::PlanTooLarge&) {
        } catch (const std::invalid_argument&) {
            // Floors beyond --max-steps: a usage error in the CLI.
        }
    }

    // What if the first indicator reached the top of its scale.
    const spbe::Indicator& first = pack->indicators.front();
    const int top = pack->scale_of(first).max();
    const std::vector<spbe::LevelSetting> settings{{first.id, top, std::to_string(top)}};
    require(spbe::check_level_settings(*pack, settings).empty());
    const spbe::WhatIf w = spbe::what_if(*pack, r.score.levels, settings);
    require(w.before.index == r.score.index && w.after.index >= w.before.index && on_scale(*pack, w.after.index));
    render_all(
        [&] { return render_whatif_table(r, w, opt); }, [&] { return render_whatif_json(r, w, opt); },
        [&] { return render_whatif_csv(r, w, opt); }, [&] { return render_whatif_markdown(r, w, opt); });

    // A file against itself: nothing changed.
    const spbe::AgencyDiff d = spbe::diff_agencies(r, r, as_of);
    require(d.index_delta() == spbe::Rational(0) && !d.regression() && !d.predicate_changed());
    require(d.count(spbe::IndicatorDelta::up) == 0 && d.count(spbe::IndicatorDelta::down) == 0);
    const spbe::DiffInput in{&r, &r, as_of, {}};
    render_all(
        [&] { return render_diff_table(in, d, opt); }, [&] { return render_diff_json(in, d, opt); },
        [&] { return render_diff_csv(in, d, opt); }, [&] { return render_diff_markdown(in, d, opt); });
    return 0;
}
