// An agency's evidence file: who, which year, which rubric, and per indicator the self-assessed and
// verified levels with their supporting documents. Plain data with source positions for messages.
#pragma once

#include "model/rational.hpp"
#include "model/text.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spbe {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
    std::string to_string() const; // YYYY-MM-DD
    static std::optional<Date> parse(std::string_view text);
};

struct EvidenceItem {
    std::string title;
    std::string file; // relative to the evidence file's folder
    std::string sha256;
    std::optional<Date> valid_until;
    SourcePos pos;
};

// Effort of raising an indicator: a default per one-level step and optional per-level overrides
// (the effort of reaching that level from the one below).
struct Effort {
    std::optional<Rational> per_step;
    std::map<int, Rational> per_level;
    Rational step_to(int level) const;
};

// The value of another agency's index given for an indicator (`external: {index: SDI, value: 68.75}`);
// no value means the index is not published yet (the assessors then count 1.00).
struct ExternalValue {
    std::string index;
    std::optional<Rational> value;
    SourcePos pos;
};

// Levels are exact as written (2 or 2.5); whether a pack accepts them is validate_evidence's
// business, and Pack::value_from turns them into the pack's stored values.
struct IndicatorEntry {
    std::string id;
    std::optional<Rational> level;    // self-assessment (penilaian mandiri)
    std::optional<Rational> verified; // evaluator's level
    std::string note;
    std::vector<EvidenceItem> evidence;
    std::optional<Rational> target;
    std::optional<ExternalValue> external;
    std::optional<Effort> effort;
    bool long_form = false;
    bool invalid_level = false; // a level was written but is not a valid number (already reported)
    SourcePos pos;              // the indicator key
    SourcePos level_pos;        // the level value (or the key in short form)
    SourcePos verified_pos;

    // The level that counts: the evaluator's where given, else the self-assessment.
    const std::optional<Rational>& effective(bool self_basis) const {
        return self_basis || !verified ? level : verified;
    }
};

struct Agency {
    std::string name;
    std::string code;
    std::string type;
    std::string province;
};

struct Targets {
    std::optional<Rational> index;
    std::string predicate;
    std::optional<int> level;
    SourcePos pos;
};

struct EvidenceFile {
    std::string path; // as given by the user; empty for in-memory
    std::string rubric;
    SourcePos rubric_pos;
    Agency agency;
    std::optional<int> year;
    Targets targets;
    std::vector<IndicatorEntry> indicators; // in file order
    SourcePos indicators_pos;

    const IndicatorEntry* find(const std::string& id) const;
};

} // namespace spbe
