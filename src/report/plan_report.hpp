// Renderers of `spbe plan`: the ordered steps with the running index and predicate (table, JSON
// spbe.plan/2, CSV, Markdown).
#pragma once

#include "analysis/plan.hpp"
#include "analysis/target.hpp"
#include "report/score_report.hpp"

#include <optional>
#include <string>

namespace spbe {

inline constexpr const char* kPlanJsonSchema = "spbe.plan/2";

struct PlanView {
    const AgencyResult* agency = nullptr;
    Target target;
    std::optional<Plan> plan; // empty when the target is max_reached
    std::optional<int> max_steps;
};

std::string render_plan_table(const PlanView& v, const ReportOptions& opt);
std::string render_plan_json(const PlanView& v, const ReportOptions& opt);
std::string render_plan_csv(const PlanView& v, const ReportOptions& opt);
std::string render_plan_markdown(const PlanView& v, const ReportOptions& opt);

} // namespace spbe
