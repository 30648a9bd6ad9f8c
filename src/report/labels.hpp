// User-facing labels of the reports in Bahasa Indonesia and English. Names of domains, aspects,
// indicators and predicates come from the rubric pack, not from here.
#pragma once

#include "model/text.hpp"

namespace spbe {

struct Labels {
    const char* weight;
    const char* index;
    const char* predicate;
    const char* indicator;
    const char* level;
    const char* self;
    const char* verified;
    const char* contribution;
    const char* rubric;
    const char* year;
    const char* agency;
    const char* self_index;
    const char* verified_index;
    const char* question;
    const char* criteria;
    const char* fulfilment;
    const char* evidence;
    const char* assessment;
    const char* example_evidence;
    const char* criteria_revised;
    const char* scale;
    const char* note;
};

const Labels& labels(Lang lang);

} // namespace spbe
