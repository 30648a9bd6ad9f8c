// Evidence file -> AgencyResult, collecting every diagnostic of the file before deciding, so that a
// user sees all problems at once and no score is ever produced from an invalid file.
#include "cli/agency_input.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace spbe::cli {

InputOutcome load_agency(const std::string& path, PackRegistry& registry, const std::string& rubric_override,
                         Basis basis) {
    std::string error;
    bool too_large = false;
    auto text = read_text_file(path, error, &too_large);
    if (!text) {
        InputOutcome out;
        out.diags.push_back(Diagnostic{path, {}, Severity::error, fmt::format("cannot read file: {}", error), "io"});
        out.exit_code = too_large ? kInvalidInput : kIoError;
        return out;
    }
    return load_agency_text(path, *text, registry, rubric_override, basis);
}

InputOutcome load_agency_text(const std::string& path, const std::string& text, PackRegistry& registry,
                              const std::string& rubric_override, Basis basis) {
    PackLookup lookup = [&registry](const std::string& ref, std::vector<Diagnostic>& diags, bool& io_error) {
        note_pack_input(ref);
        return registry.get(ref, diags, io_error);
    };
    return score_parsed(path, parse_evidence(text), lookup, rubric_override, basis);
}

std::optional<Diagnostic> csv_as_evidence(const std::string& path) {
    auto ends_with = [&](std::string_view x) {
        return path.size() > x.size() && path.compare(path.size() - 4, 4, x) == 0;
    };
    if (!ends_with(".csv") && !ends_with(".CSV")) return std::nullopt;
    return Diagnostic{path,
                      {},
                      Severity::error,
                      fmt::format("a CSV file is not an evidence file (YAML); a levels CSV is read with "
                                  "'spbe score --levels-csv {}' (or 'spbe report --levels-csv')",
                                  path),
                      "levels-csv-as-evidence"};
}

InputOutcome score_parsed(const std::string& path, EvidenceParse parsed, const PackLookup& lookup,
                          const std::string& rubric_override, Basis basis) {
    InputOutcome out;
    out.diags = std::move(parsed.diags);
    if (!parsed.file) {
        if (auto d = csv_as_evidence(path)) {
            out.diags = {*d};
            out.exit_code = kInvalidInput;
            return out;
        }
    }
    const Pack* pack = nullptr;
    if (parsed.file) {
        std::string ref = rubric_override.empty() ? parsed.file->rubric : rubric_override;
        if (!ref.empty()) {
            if (rubric_override.empty() && !is_builtin_pack(ref)) {
                out.diags.push_back(Diagnostic{"", parsed.file->rubric_pos, Severity::error, unknown_pack_message(ref),
                                               "unknown-rubric"});
            } else {
                std::vector<Diagnostic> pack_diags;
                bool io_error = false;
                pack = lookup(ref, pack_diags, io_error);
                if (!pack) {
                    attach_file(out.diags, path);
                    out.diags.insert(out.diags.end(), pack_diags.begin(), pack_diags.end());
                    out.exit_code = io_error ? kIoError : kInvalidInput;
                    return out;
                }
                if (!rubric_override.empty() && !parsed.file->rubric.empty() && parsed.file->rubric != pack->id)
                    out.diags.push_back(
                        Diagnostic{"", parsed.file->rubric_pos, Severity::warning,
                                   fmt::format("file names rubric '{}' but is scored with '{}' (--rubric)",
                                               parsed.file->rubric, pack->id),
                                   "rubric-override"});
                validate_evidence(*parsed.file, *pack, out.diags, basis == Basis::self);
            }
        }
    }
    attach_file(out.diags, path);
    if (!parsed.file || !pack || has_errors(out.diags)) {
        out.exit_code = kInvalidInput;
        return out;
    }
    parsed.file->path = path;
    out.result = score_evidence(*pack, std::move(*parsed.file), basis);
    if (!out.result) out.exit_code = kInvalidInput; // unreachable after validation; never a partial score
    return out;
}

std::function<bool(const std::string&)> evidence_file_probe(const std::string& evidence_path) {
    namespace fs = std::filesystem;
    fs::path base = fs::path(evidence_path).parent_path();
    return [base](const std::string& name) {
        std::error_code ec;
        fs::path p(name);
        return fs::exists(p.is_absolute() ? p : base / p, ec);
    };
}

} // namespace spbe::cli
