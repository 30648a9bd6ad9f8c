// Findings renderers. Output is deterministic (findings already sorted, no timestamps) so that
// the golden tests and CI logs compare byte for byte.
#include "report/findings_report.hpp"

#include "report/json_writer.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace spbe {

namespace {

std::string plural(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

std::string location_text(const Finding& f) {
    std::string out = f.file;
    if (f.pos.line > 0) {
        out += ":" + std::to_string(f.pos.line);
        if (f.pos.col > 0) out += ":" + std::to_string(f.pos.col);
    }
    return out;
}

std::string plain_line(const Finding& f) {
    return fmt::format("{}: {}: {} [{}]", location_text(f), severity_name(f.severity), f.message, f.rule);
}

const char* github_command(Severity s) {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
    }
    return "error";
}

std::map<std::string, std::vector<const Finding*>> by_file(const FindingsReport& report) {
    std::map<std::string, std::vector<const Finding*>> out;
    for (const auto& file : report.files) out[file];
    for (const auto& f : report.findings) out[f.file].push_back(&f);
    return out;
}

} // namespace

std::string findings_summary(const FindingsReport& report) {
    FindingCounts c = count_findings(report.findings);
    std::string out = plural(c.errors, "error", "errors") + ", " + plural(c.warnings, "warning", "warnings");
    if (c.infos > 0) out += fmt::format(", {} info", c.infos);
    std::size_t files = by_file(report).size();
    out += " in " + plural(static_cast<int>(files), "file", "files");
    return out;
}

std::string render_findings_text(const FindingsReport& report, bool color) {
    std::string out;
    // Per file, the rules in order of first appearance with how many of their findings were shown and held back.
    std::vector<std::pair<std::string_view, std::pair<std::size_t, std::size_t>>> shown;
    std::map<std::string_view, std::size_t> held_by_rule;
    auto close_file = [&](std::string_view file) {
        for (const auto& [rule, counts] : shown)
            if (counts.second > 0)
                out += fmt::format("{}: … and {} more of the same {} (--max-repeats 0 shows every one)\n",
                                   terminal_safe(file), counts.second,
                                   colorize("[" + std::string(rule) + "]", Color::dim, color));
        if (auto it = report.filled.find(std::string(file)); it != report.filled.end())
            out += fmt::format("{}: {} of {} indicators filled in\n", terminal_safe(file), it->second.first,
                               it->second.second);
        shown.clear();
    };
    const std::string* file = nullptr;
    for (const auto& f : report.findings) {
        if (!file || *file != f.file) {
            if (file) close_file(*file);
            file = &f.file;
        }
        auto it = std::find_if(shown.begin(), shown.end(), [&](const auto& e) { return e.first == f.rule; });
        if (it == shown.end()) it = shown.insert(shown.end(), {f.rule, {0, 0}});
        if (report.max_repeats > 0 && it->second.first >= report.max_repeats) {
            ++it->second.second;
            ++held_by_rule[f.rule];
            continue;
        }
        ++it->second.first;
        Color c = f.severity == Severity::error     ? Color::red
                  : f.severity == Severity::warning ? Color::yellow
                                                    : Color::dim;
        out += fmt::format("{}: {}: {} {}\n", terminal_safe(location_text(f)),
                           colorize(severity_name(f.severity), c, color), terminal_safe(f.message),
                           colorize("[" + f.rule + "]", Color::dim, color));
    }
    if (file) close_file(*file);
    out += findings_summary(report) + "\n";
    if (!held_by_rule.empty()) { // a flood: which rules it is made of, most frequent first
        std::map<std::string_view, std::size_t> total;
        for (const auto& f : report.findings) ++total[f.rule];
        std::vector<std::pair<std::string_view, std::size_t>> rules(total.begin(), total.end());
        std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        std::string list;
        for (const auto& [rule, n] : rules) list += fmt::format("{}{} {}", list.empty() ? "" : ", ", rule, n);
        out += "by rule: " + list + "\n";
    }
    return out;
}

std::string github_escape_data(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string github_escape_property(std::string_view s) {
    std::string out;
    for (char c : github_escape_data(s)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

std::string render_findings_github(const FindingsReport& report) {
    std::string out;
    for (const auto& f : report.findings) {
        std::string props = "file=" + github_escape_property(f.file);
        if (f.pos.line > 0) {
            props += fmt::format(",line={}", f.pos.line);
            if (f.pos.col > 0) props += fmt::format(",col={}", f.pos.col);
        }
        props += ",title=" + github_escape_property(f.rule);
        out += fmt::format("::{} {}::{}\n", github_command(f.severity), props, github_escape_data(f.message));
    }
    return out;
}

std::string path_to_uri(std::string_view path) {
    std::string out;
    if (!path.empty() && path.front() == '/') out = "file://";
    for (char ch : path) {
        auto c = static_cast<unsigned char>(ch);
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) out += ch;
        else if (c == '\\') out += '/';
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string render_findings_sarif(const FindingsReport& report, const ToolInfo& tool) {
    std::map<std::string, int> rule_index;
    for (std::size_t i = 0; i < report.rules.size(); ++i) rule_index[report.rules[i].id] = static_cast<int>(i);
    JsonWriter w;
    w.begin_object();
    w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    w.field("version", "2.1.0");
    w.key("runs").begin_array().begin_object();
    w.key("tool").begin_object().key("driver").begin_object();
    w.field("name", tool.name);
    w.field("version", tool.version);
    w.field("semanticVersion", tool.version);
    // informationUri is optional in SARIF 2.1.0; it is written only when the project has a home.
    if (!tool.information_uri.empty()) w.field("informationUri", tool.information_uri);
    w.key("rules").begin_array();
    for (const auto& r : report.rules) {
        w.begin_object();
        w.field("id", r.id);
        w.key("shortDescription").begin_object().field("text", r.summary).end_object();
        w.key("fullDescription").begin_object().field("text", r.help).end_object();
        w.key("help")
            .begin_object()
            .field("text", r.help)
            .field("markdown", fmt::format("**{}** ({})\n\n{}", r.id, severity_name(r.severity), r.help))
            .end_object();
        w.key("defaultConfiguration").begin_object().field("level", sarif_level(r.severity)).end_object();
        w.end_object();
    }
    w.end_array();
    w.end_object().end_object(); // driver, tool
    w.key("results").begin_array();
    for (const auto& f : report.findings) {
        w.begin_object();
        w.field("ruleId", f.rule);
        if (auto it = rule_index.find(f.rule); it != rule_index.end()) w.field("ruleIndex", it->second);
        w.field("level", sarif_level(f.severity));
        w.key("message").begin_object().field("text", f.message).end_object();
        w.key("locations").begin_array().begin_object();
        w.key("physicalLocation").begin_object();
        w.key("artifactLocation").begin_object().field("uri", path_to_uri(f.file)).end_object();
        if (f.pos.line > 0) {
            w.key("region").begin_object().field("startLine", f.pos.line);
            if (f.pos.col > 0) w.field("startColumn", f.pos.col);
            w.end_object();
        }
        w.end_object().end_object().end_array(); // physicalLocation, location, locations
        w.end_object();
    }
    w.end_array();
    w.end_object().end_array(); // run, runs
    w.end_object();
    return w.str();
}

std::string render_findings_junit(const FindingsReport& report) {
    auto files = by_file(report);
    int failures = 0;
    for (const auto& [file, list] : files)
        for (const Finding* f : list)
            if (at_or_above(f->severity, report.fail_on)) {
                ++failures;
                break;
            }
    std::string suite = "spbe " + report.command;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", xml_escape(suite),
                       files.size(), failures);
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                       xml_escape(suite), files.size(), failures);
    for (const auto& [file, list] : files) {
        out += fmt::format("    <testcase classname=\"spbe.{}\" name=\"{}\"", report.command, xml_escape(file));
        std::string failing, other;
        FindingCounts c;
        for (const Finding* f : list) {
            (at_or_above(f->severity, report.fail_on) ? failing : other) += plain_line(*f) + "\n";
            if (f->severity == Severity::error) ++c.errors;
            else if (f->severity == Severity::warning) ++c.warnings;
            else ++c.infos;
        }
        if (list.empty()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        if (!failing.empty()) {
            std::string msg = plural(c.errors, "error", "errors") + ", " + plural(c.warnings, "warning", "warnings");
            out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml_escape(msg),
                               severity_name(report.fail_on), xml_escape(failing));
        }
        if (!other.empty()) out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(other));
        out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

std::string render_findings_json(const FindingsReport& report, const ToolInfo& tool) {
    FindingCounts c = count_findings(report.findings);
    JsonWriter w;
    w.begin_object();
    w.field("tool", tool.name);
    w.field("version", tool.version);
    w.field("command", report.command);
    w.key("summary").begin_object();
    w.field("files", static_cast<int>(by_file(report).size()));
    w.field("errors", c.errors);
    w.field("warnings", c.warnings);
    w.field("info", c.infos);
    w.field("fail_on", severity_name(report.fail_on));
    w.field("failed", fails(report.findings, report.fail_on));
    w.end_object();
    w.key("files").begin_array();
    for (const auto& [file, list] : by_file(report)) w.value(file);
    w.end_array();
    w.key("findings").begin_array();
    for (const auto& f : report.findings) {
        w.begin_object();
        w.field("file", f.file);
        if (f.pos.line > 0) w.field("line", f.pos.line);
        else w.key("line").null();
        if (f.pos.col > 0) w.field("column", f.pos.col);
        else w.key("column").null();
        w.field("severity", severity_name(f.severity));
        w.field("rule", f.rule);
        w.field("message", f.message);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

} // namespace spbe
