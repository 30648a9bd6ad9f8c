// The evidence and rubric pack schemas, written by hand to follow the loaders key by key. Where the
// loaders read any YAML scalar as text, or a quoted number as a number, the schemas allow it too,
// so an editor never flags a file that spbe accepts.
// Above 400 lines because each schema is one document: split, a key added to a loader would have to
// be found in several files; tests/unit/test_report_schemas.cpp holds the schemas to the loaders.
#include "report/schemas.hpp"

#include <initializer_list>
#include <optional>

namespace spbe {

namespace {

using Members = Json::Members;

constexpr const char* kDraft07 = "http://json-schema.org/draft-07/schema#";

// A number as Rational::parse reads it: "3", "-2", "1.3", ".5", "20/6" (no exponent, no comma).
constexpr const char* kRationalPattern = "^[-+]?([0-9]+|[0-9]*\\.[0-9]+|[0-9]+/0*[1-9][0-9]*)$";
constexpr const char* kUnsignedRationalPattern = "^\\+?([0-9]+|[0-9]*\\.[0-9]+|[0-9]+/0*[1-9][0-9]*)$";
constexpr const char* kIntegerPattern = "^[-+]?[0-9]+$";
// Keys of per-level maps (criteria, levels_2024, effort).
// A level as evidence files write it: whole (3) or with decimals (2.5), at most 1000 either way.
constexpr const char* kLevelPattern = "^[-+]?0*([0-9]{1,3}|1000)(\\.[0-9]+)?$";
constexpr const char* kLevelKeyPattern = "^[-+]?[0-9]+$";
constexpr const char* kDatePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
constexpr const char* kSha256Pattern = "^[0-9A-Fa-f]{64}$";

Json obj(Members m) { return Json::object(std::move(m)); }

Json types(std::initializer_list<const char*> names) {
    std::vector<Json> items;
    for (const char* n : names) items.emplace_back(n);
    return Json::array(std::move(items));
}

Json strings(const std::vector<std::string>& values) {
    std::vector<Json> items;
    for (const auto& v : values) items.emplace_back(v);
    return Json::array(std::move(items));
}

Json ref(const std::string& name) { return obj({{"$ref", "#/definitions/" + name}}); }

Json ref(const std::string& name, const char* description) {
    // Draft-07 ignores keywords beside $ref, but editors show the description on hover.
    return obj({{"$ref", "#/definitions/" + name}, {"description", description}});
}

// Any YAML scalar except null: the loaders read numbers and booleans as their text.
Json text(const char* description) {
    return obj({{"description", description}, {"type", types({"string", "number", "boolean"})}});
}

// A whole number, also accepted quoted ("3"); `pattern` bounds the quoted form where the loader
// bounds the value.
Json integer(const char* description, std::optional<long long> min = {}, std::optional<long long> max = {},
             const char* pattern = kIntegerPattern) {
    Members m{{"description", description}, {"type", types({"integer", "string"})}};
    if (min) m.emplace_back("minimum", *min);
    if (max) m.emplace_back("maximum", *max);
    m.emplace_back("pattern", pattern);
    return obj(std::move(m));
}

// Text in Bahasa Indonesia, or {id: ..., en: ...} (YamlReader::local_text).
Json local_text_definition() {
    return obj({
        {"description",
         "Text in Bahasa Indonesia, or a mapping {id: Indonesian, en: English}; the Indonesian text is required."},
        {"type", types({"string", "number", "boolean", "object"})},
        {"minLength", 1},
        {"properties", obj({
                           {"id", obj({{"description", "Bahasa Indonesia (authoritative)"},
                                       {"type", types({"string", "number", "boolean"})},
                                       {"minLength", 1}})},
                           {"en", text("English")},
                       })},
        {"required", types({"id"})},
        {"additionalProperties", false},
    });
}

Json number_definition() {
    return obj({
        {"description", "An exact number: a decimal with a point (1.3, 27.5) or a fraction written as text (\"20/6\"); "
                        "no decimal comma, no exponent."},
        {"type", types({"number", "string"})},
        {"pattern", kRationalPattern},
    });
}

Json positive_number_definition() {
    return obj({
        {"description",
         "A positive exact number: a decimal with a point (2.5) or a fraction written as text (\"20/6\")."},
        {"type", types({"number", "string"})},
        {"exclusiveMinimum", 0},
        {"pattern", kUnsignedRationalPattern},
    });
}

Json non_negative_number_definition() {
    return obj({
        {"description",
         "A number that is not negative: a decimal with a point (0.5) or a fraction written as text (\"1/3\")."},
        {"type", types({"number", "string"})},
        {"minimum", 0},
        {"pattern", kUnsignedRationalPattern},
    });
}

// Short form `ID: LEVEL` and long form `ID: {level: ..., ...}` of one indicator entry, merged in
// one schema: type-specific keywords only apply to values of their type.
Json indicator_entry_definition() {
    return obj({
        {"description", "The indicator's self-assessed level (null while not assessed), or a mapping with 'level', "
                        "'verified', 'note', 'evidence', "
                        "'target', 'effort' and 'external'."},
        {"type", types({"number", "null", "string", "object"})},
        {"minimum", -1000},
        {"maximum", 1000},
        {"pattern", kLevelPattern},
        {"properties",
         obj({
             {"level", ref("level", "Self-assessed level (penilaian mandiri); null while not assessed.")},
             {"verified", ref("level", "The evaluator's verified level; it counts instead of 'level' when present.")},
             {"note", text("Free text about this indicator.")},
             {"evidence", obj({
                              {"description", "Supporting documents (bukti dukung): a title, or a mapping with "
                                              "'title', 'file', 'sha256', 'valid_until'."},
                              {"type", types({"array", "null"})},
                              {"items", ref("evidence_item")},
                          })},
             {"target", ref("level", "Target level for plans (spbe plan/gaps).")},
             {"effort", ref("effort")},
             {"external",
              obj({{"description", "The value of another agency's index that feeds this indicator (pemdi-2026: SDI, "
                                   "SJIG, IPS, IKASANDI, SDI-INTEROP); no value while it is not published."},
                   {"type", "object"},
                   {"properties", obj({{"index", text("Short id of the index, as the rubric names it.")},
                                       {"value", obj({{"description", "The published value; null while pending."},
                                                      {"type", types({"number", "string", "null"})},
                                                      {"pattern", kUnsignedRationalPattern}})}})},
                   {"required", types({"index"})},
                   {"additionalProperties", false}})},
         })},
        {"additionalProperties", false},
    });
}

Json evidence_item_definition() {
    return obj({
        {"description", "A supporting document: its title, or a mapping with at least a 'title' or a 'file'."},
        {"type", types({"string", "number", "boolean", "object"})},
        {"properties", obj({
                           {"title", text("Title of the document.")},
                           {"file", text("Path of the document, relative to this YAML file's folder.")},
                           {"sha256", obj({{"description", "SHA-256 of the file: 64 hexadecimal digits."},
                                           {"type", "string"},
                                           {"pattern", kSha256Pattern}})},
                           {"valid_until", obj({{"description", "Last day the document is valid (YYYY-MM-DD)."},
                                                {"type", "string"},
                                                {"format", "date"},
                                                {"pattern", kDatePattern}})},
                       })},
        {"additionalProperties", false},
        // A title or a file that is not empty.
        {"anyOf",
         Json::array({obj({{"required", types({"title"})}, {"properties", obj({{"title", obj({{"minLength", 1}})}})}}),
                      obj({{"required", types({"file"})}, {"properties", obj({{"file", obj({{"minLength", 1}})}})}})})},
    });
}

Json effort_definition() {
    return obj({
        {"description", "Effort of raising this indicator by one level, or a mapping {LEVEL: effort of reaching LEVEL "
                        "from the one below}."},
        {"type", types({"number", "string", "object"})},
        {"minimum", 0},
        {"pattern", kUnsignedRationalPattern},
        {"patternProperties", obj({{kLevelKeyPattern, ref("non_negative_number")}})},
        {"additionalProperties", false},
    });
}

Json level_definition() {
    return obj({
        {"description",
         "A maturity level on the indicator's scale (e.g. 1 to 5), or null when not filled in: a whole number, or a "
         "decimal with a point (2.5) where the rubric records decimals (pemdi-2026: two)."},
        {"type", types({"number", "null", "string"})},
        {"minimum", -1000},
        {"maximum", 1000},
        {"pattern", kLevelPattern},
    });
}

// Per-level text maps of an indicator (criteria).
Json level_map(const char* description, Json value) {
    return obj({
        {"description", description},
        {"type", "object"},
        {"patternProperties", obj({{kLevelKeyPattern, std::move(value)}})},
        {"additionalProperties", false},
    });
}

Json external_index_definition() {
    return obj({
        {"description", "The indicator takes its value from another agency's index: which, its range and, where "
                        "known, the conversion value = offset + factor × index."},
        {"type", "object"},
        {"properties",
         obj({
             {"index", text("Short id written in evidence files, e.g. SDI.")},
             {"name", ref("local_text", "Name of the index.")},
             {"agency", text("The agency that publishes it.")},
             {"range", obj({{"description", "[lowest, highest] value of the index."},
                            {"type", "array"},
                            {"minItems", 2},
                            {"items", ref("number")}})},
             {"bands", obj({{"description", "Edges between consecutive levels, where known."},
                            {"type", "array"},
                            {"items", ref("number")}})},
             {"conversion",
              obj({{"type", "object"},
                   {"properties", obj({{"offset", ref("number", "Added to factor × index.")},
                                       {"factor", ref("number", "Multiplies the index.")},
                                       {"grade", obj({{"description", "How sure the conversion is."},
                                                      {"type", "string"},
                                                      {"enum", types({"official", "derived", "assumed"})}})},
                                       {"basis", text("Where the conversion comes from.")}})},
                   {"required", types({"grade"})},
                   {"additionalProperties", false}})},
             {"optional", obj({{"description", "The level may be scored from evidence instead."},
                               {"type", types({"boolean", "string"})}})},
         })},
        {"required", types({"index", "range"})},
        {"additionalProperties", false},
    });
}

Json indicator_definition() {
    Json guide = obj({
        {"type", "object"},
        {"properties", obj({
                           {"criteria", text("The 2024 wording of the level criterion, where it differs.")},
                           {"fulfilment", text("What the agency must satisfy (kriteria pemenuhan).")},
                           {"evidence", text("Expected supporting evidence (bukti dukung).")},
                       })},
        {"additionalProperties", false},
    });
    return obj({
        {"description", "An indicator: scored on a level scale and weighted within its group."},
        {"type", "object"},
        {"properties",
         obj({
             {"id", ref("id", "Indicator id, unique in the pack; evidence files use it as the key.")},
             {"name", ref("local_text", "Name of the indicator.")},
             {"weight", ref("positive_number", "Weight in the index (percent when the pack's total_weight is 100).")},
             {"scale",
              text("Id of the scale (a key of the manifest's 'scales'); default: the manifest's default_scale.")},
             {"question", text("The question of the questionnaire (kuesioner).")},
             {"criteria",
              level_map("Criteria per level: {LEVEL: text}; levels without text use the scale's description.",
                        text("Criteria of this level."))},
             {"assessment", text("How the indicator is assessed (ketentuan penilaian).")},
             {"example_evidence", text("Example supporting evidence (contoh bukti dukung).")},
             {"levels_2024",
              level_map("Guidance per level: {LEVEL: {criteria, fulfilment, evidence}}.", std::move(guide))},
             {"guide",
              level_map("Guidance per level of newer modules: {LEVEL: {conditions, evidence}}.",
                        obj({{"type", "object"},
                             {"properties", obj({{"conditions", text("The situation the level describes (Kondisi).")},
                                                 {"evidence", text("Expected supporting evidence (Data Dukung).")}})},
                             {"additionalProperties", false}}))},
             {"description", text("What the indicator measures (Deskripsi).")},
             {"note", text("Free text.")},
             {"external", external_index_definition()},
         })},
        {"required", types({"id", "name", "weight"})},
        {"additionalProperties", false},
    });
}

Json group_definition() {
    return obj({
        {"description",
         "A group of one tier of the pack's hierarchy (e.g. a domain or an aspect). The innermost tier lists its "
         "'indicators'; "
         "every other tier lists the groups of the next tier under that tier's plural (e.g. 'aspects')."},
        {"type", "object"},
        {"properties",
         obj({
             {"id", ref("id", "Group id, unique within its tier.")},
             {"number", integer("Official number, shown in reports.")},
             {"name", ref("local_text", "Name of the group.")},
             {"weight", ref("positive_number", "Weight: the weights of its members must add up to it exactly.")},
             {"indicators", obj({{"description", "The indicators (innermost tier only)."},
                                 {"type", "array"},
                                 {"items", ref("indicator")}})},
         })},
        {"required", types({"id", "name", "weight"})},
        {"additionalProperties",
         obj({{"description",
               "The groups of the next tier, under that tier's plural as declared in the manifest's 'hierarchy'."},
              {"type", "array"},
              {"items", ref("group")}})},
    });
}

Json manifest_definition() {
    Json tier = obj({
        {"type", "object"},
        {"properties",
         obj({
             {"id", obj({{"description", "Singular id of the tier, e.g. domain."},
                         {"type", types({"string", "number", "boolean"})},
                         {"minLength", 1},
                         {"not", obj({{"const", "indicator"}})}})},
             {"plural",
              obj({{"description", "The key that lists groups of this tier inside their parent, e.g. domains."},
                   {"type", types({"string", "number", "boolean"})},
                   {"minLength", 1},
                   {"not", obj({{"const", "indicators"}})}})},
             {"name", ref("local_text", "Display name of the tier.")},
         })},
        {"required", types({"id", "plural"})},
        {"additionalProperties", false},
    });
    Json scale_level = obj({
        {"type", "object"},
        {"properties",
         obj({
             {"value", integer("The level: a whole number from 0 to 100, one more than the previous level.", 0, 100,
                               "^\\+?0*([0-9]{1,2}|100)$")},
             {"name", ref("local_text", "Name of the level.")},
             {"criteria",
              text("Generic description of the level, used where an indicator gives no criteria of its own.")},
         })},
        {"required", types({"value"})},
        {"additionalProperties", false},
    });
    Json scale = obj({
        {"description", "A level scale."},
        {"type", "object"},
        {"properties",
         obj({
             {"name", ref("local_text", "Name of the scale.")},
             {"decimals", integer("Decimals an indicator value may have: 0 for whole levels (default), 2 for values "
                                  "such as 1.25 (pemdi-2026). Every scale of a pack records the same.",
                                  0, 4, "^\\+?0*[0-4]$")},
             {"levels", obj({{"description", "The levels in ascending order of consecutive whole numbers."},
                             {"type", "array"},
                             {"minItems", 1},
                             {"items", std::move(scale_level)}})},
         })},
        {"required", types({"levels"})},
        {"additionalProperties", false},
    });
    Json predicate = obj({
        {"type", "object"},
        {"properties", obj({
                           {"name", ref("local_text", "Name of the band, e.g. Baik.")},
                           {"min", ref("number", "Inclusive lower bound of the band.")},
                       })},
        {"required", types({"name", "min"})},
        {"additionalProperties", false},
    });
    return obj({
        {"description", "The pack manifest (pack.yaml): identity, source, hierarchy, scales, predicate bands and the "
                        "list of group files."},
        {"type", "object"},
        {"properties",
         obj({
             {"id", text("Pack id, e.g. spbe-2020 (evidence files name it in 'rubric').")},
             {"title", ref("local_text", "Title of the pack.")},
             {"index_name", ref("local_text", "Name of the index, e.g. Indeks SPBE.")},
             {"source", obj({{"description", "The regulation the pack transcribes."},
                             {"type", "object"},
                             {"properties",
                              obj({{"regulation", text("Short name, e.g. PermenPANRB 59/2020.")},
                                   {"title", text("Full title.")},
                                   {"date", text("Date of the regulation.")},
                                   {"evidence", text("The guideline for supporting evidence.")},
                                   {"status", obj({{"description", "official: transcribed from the regulation; "
                                                                   "secondary: from others' transcriptions, the "
                                                                   "official text not read (every report says so)."},
                                                   {"type", "string"},
                                                   {"enum", types({"official", "secondary"})}})}})},
                             {"additionalProperties", false}})},
             {"provenance", text("Where every number and text of the pack comes from, and what is confirmed.")},
             {"total_weight", ref("number", "The sum of the top-tier weights (default 100).")},
             {"display",
              obj({{"description", "How indices are shown."},
                   {"type", "object"},
                   {"properties",
                    obj({{"precision", integer("Decimals shown (0 to 6).", 0, 6, "^\\+?0*[0-6]$")},
                         {"rounding", obj({{"description", "Rounding for display."}, {"enum", types({"half-up"})}})}})},
                   {"additionalProperties", false}})},
             {"hierarchy",
              obj({{"description", "The grouping tiers from the top (e.g. domain, aspect); indicators are not a tier."},
                   {"type", "array"},
                   {"minItems", 1},
                   {"items", std::move(tier)}})},
             {"scales", obj({{"description", "Level scales by id."},
                             {"type", "object"},
                             {"additionalProperties", std::move(scale)}})},
             {"default_scale", text("Scale of indicators that name none; required when there are several scales.")},
             {"predicates", obj({{"description", "Predicate bands; each starts at its 'min' (inclusive)."},
                                 {"type", "array"},
                                 {"minItems", 1},
                                 {"items", std::move(predicate)}})},
             {"files", obj({{"description", "The group files of the top tier, in order, relative to the pack folder."},
                            {"type", "array"},
                            {"minItems", 1},
                            {"uniqueItems", true},
                            {"items", obj({{"type", types({"string", "number", "boolean"})},
                                           {"pattern", "^(?!/)(?!.*\\.\\.)"}})}})},
         })},
        {"required", types({"id", "title", "hierarchy", "scales", "predicates", "files"})},
        {"additionalProperties", false},
    });
}

} // namespace

Json evidence_schema(const std::vector<std::string>& builtin_packs) {
    Json agency = obj({
        {"description", "The agency (instansi) assessed."},
        {"type", "object"},
        {"properties", obj({
                           {"name", obj({{"description", "Name of the agency, e.g. Pemerintah Kabupaten Contoh."},
                                         {"type", types({"string", "number", "boolean"})},
                                         {"minLength", 1}})},
                           {"code", text("Official code of the agency.")},
                           {"type", text("Kind of agency, e.g. kabupaten, kota, provinsi, kementerian.")},
                           {"province", text("Province.")},
                       })},
        {"required", types({"name"})},
        {"additionalProperties", false},
    });
    Json targets = obj({
        {"description", "Goals for spbe plan and gaps."},
        {"type", "object"},
        {"properties", obj({
                           {"index", ref("number", "Target index.")},
                           {"predicate", text("Target predicate, e.g. Baik.")},
                           {"level", integer("Target level of every indicator.")},
                       })},
        {"additionalProperties", false},
    });
    Json rubric = text("The rubric pack: the id of a built-in pack or the path of a pack folder.");
    Members rubric_members = rubric.members();
    rubric_members.emplace_back("examples", strings(builtin_packs));
    return obj({
        {"$schema", kDraft07},
        {"title", "spbe evidence file"},
        {"description",
         "An agency's SPBE self-assessment and evidence for one year, read by spbe score, check, gaps and plan."},
        {"type", "object"},
        {"properties",
         obj({
             {"rubric", obj(std::move(rubric_members))},
             {"agency", std::move(agency)},
             {"year", integer("Assessment year (2000 to 2100).", 2000, 2100, "^\\+?0*(20[0-9][0-9]|2100)$")},
             {"indicators",
              obj({{"description",
                    "Every indicator of the rubric by id: its level, or a mapping with 'level' and more."},
                   {"type", "object"},
                   {"additionalProperties", ref("indicator_entry")}})},
             {"targets", std::move(targets)},
         })},
        {"required", types({"rubric", "agency", "year", "indicators"})},
        {"additionalProperties", false},
        {"definitions", obj({
                            {"level", level_definition()},
                            {"indicator_entry", indicator_entry_definition()},
                            {"evidence_item", evidence_item_definition()},
                            {"effort", effort_definition()},
                            {"number", number_definition()},
                            {"non_negative_number", non_negative_number_definition()},
                        })},
    });
}

Json rubric_schema() {
    // Keys that only a manifest has; `id` is shared with group files.
    std::vector<Json> manifest_keys;
    for (const char* key : {"title", "index_name", "source", "provenance", "total_weight", "display", "hierarchy",
                            "scales", "default_scale", "predicates", "files"})
        manifest_keys.push_back(obj({{"required", types({key})}}));
    return obj({
        {"$schema", kDraft07},
        {"title", "spbe rubric pack file"},
        {"description",
         "A file of an spbe rubric pack: the manifest pack.yaml (any document with a manifest key such as 'files' or "
         "'hierarchy') or "
         "one of the group files it lists (a top-tier group, e.g. a domain, with its sub-groups and indicators)."},
        {"type", "object"},
        {"if", obj({{"anyOf", Json::array(std::move(manifest_keys))}})},
        {"then", ref("manifest")},
        {"else", ref("group")},
        {"definitions", obj({
                            {"manifest", manifest_definition()},
                            {"group", group_definition()},
                            {"indicator", indicator_definition()},
                            {"id", obj({{"description", "An id: text or a number."},
                                        {"type", types({"string", "number"})},
                                        {"minLength", 1}})},
                            {"local_text", local_text_definition()},
                            {"number", number_definition()},
                            {"positive_number", positive_number_definition()},
                        })},
    });
}

Json crosswalk_schema() {
    Json id = obj({{"description", "An indicator id: text or a number."},
                   {"type", types({"string", "number"})},
                   {"minLength", 1}});
    return obj({
        {"$schema", kDraft07},
        {"title", "spbe crosswalk"},
        {"description", "A one-to-one mapping from the indicator ids of one rubric pack to those of another, for `spbe "
                        "diff OLD NEW --map FILE` "
                        "across packs. It is the user's mapping; spbe ships no official one. Indicators it does not "
                        "map are not compared."},
        {"type", "object"},
        {"properties",
         obj({
             {"crosswalk", obj({{"description", "Format version."},
                                {"type", types({"integer", "string"})},
                                {"enum", Json::array({Json(1), Json("1")})}})},
             {"from", obj({{"description", "Rubric pack id of the older file, e.g. spbe-2018."},
                           {"type", "string"},
                           {"minLength", 1}})},
             {"to", obj({{"description", "Rubric pack id of the newer file, e.g. spbe-2020."},
                         {"type", "string"},
                         {"minLength", 1}})},
             {"indicators", obj({{"description", "Old indicator id: new indicator id; each new id at most once."},
                                 {"type", "object"},
                                 {"additionalProperties", id}})},
         })},
        {"required", types({"crosswalk", "from", "to", "indicators"})},
        {"additionalProperties", false},
    });
}

std::vector<std::string> schema_names() { return {"evidence", "rubric", "crosswalk"}; }

Json schema_by_name(const std::string& name, const std::vector<std::string>& builtin_packs) {
    if (name == "evidence") return evidence_schema(builtin_packs);
    if (name == "rubric") return rubric_schema();
    if (name == "crosswalk") return crosswalk_schema();
    return {};
}

} // namespace spbe
