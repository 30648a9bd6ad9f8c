// What an agency aims for: an index (given as a number or a predicate name) or a level for every
// indicator, from the command line or the evidence file, resolved against a rubric pack.
#pragma once

#include "model/evidence.hpp"
#include "model/pack.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spbe {

enum class TargetKind {
    index,       // reach an index (a number, or the lower bound of a predicate)
    levels,      // per-indicator target levels (--target-level, `target:` in the file, `targets: {level}`)
    max_reached, // no target given and the index is already in the highest predicate: nothing to do
};

enum class TargetSource { command_line, file, default_next };

struct Target {
    TargetKind kind = TargetKind::index;
    TargetSource source = TargetSource::default_next;
    Rational index;                       // kind == index: the exact index to reach
    const Predicate* predicate = nullptr; // when the target was a predicate (or the default)
    std::optional<int> level;             // a level for every indicator (--target-level / targets.level)
    // Parallel to pack.indicators (nullopt = no target), as stored values (Pack::step). kind == levels: the target
    // levels. kind == index: the evidence file's per-indicator `target:` levels that every plan must include (or
    // empty).
    std::vector<std::optional<int>> levels;
};

// Parses a `--target` text: a predicate name of the pack (case-insensitive, Indonesian or English,
// spaces/hyphens/underscores equivalent) or an exact number. On failure returns nullopt and sets
// `error` to a message that lists the predicates (and hints at "3.5" for "3,5").
std::optional<Target> parse_target_text(const Pack& pack, const std::string& text, std::string& error);

// A predicate of the pack by name (same matching as parse_target_text), or nullptr.
const Predicate* find_predicate(const Pack& pack, const std::string& name);

// The default target: the lower bound of the next predicate above `current`, or max_reached.
Target next_predicate_target(const Pack& pack, const Rational& current);

struct TargetRequest {
    std::string target;              // --target text, empty when not given
    std::optional<int> target_level; // --target-level
};

struct TargetResolution {
    std::optional<Target> target;
    std::vector<Diagnostic> diags; // about the evidence file's targets (positions, no file)
    std::string usage_error;       // about the command line
};

// Precedence: the command line (--target or --target-level) replaces every target in the file.
// Without one, the file:
//  - `targets: {index}` or `targets: {predicate}`: an index target; the per-indicator `target:`
//    levels become required steps of the plan (Target::levels);
//  - else `targets: {level: N}` and/or per-indicator `target:` levels: a levels target (an
//    indicator's own `target:` wins over N; indicators with neither have no target);
//  - else the next predicate above `current` (again with per-indicator `target:` levels as floors
//    when !allow_levels).
// With `allow_levels` false (plan), `targets: {level}` is ignored and only index targets result.
TargetResolution resolve_target(const Pack& pack, const EvidenceFile& file, const TargetRequest& req,
                                const Rational& current, bool allow_levels = true);

} // namespace spbe
