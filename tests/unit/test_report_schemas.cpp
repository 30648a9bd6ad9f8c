// The JSON Schemas of `spbe schema` checked without any JSON Schema library: a small validator for
// exactly the keywords the schemas use walks YAML documents (typed as YAML 1.2 editors type them)
// against them. The bundled packs, fixtures and examples must conform, and on a table of small
// documents the schema and the loaders must agree on accept/reject.
#include "../test_support.hpp"
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "loader/pack_loader.hpp"
#include "report/evidence_template.hpp"
#include "report/schemas.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace spbe;
using spbe::test::read_source;

namespace {

// The JSON type a YAML 1.2 (core schema) tool such as yaml-language-server gives a node.
std::string yaml_type(const YAML::Node& n) {
    if (n.IsNull()) return "null";
    if (n.IsSequence()) return "array";
    if (n.IsMap()) return "object";
    if (n.Tag() == "!") return "string"; // quoted or block scalar
    const std::string& s = n.Scalar();
    static const std::set<std::string> bools{"true", "True", "TRUE", "false", "False", "FALSE"};
    if (bools.count(s)) return "boolean";
    static const std::regex int_re("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
    if (std::regex_match(s, int_re)) return "integer";
    static const std::regex float_re(
        "^([-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$");
    if (std::regex_match(s, float_re)) return "number";
    return "string";
}

const std::set<std::string> kKeywords{"$schema",
                                      "$ref",
                                      "title",
                                      "description",
                                      "examples",
                                      "format",
                                      "definitions",
                                      "type",
                                      "properties",
                                      "required",
                                      "additionalProperties",
                                      "patternProperties",
                                      "items",
                                      "minItems",
                                      "uniqueItems",
                                      "enum",
                                      "const",
                                      "pattern",
                                      "minLength",
                                      "minimum",
                                      "maximum",
                                      "exclusiveMinimum",
                                      "anyOf",
                                      "not",
                                      "if",
                                      "then",
                                      "else"};

class Validator {
public:
    explicit Validator(const Json& root) : root_(root) {}

    std::vector<std::string> validate(const YAML::Node& node) {
        errors_.clear();
        check(node, root_, "$");
        return errors_;
    }

    // Every keyword is one this validator implements, every $ref resolves, every pattern compiles.
    static void check_schema(const Json& root, const Json& s, std::vector<std::string>& problems) {
        if (s.kind() == Json::Kind::boolean) return;
        if (s.kind() != Json::Kind::object) {
            problems.push_back("a schema that is not an object");
            return;
        }
        for (const auto& [k, v] : s.members()) {
            if (!kKeywords.count(k)) problems.push_back("unsupported keyword " + k);
            if (k == "$ref") {
                for (const auto& [k2, v2] : s.members())
                    if (k2 != "$ref" && k2 != "description")
                        problems.push_back("keyword " + k2 + " beside $ref is ignored by draft-07");
                if (!resolve(root, v.as_string())) problems.push_back("unresolved " + v.as_string());
            } else if (k == "properties" || k == "patternProperties" || k == "definitions") {
                for (const auto& [name, sub] : v.members()) {
                    if (k == "patternProperties") std::regex re(name, std::regex::ECMAScript);
                    check_schema(root, sub, problems);
                }
            } else if (k == "additionalProperties" || k == "items" || k == "not" || k == "if" || k == "then" ||
                       k == "else") {
                check_schema(root, v, problems);
            } else if (k == "anyOf") {
                for (const auto& sub : v.items()) check_schema(root, sub, problems);
            } else if (k == "pattern") {
                std::regex re(v.as_string(), std::regex::ECMAScript);
            }
        }
    }

    static const Json* resolve(const Json& root, const std::string& ref) {
        const std::string prefix = "#/definitions/";
        if (ref.rfind(prefix, 0) != 0) return nullptr;
        const Json* defs = root.find("definitions");
        return defs ? defs->find(ref.substr(prefix.size())) : nullptr;
    }

private:
    const Json& root_;
    std::vector<std::string> errors_;
    std::map<std::string, std::regex> regexes_;

    const std::regex& regex(const std::string& p) {
        auto it = regexes_.find(p);
        if (it == regexes_.end()) it = regexes_.emplace(p, std::regex(p, std::regex::ECMAScript)).first;
        return it->second;
    }

    static bool type_matches(const std::string& actual, const std::string& wanted) {
        return actual == wanted || (wanted == "number" && actual == "integer");
    }

    static bool equals(const YAML::Node& n, const Json& v) {
        std::string t = yaml_type(n);
        switch (v.kind()) {
        case Json::Kind::null: return t == "null";
        case Json::Kind::boolean:
            return t == "boolean" && (n.Scalar()[0] == 't' || n.Scalar()[0] == 'T') == v.as_bool();
        case Json::Kind::integer: return t == "integer" && Rational::parse(n.Scalar()) == Rational(v.as_int());
        case Json::Kind::string: return t == "string" && n.Scalar() == v.as_string();
        default: return false;
        }
    }

    bool valid(const YAML::Node& n, const Json& s) {
        std::vector<std::string> saved;
        saved.swap(errors_);
        check(n, s, "");
        bool ok = errors_.empty();
        errors_.swap(saved);
        return ok;
    }

    void fail(const std::string& path, const std::string& message) { errors_.push_back(path + ": " + message); }

    void check(const YAML::Node& n, const Json& s, const std::string& path) {
        if (s.kind() == Json::Kind::boolean) {
            if (!s.as_bool()) fail(path, "not allowed");
            return;
        }
        if (const Json* r = s.find("$ref")) {
            check(n, *resolve(root_, r->as_string()), path);
            return;
        }
        const std::string t = yaml_type(n);
        if (const Json* type = s.find("type")) {
            bool ok = false;
            if (type->kind() == Json::Kind::string) ok = type_matches(t, type->as_string());
            for (const auto& alt : type->items()) ok = ok || type_matches(t, alt.as_string());
            if (!ok) {
                fail(path, "type " + t + " not allowed");
                return;
            }
        }
        if (const Json* e = s.find("enum")) {
            bool ok = false;
            for (const auto& v : e->items()) ok = ok || equals(n, v);
            if (!ok) fail(path, "not one of the enum values");
        }
        if (const Json* c = s.find("const"))
            if (!equals(n, *c)) fail(path, "not the const value");
        if (t == "string") {
            if (const Json* p = s.find("pattern"))
                if (!std::regex_search(n.Scalar(), regex(p->as_string())))
                    fail(path, "'" + n.Scalar() + "' does not match " + p->as_string());
            if (const Json* m = s.find("minLength"))
                if (static_cast<long long>(n.Scalar().size()) < m->as_int()) fail(path, "too short");
        }
        if (t == "integer" || t == "number") {
            auto value = Rational::parse(n.Scalar());
            if (value) {
                if (const Json* m = s.find("minimum"); m && *value < Rational(m->as_int())) fail(path, "below minimum");
                if (const Json* m = s.find("maximum"); m && *value > Rational(m->as_int())) fail(path, "above maximum");
                if (const Json* m = s.find("exclusiveMinimum"); m && *value <= Rational(m->as_int()))
                    fail(path, "not above exclusiveMinimum");
            }
        }
        if (t == "object") {
            const Json* props = s.find("properties");
            const Json* pattern_props = s.find("patternProperties");
            const Json* additional = s.find("additionalProperties");
            if (const Json* req = s.find("required"))
                for (const auto& k : req->items())
                    if (!n[k.as_string()]) fail(path, "missing required " + k.as_string());
            for (auto it = n.begin(); it != n.end(); ++it) {
                std::string key = it->first.Scalar();
                std::string sub = path + "." + key;
                bool matched = false;
                if (props)
                    if (const Json* p = props->find(key)) {
                        check(it->second, *p, sub);
                        matched = true;
                    }
                if (pattern_props)
                    for (const auto& [pat, ps] : pattern_props->members())
                        if (std::regex_search(key, regex(pat))) {
                            check(it->second, ps, sub);
                            matched = true;
                        }
                if (!matched && additional) check(it->second, *additional, sub);
            }
        }
        if (t == "array") {
            if (const Json* m = s.find("minItems"); m && static_cast<long long>(n.size()) < m->as_int())
                fail(path, "too few items");
            if (const Json* items = s.find("items"))
                for (size_t i = 0; i < n.size(); ++i) check(n[i], *items, path + "[" + std::to_string(i) + "]");
            if (const Json* u = s.find("uniqueItems"); u && u->as_bool()) {
                std::set<std::string> seen;
                for (size_t i = 0; i < n.size(); ++i)
                    if (n[i].IsScalar() && !seen.insert(yaml_type(n[i]) + ":" + n[i].Scalar()).second)
                        fail(path, "duplicate item " + n[i].Scalar());
            }
        }
        if (const Json* any = s.find("anyOf")) {
            bool ok = false;
            for (const auto& alt : any->items()) ok = ok || valid(n, alt);
            if (!ok) fail(path, "matches none of anyOf");
        }
        if (const Json* no = s.find("not"))
            if (valid(n, *no)) fail(path, "matches 'not'");
        if (const Json* cond = s.find("if")) {
            const Json* branch = valid(n, *cond) ? s.find("then") : s.find("else");
            if (branch) check(n, *branch, path);
        }
    }
};

std::vector<std::filesystem::path> yaml_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    if (!std::filesystem::is_directory(dir)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

const std::filesystem::path kSource = SPBE_SOURCE_DIR;

std::vector<std::string> schema_errors(const Json& schema, const std::string& text) {
    Validator v(schema);
    return v.validate(YAML::Load(text));
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

} // namespace

TEST_CASE("the YAML typing of the test validator follows YAML 1.2") {
    auto doc = YAML::Load(
        "a: 1\nb: '1'\nc: 1.5\nd: true\ne: null\nf: ~\ng:\nh: 2024-01-01\ni: >-\n  3\nj: \"null\"\nk: 1e3\n");
    CHECK(yaml_type(doc["a"]) == "integer");
    CHECK(yaml_type(doc["b"]) == "string");
    CHECK(yaml_type(doc["c"]) == "number");
    CHECK(yaml_type(doc["d"]) == "boolean");
    CHECK(yaml_type(doc["e"]) == "null");
    CHECK(yaml_type(doc["f"]) == "null");
    CHECK(yaml_type(doc["g"]) == "null");
    CHECK(yaml_type(doc["h"]) == "string");
    CHECK(yaml_type(doc["i"]) == "string");
    CHECK(yaml_type(doc["j"]) == "string");
    CHECK(yaml_type(doc["k"]) == "number");
}

TEST_CASE("schemas use only supported keywords, resolvable refs and valid patterns") {
    for (const auto& name : schema_names()) {
        CAPTURE(name);
        Json s = schema_by_name(name, builtin_pack_ids());
        REQUIRE(s.kind() == Json::Kind::object);
        CHECK(s.find("$schema")->as_string() == "http://json-schema.org/draft-07/schema#");
        std::vector<std::string> problems;
        Validator::check_schema(s, s, problems);
        CHECK(joined(problems) == "");
    }
    CHECK(schema_by_name("nope", {}).kind() == Json::Kind::null);
}

TEST_CASE("schema output is deterministic") {
    CHECK(evidence_schema(builtin_pack_ids()).dump() == evidence_schema(builtin_pack_ids()).dump());
    CHECK(rubric_schema().dump() == rubric_schema().dump());
    std::string text = evidence_schema({"spbe-2020", "spbe-2018"}).dump();
    CHECK(text.rfind("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n", 0) == 0);
    CHECK(text.find("\"examples\": [\n        \"spbe-2020\",\n        \"spbe-2018\"\n      ]") != std::string::npos);
}

TEST_CASE("bundled rubric packs conform to the rubric schema") {
    Json schema = rubric_schema();
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kSource / "rubrics")) {
        for (const auto& file : yaml_files(entry.path())) {
            CAPTURE(file.string());
            CHECK(joined(schema_errors(schema, read_source(file))) == "");
            ++count;
        }
    }
    CHECK(count >= 8);
    // The embedded copies are the same files.
    for (size_t i = 0; i < kEmbeddedPackFileCount; ++i) {
        CAPTURE(kEmbeddedPackFiles[i].name);
        CHECK(joined(schema_errors(schema, kEmbeddedPackFiles[i].text)) == "");
    }
}

TEST_CASE("fixtures, examples and init templates conform to the evidence schema") {
    Json schema = evidence_schema(builtin_pack_ids());
    int count = 0;
    for (const char* dir : {"tests/fixtures", "examples"}) {
        for (const auto& file : yaml_files(kSource / dir)) {
            CAPTURE(file.string());
            CHECK(joined(schema_errors(schema, read_source(file))) == "");
            ++count;
        }
    }
    CHECK(count >= 3);
    PackRegistry registry;
    for (const auto& id : builtin_pack_ids()) {
        CAPTURE(id);
        std::vector<Diagnostic> diags;
        bool io_error = false;
        const Pack* pack = registry.get(id, diags, io_error);
        REQUIRE(pack);
        EvidenceTemplateOptions opt;
        opt.agency.name = "Pemerintah Kabupaten Contoh";
        opt.agency.code = "9999";
        opt.year = 2026;
        opt.schema_ref = "../schemas/evidence.schema.json";
        CHECK(joined(schema_errors(schema, render_evidence_template(*pack, opt))) == "");
    }
}

namespace {

struct Case {
    const char* what;
    std::string text;
};

std::string evidence_doc(const std::string& indicators, const std::string& extra = "") {
    return "rubric: spbe-2020\nagency: {name: Kab. Contoh}\nyear: 2024\n" + extra + "indicators:\n" + indicators;
}

} // namespace

TEST_CASE("the evidence schema and parse_evidence agree on accept and reject") {
    Json schema = evidence_schema(builtin_pack_ids());
    std::vector<std::pair<Case, bool>> cases{
        {{"short form", evidence_doc("  1: 3\n  2: 4\n")}, true},
        {{"null level", evidence_doc("  1: null\n  2:\n  3: {level: null}\n")}, true},
        {{"quoted level", evidence_doc("  1: \"3\"\n")}, true},
        {{"negative level (range is the pack's)", evidence_doc("  1: -1\n")}, true},
        {{"level beyond any scale", evidence_doc("  1: 1001\n")}, false},
        {{"decimal level (the pack decides whether it records decimals)", evidence_doc("  1: 2.5\n")}, true},
        {{"external index",
          evidence_doc("  5: {external: {index: SDI, value: 68.75}}\n  18: {external: {index: SDI}}\n")},
         true},
        {{"external index without its id", evidence_doc("  5: {external: {value: 68.75}}\n")}, false},
        {{"external index with an unknown key", evidence_doc("  5: {external: {index: SDI, nilai: 68.75}}\n")}, false},
        {{"decimal comma", evidence_doc("  1: 2,5\n")}, false},
        {{"text level", evidence_doc("  1: tiga\n")}, false},
        {{"list as indicator", evidence_doc("  1: [3]\n")}, false},
        {{"long form",
          evidence_doc("  1:\n    level: 3\n    verified: 2\n    note: 2024\n    target: 4\n    effort: 2.5\n")},
         true},
        {{"unknown key in long form", evidence_doc("  1:\n    level: 3\n    evidance: []\n")}, false},
        {{"evidence items",
          evidence_doc(
              "  1:\n    level: 3\n    evidence:\n      - Perbup 12/2024\n      - {title: SK, file: a.pdf, sha256: "
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, valid_until: 2027-12-31}\n")},
         true},
        {{"empty evidence", evidence_doc("  1:\n    level: 3\n    evidence:\n")}, true},
        {{"evidence item without title or file",
          evidence_doc("  1:\n    level: 3\n    evidence:\n      - {sha256: "
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}\n")},
         false},
        {{"evidence item with an empty title only",
          evidence_doc("  1:\n    level: 3\n    evidence:\n      - {title: \"\"}\n")},
         false},
        {{"evidence item with an empty title and a file",
          evidence_doc("  1:\n    level: 3\n    evidence:\n      - {title: \"\", file: a.pdf}\n")},
         true},
        {{"evidence item that is null", evidence_doc("  1:\n    level: 3\n    evidence:\n      -\n")}, false},
        {{"bad sha256", evidence_doc("  1:\n    level: 3\n    evidence:\n      - {file: a.pdf, sha256: abc}\n")},
         false},
        {{"bad date",
          evidence_doc("  1:\n    level: 3\n    evidence:\n      - {file: a.pdf, valid_until: 2025-13-01}\n")},
         false},
        {{"unknown evidence key", evidence_doc("  1:\n    level: 3\n    evidence:\n      - {file: a.pdf, url: x}\n")},
         false},
        {{"effort map and fraction",
          evidence_doc("  1:\n    level: 3\n    effort: {4: 2.5, 5: \"20/6\"}\n  2: {level: 1, effort: \"1/3\"}\n")},
         true},
        {{"negative effort", evidence_doc("  1: {level: 3, effort: -1}\n")}, false},
        {{"effort map with a bad key", evidence_doc("  1: {level: 3, effort: {four: 2}}\n")}, false},
        {{"null effort", evidence_doc("  1: {level: 3, effort: null}\n")}, false},
        {{"targets", evidence_doc("  1: 3\n", "targets: {index: 3.5, predicate: Baik, level: 4}\n")}, true},
        {{"targets with a fraction", evidence_doc("  1: 3\n", "targets: {index: \"7/2\"}\n")}, true},
        {{"unknown target", evidence_doc("  1: 3\n", "targets: {score: 3}\n")}, false},
        {{"unknown top-level key", evidence_doc("  1: 3\n", "rubrik: spbe-2020\n")}, false},
        {{"quoted year", "rubric: spbe-2020\nagency: {name: A}\nyear: \"2024\"\nindicators: {1: 3}\n"}, true},
        {{"year out of range", "rubric: spbe-2020\nagency: {name: A}\nyear: 1999\nindicators: {1: 3}\n"}, false},
        {{"agency without name", "rubric: spbe-2020\nagency: {code: '1'}\nyear: 2024\nindicators: {1: 3}\n"}, false},
        {{"agency as text", "rubric: spbe-2020\nagency: Kab. A\nyear: 2024\nindicators: {1: 3}\n"}, false},
        {{"missing indicators", "rubric: spbe-2020\nagency: {name: A}\nyear: 2024\n"}, false},
        {{"missing rubric", "agency: {name: A}\nyear: 2024\nindicators: {1: 3}\n"}, false},
        {{"full agency", "rubric: spbe-2020\nagency: {name: A, code: 1101, type: kabupaten, province: Aceh}\nyear: "
                         "2024\nindicators: {}\n"},
         true},
    };
    for (const auto& [c, expected] : cases) {
        CAPTURE(c.what);
        auto errors = schema_errors(schema, c.text);
        auto parsed = parse_evidence(c.text);
        bool loader_ok = parsed.file && !has_errors(parsed.diags);
        CAPTURE(joined(errors));
        CHECK(errors.empty() == expected);
        CHECK(loader_ok == expected);
    }
}

namespace {

const char* kTinyManifest = R"(id: tiny
title: {id: Kecil, en: Tiny}
total_weight: 100
display: {precision: 2, rounding: half-up}
hierarchy:
  - {id: domain, plural: domains, name: Domain}
  - {id: aspect, plural: aspects}
scales:
  s:
    name: Skala
    levels:
      - {value: 1, name: Satu, criteria: a}
      - {value: 2, name: Dua, criteria: b}
predicates: [{name: Rendah, min: 1}, {name: Tinggi, min: "3/2"}]
files: [d.yaml]
)";

const char* kTinyGroup = R"(id: d
number: 1
name: {id: Domain D}
weight: 100
aspects:
  - id: a
    name: Aspek A
    weight: 100
    indicators:
      - id: 1
        name: Satu
        weight: "100/3"
        question: Apa?
        criteria: {1: x, 2: y}
      - {id: "2", name: Dua, weight: 66.6666, note: n}
      - {id: 3, name: Tiga, weight: "1/15000", levels_2024: {2: {fulfilment: f, evidence: e}}}
)";

} // namespace

TEST_CASE("the rubric schema and load_pack agree on accept and reject") {
    Json schema = rubric_schema();
    struct PackCase {
        const char* what;
        std::string manifest;
        std::string group;
        bool ok;
    };
    auto replace = [](std::string s, const std::string& from, const std::string& to) {
        auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };
    std::string m = kTinyManifest, g = kTinyGroup;
    std::vector<PackCase> cases{
        {"tiny pack", m, g, true},
        {"manifest without files", replace(m, "files: [d.yaml]\n", ""), g, false},
        {"unknown manifest key", m + "author: x\n", g, false},
        {"rounding other than half-up", replace(m, "half-up", "half-even"), g, false},
        {"precision out of range", replace(m, "precision: 2", "precision: 7"), g, false},
        {"tier named indicators", replace(m, "plural: aspects", "plural: indicators"), g, false},
        {"predicate without min", replace(m, "{name: Rendah, min: 1}", "{name: Rendah}"), g, false},
        {"level value as text", replace(m, "value: 2,", "value: dua,"), g, false},
        {"scale without levels",
         replace(
             m,
             "    levels:\n      - {value: 1, name: Satu, criteria: a}\n      - {value: 2, name: Dua, criteria: b}\n",
             ""),
         g, false},
        {"file outside the pack", replace(m, "files: [d.yaml]", "files: [../d.yaml]"), g, false},
        {"unknown indicator key", m, replace(g, "note: n", "notes: n"), false},
        {"indicator without name", m, replace(g, "{id: \"2\", name: Dua, ", "{id: \"2\", "), false},
        {"weight with a decimal comma", m, replace(g, "weight: \"100/3\"", "weight: 33,3"), false},
        {"criteria keyed by text", m, replace(g, "criteria: {1: x, 2: y}", "criteria: {one: x, 2: y}"), false},
        {"unknown guide key", m, replace(g, "fulfilment: f", "fulfillment: f"), false},
        {"empty indicator name", m, replace(g, "name: Dua,", "name: \"\","), false},
        {"local text without id", m, replace(g, "name: {id: Domain D}", "name: {en: Domain D}"), false},
        {"group without weight", m, replace(g, "weight: 100\naspects", "aspects"), false},
        {"children not a list", m, "id: d\nname: D\nweight: 100\naspects: {a: 1}\n", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        auto manifest_errors = schema_errors(schema, c.manifest);
        auto group_errors = schema_errors(schema, c.group);
        bool schema_ok = manifest_errors.empty() && group_errors.empty();
        PackLoad load = load_pack([&](const std::string& name) -> std::optional<std::string> {
            if (name == "pack.yaml") return c.manifest;
            if (name == "d.yaml") return c.group;
            return std::nullopt;
        });
        CAPTURE(joined(manifest_errors) + joined(group_errors));
        CHECK(schema_ok == c.ok);
        CHECK(load.pack.has_value() == c.ok);
    }
}
