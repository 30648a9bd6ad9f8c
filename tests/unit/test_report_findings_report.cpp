// Findings renderers: exact text and GitHub lines (with workflow-command escaping), JUnit, JSON,
// and the SARIF output checked against the SARIF 2.1.0 requirements with a small JSON parser.
#include "report/findings_report.hpp"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

using namespace spbe;

namespace {

// A strict little JSON parser (RFC 8259 subset: no surrogate pairs needed here), so the SARIF
// test checks the structure rather than strings.
struct Json;
using JsonObject = std::map<std::string, Json>;
using JsonArray = std::vector<Json>;
struct Json {
    std::variant<std::nullptr_t, bool, double, std::string, JsonArray, JsonObject> v;
    bool is_object() const { return std::holds_alternative<JsonObject>(v); }
    bool is_array() const { return std::holds_alternative<JsonArray>(v); }
    bool is_string() const { return std::holds_alternative<std::string>(v); }
    bool is_number() const { return std::holds_alternative<double>(v); }
    const JsonObject& obj() const { return std::get<JsonObject>(v); }
    const JsonArray& arr() const { return std::get<JsonArray>(v); }
    const std::string& str() const { return std::get<std::string>(v); }
    double num() const { return std::get<double>(v); }
    bool has(const std::string& k) const { return is_object() && obj().count(k); }
    const Json& operator[](const std::string& k) const { return obj().at(k); }
};

class JsonParser {
public:
    explicit JsonParser(const std::string& s) : s_(s) {}
    Json parse() {
        Json j = value();
        ws();
        if (i_ != s_.size()) fail("trailing characters");
        return j;
    }

private:
    [[noreturn]] void fail(const char* what) {
        throw std::runtime_error(std::string(what) + " at offset " + std::to_string(i_));
    }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    }
    bool eat(char c) {
        ws();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!eat(c)) fail("unexpected character");
    }
    std::string string() {
        expect('"');
        std::string out;
        while (true) {
            if (i_ >= s_.size()) fail("unterminated string");
            char c = s_[i_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            char e = s_[i_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u':
                out += static_cast<char>(std::stoi(s_.substr(i_, 4), nullptr, 16));
                i_ += 4;
                break;
            default: fail("bad escape");
            }
        }
    }
    Json value() {
        ws();
        if (i_ >= s_.size()) fail("unexpected end");
        char c = s_[i_];
        if (c == '{') {
            ++i_;
            JsonObject o;
            if (eat('}')) return Json{o};
            do {
                ws();
                std::string k = string();
                if (o.count(k)) fail("duplicate key");
                expect(':');
                o[k] = value();
            } while (eat(','));
            expect('}');
            return Json{o};
        }
        if (c == '[') {
            ++i_;
            JsonArray a;
            if (eat(']')) return Json{a};
            do a.push_back(value());
            while (eat(','));
            expect(']');
            return Json{a};
        }
        if (c == '"') return Json{string()};
        if (s_.compare(i_, 4, "true") == 0) {
            i_ += 4;
            return Json{true};
        }
        if (s_.compare(i_, 5, "false") == 0) {
            i_ += 5;
            return Json{false};
        }
        if (s_.compare(i_, 4, "null") == 0) {
            i_ += 4;
            return Json{nullptr};
        }
        std::size_t start = i_;
        if (s_[i_] == '-') ++i_;
        while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == 'e' ||
                                  s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
            ++i_;
        if (start == i_) fail("unexpected character");
        return Json{std::stod(s_.substr(start, i_ - start))};
    }
    const std::string& s_;
    std::size_t i_ = 0;
};

Json parse_json(const std::string& s) { return JsonParser(s).parse(); }

bool is_positive_integer(const Json& j) {
    return j.is_number() && j.num() >= 1 && j.num() == static_cast<double>(static_cast<long long>(j.num()));
}

FindingsReport sample_report() {
    FindingsReport r;
    r.command = "check";
    r.files = {"a,b/x.yaml", "clean.yaml", "z.yaml"};
    r.rules = rules_for("check");
    r.findings = {
        Finding{"a,b/x.yaml",
                {3, 5},
                Severity::error,
                "unknown key 'levle' in indicator 5; did you mean 'level'?",
                "unknown-key"},
        Finding{"a,b/x.yaml", {7, 3}, Severity::warning, "100% sure:\nline two", "no-evidence"},
        Finding{"z.yaml", {}, Severity::error, "cannot read file: No such file or directory", "io"},
        Finding{"z.yaml", {2, 0}, Severity::info, "an <info> & \"note\"", "evidence-expired"},
    };
    return r;
}

} // namespace

TEST_CASE("text: file:line:col: severity: message [rule] and a count line, one line per finding") {
    FindingsReport r = sample_report();
    CHECK(
        render_findings_text(r, false) ==
        "a,b/x.yaml:3:5: error: unknown key 'levle' in indicator 5; did you mean 'level'? [unknown-key]\n"
        "a,b/x.yaml:7:3: warning: 100% sure: line two [no-evidence]\n" // a line break in a message cannot start a line
        "z.yaml: error: cannot read file: No such file or directory [io]\n"
        "z.yaml:2: info: an <info> & \"note\" [evidence-expired]\n"
        "2 errors, 1 warning, 1 info in 3 files\n");
    FindingsReport clean;
    clean.command = "lint";
    clean.files = {"p/pack.yaml"};
    CHECK(render_findings_text(clean, false) == "0 errors, 0 warnings in 1 file\n");
}

TEST_CASE("github: workflow commands with data and property escaping") {
    CHECK(github_escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e");
    CHECK(github_escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce");
    CHECK(render_findings_github(sample_report()) ==
          "::error file=a%2Cb/x.yaml,line=3,col=5,title=unknown-key::unknown key 'levle' in indicator 5; did you mean "
          "'level'?\n"
          "::warning file=a%2Cb/x.yaml,line=7,col=3,title=no-evidence::100%25 sure:%0Aline two\n"
          "::error file=z.yaml,title=io::cannot read file: No such file or directory\n"
          "::notice file=z.yaml,line=2,title=evidence-expired::an <info> & \"note\"\n");
}

TEST_CASE("junit: one testcase per file, failures at or above --fail-on") {
    std::string xml = render_findings_junit(sample_report());
    CHECK(xml.find("<testsuites name=\"spbe check\" tests=\"3\" failures=\"2\" errors=\"0\">") != std::string::npos);
    CHECK(xml.find("<testcase classname=\"spbe.check\" name=\"clean.yaml\"/>") != std::string::npos);
    CHECK(xml.find("<failure message=\"1 error, 1 warning\" type=\"error\">a,b/x.yaml:3:5: error: unknown key "
                   "&apos;levle&apos;") != std::string::npos);
    CHECK(xml.find(
              "<system-out>z.yaml:2: info: an &lt;info&gt; &amp; &quot;note&quot; [evidence-expired]\n</system-out>") !=
          std::string::npos);
    FindingsReport r = sample_report();
    r.fail_on = Severity::warning;
    CHECK(render_findings_junit(r).find("failures=\"2\"") != std::string::npos);
}

TEST_CASE("json: summary, files and findings") {
    Json j = parse_json(render_findings_json(sample_report(), ToolInfo{"spbe", "0.1.0", "https://example.org"}));
    CHECK(j["command"].str() == "check");
    CHECK(j["summary"]["errors"].num() == 2);
    CHECK(j["summary"]["warnings"].num() == 1);
    CHECK(j["summary"]["info"].num() == 1);
    CHECK(j["summary"]["files"].num() == 3);
    CHECK(std::get<bool>(j["summary"]["failed"].v));
    REQUIRE(j["findings"].arr().size() == 4);
    CHECK(j["findings"].arr()[1]["message"].str() == "100% sure:\nline two");
    CHECK(std::holds_alternative<std::nullptr_t>(j["findings"].arr()[2]["line"].v));
}

TEST_CASE("sarif: valid SARIF 2.1.0 structure") {
    std::string text = render_findings_sarif(sample_report(), ToolInfo{"spbe", "0.1.0", "https://example.org/spbe"});
    Json log = parse_json(text);
    // sarifLog: version (required, "2.1.0"), runs (required array), $schema (optional URI).
    REQUIRE(log.is_object());
    CHECK(log["version"].str() == "2.1.0");
    CHECK(log["$schema"].str().find("sarif-2.1.0") != std::string::npos);
    REQUIRE(log["runs"].is_array());
    REQUIRE(log["runs"].arr().size() == 1);
    const Json& run = log["runs"].arr()[0];
    // run.tool.driver.name is required; the rest is what the brief promises.
    const Json& driver = run["tool"]["driver"];
    CHECK(driver["name"].str() == "spbe");
    CHECK(driver["version"].str() == "0.1.0");
    CHECK(driver["informationUri"].str().rfind("https://", 0) == 0);
    const JsonArray& rules = driver["rules"].arr();
    REQUIRE(rules.size() == rules_for("check").size());
    const std::set<std::string> levels = {"none", "note", "warning", "error"};
    std::set<std::string> ids;
    for (const auto& rule : rules) {
        REQUIRE(rule.is_object());
        CHECK(rule["id"].is_string());
        CHECK(ids.insert(rule["id"].str()).second); // rule ids are unique
        for (const char* k : {"shortDescription", "fullDescription", "help"}) {
            REQUIRE(rule.has(k));
            CHECK(rule[k]["text"].is_string()); // multiformatMessageString requires text
            CHECK(!rule[k]["text"].str().empty());
        }
        CHECK(levels.count(rule["defaultConfiguration"]["level"].str()));
    }
    const JsonArray& results = run["results"].arr();
    REQUIRE(results.size() == 4);
    for (const auto& res : results) {
        // result.message is required, with text; level must be one of the enum values.
        CHECK(res["message"]["text"].is_string());
        CHECK(levels.count(res["level"].str()));
        REQUIRE(res["ruleId"].is_string());
        if (res.has("ruleIndex")) {
            auto index = static_cast<std::size_t>(res["ruleIndex"].num());
            REQUIRE(index < rules.size());
            CHECK(rules[index]["id"].str() == res["ruleId"].str());
        }
        const Json& phys = res["locations"].arr().at(0)["physicalLocation"];
        const std::string& uri = phys["artifactLocation"]["uri"].str();
        CHECK(!uri.empty());
        CHECK(uri.find(' ') == std::string::npos);
        CHECK(uri.find(',') == std::string::npos); // percent-encoded
        if (phys.has("region")) {
            // Regions are 1-based: startLine >= 1, startColumn >= 1 when present.
            CHECK(is_positive_integer(phys["region"]["startLine"]));
            if (phys["region"].has("startColumn")) CHECK(is_positive_integer(phys["region"]["startColumn"]));
        }
    }
    CHECK(results[0]["level"].str() == "error");
    CHECK(results[1]["level"].str() == "warning");
    CHECK(results[3]["level"].str() == "note");
    CHECK(results[0]["locations"].arr()[0]["physicalLocation"]["artifactLocation"]["uri"].str() == "a%2Cb/x.yaml");
    CHECK(results[0]["locations"].arr()[0]["physicalLocation"]["region"]["startColumn"].num() == 5);
    CHECK_FALSE(results[2]["locations"].arr()[0]["physicalLocation"].has("region"));
    CHECK_FALSE(results[3]["locations"].arr()[0]["physicalLocation"]["region"].has("startColumn"));
}

TEST_CASE("path_to_uri") {
    CHECK(path_to_uri("rubrics/spbe-2020/pack.yaml") == "rubrics/spbe-2020/pack.yaml");
    CHECK(path_to_uri("my packs/a b.yaml") == "my%20packs/a%20b.yaml");
    CHECK(path_to_uri("/abs/x.yaml") == "file:///abs/x.yaml");
}
