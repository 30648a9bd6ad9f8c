// Diagnostic formatting shared by every reader and command: the one place that decides how a
// problem is shown to the user ("file:line:col: error: message").
#include "model/text.hpp"

#include <algorithm>

namespace spbe {

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) out += d.file + ":";
    if (d.pos.line > 0) {
        out += std::to_string(d.pos.line) + ":";
        if (d.pos.col > 0) out += std::to_string(d.pos.col) + ":";
    }
    if (!out.empty()) out += " ";
    out += severity_name(d.severity);
    out += ": ";
    out += d.message;
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diags) {
    return std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void attach_file(std::vector<Diagnostic>& diags, const std::string& file) {
    for (auto& d : diags)
        if (d.file.empty()) d.file = file;
}

} // namespace spbe
