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

struct IndicatorEntry {
    std::string id;
    std::optional<int> level;    // self-assessment (penilaian mandiri)
    std::optional<int> verified; // evaluator's level
    std::string note;
    std::vector<EvidenceItem> evidence;
    std::optional<int> target;
    std::optional<Effort> effort;
    bool long_form = false;
    bool invalid_level = false; // a level was written but is not a valid number (already reported)
    SourcePos pos;              // the indicator key
    SourcePos level_pos;        // the level value (or the key in short form)
    SourcePos verified_pos;

    // The level that counts: the evaluator's where given, else the self-assessment.
    std::optional<int> effective(bool self_basis) const { return self_basis || !verified ? level : verified; }
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
