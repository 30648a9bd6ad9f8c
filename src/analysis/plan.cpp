// Exact minimum-effort planning. Index gains are scaled to integer units (the LCM of the gain
// denominators) and efforts to integers, so the dynamic programme compares exact values without
// rational arithmetic in its inner loop; the result is converted back to Rationals.
#include "analysis/plan.hpp"

#include "scoring/score.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace spbe {

namespace {

using Int = Rational::Int;

constexpr Int kInf = std::numeric_limits<Int>::max() / 4;
// Upper bound on DP cells (one byte of choice each): far above what real packs need (spbe-2020 needs
// about 47 × 4 000), low enough to keep memory bounded for pathological weights.
constexpr long long kMaxCells = 64'000'000;

Int gcd_int(Int a, Int b) {
    while (b != 0) {
        Int t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

Int lcm_checked(Int a, Int b) {
    Int g = gcd_int(a, b);
    Int r;
    if (__builtin_mul_overflow(a / g, b, &r) || r > Int(1'000'000'000'000'000'000LL))
        throw PlanTooLarge("the weights or efforts have too many decimal places for an exact plan");
    return r;
}

struct Item {
    int k_min = 0;              // steps required (a per-indicator target above the current level)
    int k_max = 0;              // steps available
    std::vector<Int> cum_units; // cum_units[k]: gain of the first k steps in units (the first step of a
                                // value between levels, 1.26 -> 2, gains less than the later ones)
    std::vector<Int> cum_cost;  // cum_cost[k]: scaled effort of the first k steps
};

// Key of a partial solution: effort, then steps.
struct Cost {
    Int effort = kInf;
    int steps = 0;
    bool operator<(const Cost& o) const { return effort != o.effort ? effort < o.effort : steps < o.steps; }
    bool operator==(const Cost& o) const = default;
};

// The gain of k steps in units, capped at `need`: any gain of at least `need` saturates the same way,
// and the cap keeps the DP's indices within 64 bits.
long long gained(const Item& it, int k, long long need) {
    return static_cast<long long>(std::min<Int>(it.cum_units[static_cast<size_t>(k)], need));
}

void check_cells(size_t n, long long states, long long layers) {
    // The choice table has n × states × layers bytes; the two rolling cost layers 32 bytes per state × layer.
    if (static_cast<long long>(n) * states * layers > kMaxCells || states * layers > kMaxCells / 32)
        throw PlanTooLarge("the weights are too fine-grained for an exact plan (too many distinct index values)");
}

// Fewest-effort, then fewest-steps, then lexicographically largest raise vector; no step limit.
std::vector<int> solve_unlimited(const std::vector<Item>& items, long long need) {
    size_t n = items.size();
    long long states = need + 1;
    check_cells(n, states, 1);
    std::vector<Cost> next(static_cast<size_t>(states)), cur(static_cast<size_t>(states));
    next[0] = Cost{0, 0};
    std::vector<std::vector<unsigned char>> choice(n, std::vector<unsigned char>(static_cast<size_t>(states), 0));
    for (size_t i = n; i-- > 0;) {
        const Item& it = items[i];
        for (long long j = 0; j < states; ++j) {
            Cost best;
            int best_k = 0;
            for (int k = it.k_min; k <= it.k_max; ++k) {
                long long rest = std::max<long long>(0, j - gained(it, k, need));
                const Cost& sub = next[static_cast<size_t>(rest)];
                if (sub.effort >= kInf) continue;
                Cost c{sub.effort + it.cum_cost[static_cast<size_t>(k)], sub.steps + k};
                // `<=`: among equal costs the larger k wins (raise earlier indicators first).
                if (c < best || c == best) {
                    best = c;
                    best_k = k;
                }
            }
            cur[static_cast<size_t>(j)] = best;
            choice[i][static_cast<size_t>(j)] = static_cast<unsigned char>(best_k);
        }
        std::swap(cur, next);
    }
    std::vector<int> raise(n, 0);
    long long j = need;
    for (size_t i = 0; i < n; ++i) {
        raise[i] = choice[i][static_cast<size_t>(j)];
        j = std::max<long long>(0, j - gained(items[i], raise[i], need));
    }
    return raise;
}

// The same with at most `limit` steps: f[i][j][s] = least effort with exactly s steps.
std::vector<int> solve_limited(const std::vector<Item>& items, long long need, int limit) {
    size_t n = items.size();
    long long states = need + 1;
    size_t layers = static_cast<size_t>(limit) + 1;
    check_cells(n, states, static_cast<long long>(layers));
    auto at = [&](long long j, int s) { return static_cast<size_t>(j) * layers + static_cast<size_t>(s); };
    std::vector<Int> next(static_cast<size_t>(states) * layers, kInf), cur(next.size(), kInf);
    next[at(0, 0)] = 0;
    std::vector<std::vector<unsigned char>> choice(n, std::vector<unsigned char>(next.size(), 0));
    for (size_t i = n; i-- > 0;) {
        const Item& it = items[i];
        for (long long j = 0; j < states; ++j)
            for (int s = 0; s <= limit; ++s) {
                Int best = kInf;
                int best_k = 0;
                for (int k = it.k_min; k <= std::min(it.k_max, s); ++k) {
                    long long rest = std::max<long long>(0, j - gained(it, k, need));
                    Int sub = next[at(rest, s - k)];
                    if (sub >= kInf) continue;
                    Int c = sub + it.cum_cost[static_cast<size_t>(k)];
                    if (c <= best) {
                        best = c;
                        best_k = k;
                    }
                }
                cur[at(j, s)] = best;
                choice[i][at(j, s)] = static_cast<unsigned char>(best_k);
            }
        std::swap(cur, next);
    }
    int best_s = -1;
    for (int s = 0; s <= limit; ++s)
        if (next[at(need, s)] < kInf && (best_s < 0 || next[at(need, s)] < next[at(need, best_s)])) best_s = s;
    std::vector<int> raise(n, 0);
    if (best_s < 0) return raise; // cannot happen: need never exceeds what `limit` steps can reach
    long long j = need;
    int s = best_s;
    for (size_t i = 0; i < n; ++i) {
        raise[i] = choice[i][at(j, s)];
        j = std::max<long long>(0, j - gained(items[i], raise[i], need));
        s -= raise[i];
    }
    return raise;
}

Int ceil_div(Int a, Int b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

} // namespace

int raised_value(const Pack& pack, int value, int raise) {
    return raise <= 0 ? value : pack.value_of_level(pack.level_floor(value) + raise);
}

Rational effort_between(const Effort& e, int from, int to) {
    Rational sum;
    for (int l = from + 1; l <= to; ++l) sum += e.step_to(l);
    return sum;
}

std::vector<Effort> efforts_from_file(const Pack& pack, const EvidenceFile& file) {
    std::vector<Effort> out(pack.indicators.size());
    for (size_t i = 0; i < pack.indicators.size(); ++i)
        if (const IndicatorEntry* e = file.find(pack.indicators[i].id); e && e->effort) out[i] = *e->effort;
    return out;
}

Plan plan_to_index(const Pack& pack, const std::vector<int>& levels, const std::vector<Effort>& efforts,
                   const Rational& target, std::optional<int> max_steps,
                   const std::vector<std::optional<int>>& floors) {
    size_t n = pack.indicators.size();
    Plan plan;
    plan.start_index = score_levels(pack, levels).index;
    plan.target = target;
    plan.raise.assign(n, 0);

    // Integer units of index gain: gain_i (per stored value, Pack::step) = weight_i / (total × step)
    // = unit_i / scale. Step k of an indicator reaches the whole level floor(current) + k.
    std::vector<Rational> gain(n);
    Int scale = 1;
    for (size_t i = 0; i < n; ++i) {
        gain[i] = pack.indicators[i].weight / (pack.total_weight * Rational(pack.step));
        scale = lcm_checked(scale, gain[i].den());
    }
    auto base_level = [&](size_t i) { return pack.level_floor(levels[i]); };
    Int effort_scale = 1;
    for (size_t i = 0; i < n; ++i) {
        int top = pack.scale_of(pack.indicators[i]).max();
        for (int l = base_level(i) + 1; l <= top; ++l)
            effort_scale = lcm_checked(effort_scale, efforts[i].step_to(l).den());
    }
    std::vector<Item> items(n);
    Int all_units = 0;
    for (size_t i = 0; i < n; ++i) {
        Item& it = items[i];
        it.k_max = std::max(0, pack.scale_of(pack.indicators[i]).max() - base_level(i));
        if (it.k_max > 255) throw PlanTooLarge("a level scale is too long for planning (more than 255 steps)");
        if (i < floors.size() && floors[i]) {
            Int short_by = *floors[i] - pack.value_of_level(base_level(i));
            it.k_min = static_cast<int>(std::clamp<Int>(ceil_div(short_by, pack.step), 0, it.k_max));
        }
        Int unit = gain[i].num() * (scale / gain[i].den());
        it.cum_units.push_back(0);
        it.cum_cost.push_back(0);
        for (int k = 1; k <= it.k_max; ++k) {
            it.cum_units.push_back(unit * (pack.value_of_level(base_level(i) + k) - levels[i]));
            Rational c = efforts[i].step_to(base_level(i) + k) * Rational(effort_scale, 1);
            it.cum_cost.push_back(it.cum_cost.back() + c.num());
        }
        all_units += it.cum_units.back();
    }
    // The most a step limit allows: required steps first, then the best use of the rest, found by a
    // small DP over (indicator, steps) because an indicator's first step may gain less than the next.
    Int reachable_units = all_units;
    int total_steps = 0, required_steps = 0;
    for (const auto& it : items) {
        total_steps += it.k_max;
        required_steps += it.k_min;
    }
    if (max_steps && *max_steps < required_steps)
        throw std::invalid_argument("the per-indicator targets need " + std::to_string(required_steps) +
                                    " steps, more than the step limit " + std::to_string(*max_steps));
    bool limited = max_steps && *max_steps < total_steps;
    if (limited) {
        std::vector<Int> best(static_cast<size_t>(*max_steps) + 1, -1); // best[s]: most units with s steps
        best[0] = 0;
        for (const auto& it : items) {
            std::vector<Int> next(best.size(), -1);
            for (size_t s = 0; s < best.size(); ++s) {
                if (best[s] < 0) continue;
                for (int k = it.k_min; k <= it.k_max && s + static_cast<size_t>(k) < best.size(); ++k) {
                    Int v = best[s] + it.cum_units[static_cast<size_t>(k)];
                    next[s + static_cast<size_t>(k)] = std::max(next[s + static_cast<size_t>(k)], v);
                }
            }
            best = std::move(next);
        }
        reachable_units = *std::max_element(best.begin(), best.end());
    }
    plan.best_possible = plan.start_index + Rational(reachable_units, scale);

    Rational need = target - plan.start_index;
    Int need_units = 0;
    if (need > Rational(0)) {
        Rational scaled = need * Rational(scale, 1);
        need_units = ceil_div(scaled.num(), scaled.den());
    }
    if (need_units > reachable_units) {
        plan.reachable = false;
        need_units = reachable_units;
    }
    if (need_units == 0) {
        // Nothing more to gain: exactly the required steps (extra steps only add effort and steps).
        for (size_t i = 0; i < n; ++i) plan.raise[i] = items[i].k_min;
    } else {
        if (need_units > Int(kMaxCells))
            throw PlanTooLarge("the weights are too fine-grained for an exact plan (too many distinct index values)");
        auto need_ll = static_cast<long long>(need_units);
        plan.raise = limited ? solve_limited(items, need_ll, *max_steps) : solve_unlimited(items, need_ll);
    }

    // Display order: a merge of the indicators' step sequences by gain per effort.
    std::vector<int> next_level(levels); // the stored value each indicator has reached
    std::vector<int> remaining(plan.raise);
    auto step_to = [&](size_t i) { return pack.value_of_level(pack.next_level(next_level[i])); };
    auto step_gain = [&](size_t i) { return gain[i] * Rational(step_to(i) - next_level[i]); };
    auto step_effort = [&](size_t i) { return efforts[i].step_to(pack.next_level(next_level[i])); };
    Rational running = plan.start_index;
    for (;;) {
        int pick = -1;
        for (size_t i = 0; i < n; ++i) {
            if (remaining[i] == 0) continue;
            if (pick < 0) {
                pick = static_cast<int>(i);
                continue;
            }
            size_t p = static_cast<size_t>(pick);
            Rational ei = step_effort(i), ep = step_effort(p);
            Rational gi = step_gain(i), gp = step_gain(p);
            // gain_i / e_i > gain_p / e_p  <=>  gain_i * e_p > gain_p * e_i (zero effort = infinite ratio)
            Rational lhs = gi * ep, rhs = gp * ei;
            if (lhs > rhs || (lhs == rhs && gi > gp)) pick = static_cast<int>(i);
        }
        if (pick < 0) break;
        size_t p = static_cast<size_t>(pick);
        PlanStep st;
        st.indicator = pick;
        st.from = next_level[p];
        st.to = step_to(p);
        st.effort = step_effort(p);
        st.gain = step_gain(p);
        running += st.gain;
        st.index_after = running;
        st.predicate_after = &pack.predicate_for(running);
        plan.total_effort += st.effort;
        plan.steps.push_back(st);
        next_level[p] = st.to;
        --remaining[p];
    }
    plan.final_index = running;
    if (plan.reachable && plan.final_index < target) plan.reachable = false; // defensive; the DP guarantees it
    return plan;
}

} // namespace spbe
