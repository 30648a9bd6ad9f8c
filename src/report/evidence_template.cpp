// render_evidence_template: the `spbe init` file. The regulation texts go into comments only, so
// nothing a pack says can change what the YAML means; values written from user input are quoted
// whenever a plain scalar could read back differently.
#include "report/evidence_template.hpp"

#include "report/labels.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

namespace spbe {

namespace {

// Line breaks a YAML 1.1 parser may honour besides \n and \r (NEL, LINE and PARAGRAPH SEPARATOR):
// inside a comment they would end it, so they become real line breaks.
std::string normalize_breaks(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
            out += '\n';
            ++i;
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                    static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
            out += '\n';
            i += 2;
        } else if (c == '\n') {
            out += '\n';
        } else if (c < 0x20 || c == 0x7F) {
            out += ' '; // tabs and other control characters
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// What a YAML 1.2 tool would read as a number or a boolean rather than text ("0123", "1.5", "true").
bool reads_as_non_text(const std::string& s) {
    static const std::set<std::string> words{"true", "True", "TRUE", "false", "False", "FALSE", ".inf", ".nan"};
    if (words.count(s)) return true;
    bool digit = false;
    for (char c : s) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return false;
    }
    return digit && s.find_first_of("0123456789.+-") == 0 && s.find('-', 1) == std::string::npos;
}

bool is_plain_safe(const std::string& s) {
    static const std::set<std::string> special{"null", "Null", "NULL", "~"};
    if (s.empty() || special.count(s) || s.back() == ' ') return false;
    auto ok_first = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    };
    if (!ok_first(s.front())) return false;
    return std::all_of(s.begin(), s.end(),
                       [&](char c) { return ok_first(c) || c == ' ' || c == '.' || c == '/' || c == '-'; }) &&
           s.find("  ") == std::string::npos;
}

struct Writer {
    const Pack& pack;
    const EvidenceTemplateOptions& opt;
    std::string out;

    bool en() const { return opt.lang == Lang::en; }

    void comment(const std::string& text, const std::string& indent, const std::string& first = "",
                 const std::string& rest = "") {
        out += yaml_comment(text, indent, first, rest, opt.width);
    }

    void header() {
        if (!opt.schema_ref.empty()) out += fmt::format("# yaml-language-server: $schema={}\n", opt.schema_ref);
        std::string title = pack.title.get(opt.lang);
        if (en()) {
            comment(fmt::format("{} evidence file of {}, year {}, rubric {} ({}). Created by `spbe init`.",
                                pack.index_name.get(opt.lang), opt.agency.name, opt.year, pack.id, title),
                    "");
            out += "#\n";
            comment(fmt::format("Fill in `level:` of every indicator with the self-assessed level ({}); "
                                "`null` means not assessed yet. Optional per indicator: `verified:` (the evaluator's "
                                "level), `note:`, `target:`, `effort:` and `evidence:`, e.g.",
                                pack.decimals == 0 ? "a whole number on its scale"
                                                   : fmt::format("a value on its scale with at most {} decimals, "
                                                                 "e.g. 2.5",
                                                                 pack.decimals)),
                    "");
        } else {
            comment(fmt::format("Berkas bukti {} {}, tahun {}, rubrik {} ({}). Dibuat dengan `spbe init`.",
                                pack.index_name.get(opt.lang), opt.agency.name, opt.year, pack.id, title),
                    "");
            out += "#\n";
            comment(fmt::format("Isi `level:` setiap indikator dengan tingkat hasil penilaian mandiri ({}); "
                                "`null` berarti belum dinilai. Opsional per indikator: `verified:` (tingkat hasil "
                                "verifikasi), `note:`, `target:`, `effort:` dan `evidence:`, misalnya:",
                                pack.decimals == 0 ? "bilangan bulat pada skalanya"
                                                   : fmt::format("nilai pada skalanya dengan paling banyak {} "
                                                                 "desimal, mis. 2.5",
                                                                 pack.decimals)),
                    "");
        }
        out += "#   evidence:\n";
        out += en() ? "#     - title: Regent regulation on the SPBE architecture\n"
                    : "#     - title: Peraturan Bupati tentang Arsitektur SPBE\n";
        out += "#       file: bukti/perbup-arsitektur-spbe.pdf\n";
        out += "#       valid_until: 2027-12-31\n";
        comment(en() ? "Then run `spbe check FILE` (it reports every level still missing) and `spbe score FILE`."
                     : "Lalu jalankan `spbe check BERKAS` (melaporkan setiap tingkat yang belum diisi) dan `spbe score "
                       "BERKAS`.",
                "");
        if (std::string notice = source_notice(pack, opt.lang); !notice.empty()) {
            out += "#\n";
            comment(notice, "");
        }
        scales();
    }

    // The scales in use; the generic level descriptions too where an indicator has no criteria of
    // its own, so that each indicator can refer to them instead of repeating them.
    void scales() {
        const Labels& L = labels(opt.lang);
        std::vector<bool> used(pack.scales.size()), generic(pack.scales.size());
        for (const auto& ind : pack.indicators) {
            used[static_cast<size_t>(ind.scale)] = true;
            if (ind.criteria.empty()) generic[static_cast<size_t>(ind.scale)] = true;
        }
        for (size_t s = 0; s < pack.scales.size(); ++s) {
            if (!used[s]) continue;
            const Scale& scale = pack.scales[s];
            out += "#\n";
            std::string title = fmt::format("{} {}", L.scale, scale.id);
            if (!scale.name.id.empty()) title += fmt::format(" ({})", scale.name.get(opt.lang));
            if (!generic[s]) {
                std::string names;
                for (const auto& level : scale.levels)
                    names += fmt::format("{}{} {}", names.empty() ? "" : ", ", level.value, level.name.get(opt.lang));
                comment(title + ":", "");
                comment(names, "", "  ", "  ");
                continue;
            }
            comment(title + ":", "");
            for (const auto& level : scale.levels) {
                std::string text = fmt::format("{} {}", level.value, level.name.get(opt.lang));
                if (!level.criteria.empty()) text += ": " + level.criteria;
                comment(text, "", "  ", "    ");
            }
        }
    }

    void agency() {
        out += "agency:\n";
        out += fmt::format("  name: {}\n", yaml_scalar(opt.agency.name));
        if (!opt.agency.code.empty()) out += fmt::format("  code: {}\n", yaml_scalar(opt.agency.code));
        if (!opt.agency.type.empty()) out += fmt::format("  type: {}\n", yaml_scalar(opt.agency.type));
        if (!opt.agency.province.empty()) out += fmt::format("  province: {}\n", yaml_scalar(opt.agency.province));
    }

    void group(int gi) {
        const Group& g = pack.groups[static_cast<size_t>(gi)];
        const Labels& L = labels(opt.lang);
        const Tier& tier = pack.tiers[static_cast<size_t>(g.tier)];
        std::string rule = g.tier == 0 ? "==" : "--";
        out += "\n";
        comment(fmt::format("{} {} {}: {} ({} {}) {}", rule, tier.name.get(opt.lang),
                            g.number ? std::to_string(*g.number) : g.id, g.name.get(opt.lang), L.weight,
                            format_weight(g.weight), rule),
                "  ", "", "   ");
        for (int c : g.children) group(c);
        for (int i : g.indicators) indicator(pack.indicators[static_cast<size_t>(i)]);
    }

    void indicator(const Indicator& ind) {
        const Labels& L = labels(opt.lang);
        const Scale& scale = pack.scale_of(ind);
        out += "\n";
        comment(fmt::format("{} {}: {}", L.indicator, ind.id, ind.name.get(opt.lang)), "  ", "", "  ");
        std::string scale_text = pack.scales.size() > 1 ? fmt::format("{} {}, ", L.scale, scale.id) : "";
        comment(fmt::format("({} {}; {}{} {}-{})", L.weight, format_weight(ind.weight), scale_text,
                            en() ? "levels" : "tingkat", scale.min(), scale.max()),
                "  ", "  ", "  ");
        if (!ind.question.empty()) comment(fmt::format("{}: {}", L.question, ind.question), "  ", "", "  ");
        if (ind.criteria.empty()) {
            comment(en() ? fmt::format("{}: those of scale {} at the top of this file.", L.criteria, scale.id)
                         : fmt::format("{}: lihat skala {} di awal berkas ini.", L.criteria, scale.id),
                    "  ");
        } else {
            comment(fmt::format("{}:", L.criteria), "  ");
            for (const auto& level : scale.levels) {
                std::string prefix = fmt::format("{}: ", level.value);
                comment(pack.criteria_for(ind, level.value), "  ", "  " + prefix, std::string(2 + prefix.size(), ' '));
            }
        }
        if (ind.external) {
            const ExternalIndex& x = *ind.external;
            std::string how =
                !x.has_conversion
                    ? (en() ? std::string("no conversion is known: give `level` too")
                            : std::string("konversinya belum diketahui: isi juga `level`"))
                    : fmt::format(fmt::runtime(en() ? "its value is converted from the index ({}); `value: null` "
                                                      "counts as 1.00 until the index is published"
                                                    : "nilainya dikonversi dari indeks ({}); `value: null` dihitung "
                                                      "1.00 selama indeks belum terbit"),
                                  conversion_formula(x, opt.lang));
            comment(en() ? fmt::format("From {} ({}): write `external: {{index: {}, value: N}}`; {}{}.",
                                       x.name.get(opt.lang).empty() ? x.index : x.name.get(opt.lang), x.agency, x.index,
                                       how, x.optional ? " (or score it from evidence with `level`)" : "")
                         : fmt::format("Dari {} ({}): tulis `external: {{index: {}, value: N}}`; {}{}.",
                                       x.name.get(opt.lang).empty() ? x.index : x.name.get(opt.lang), x.agency, x.index,
                                       how, x.optional ? " (atau nilai dari bukti dukung dengan `level`)" : ""),
                    "  ", "  ", "  ");
        }
        if (ind.external && ind.external->has_conversion && !ind.external->optional)
            out += fmt::format("  {}:\n    external: {{index: {}, value: null}}\n", yaml_key(ind.id),
                               yaml_scalar(ind.external->index));
        else out += fmt::format("  {}:\n    level: null\n", yaml_key(ind.id));
    }

    std::string run() {
        header();
        out += "\n";
        out += fmt::format("rubric: {}\n", yaml_scalar(pack.id));
        agency();
        out += fmt::format("year: {}\n", opt.year);
        out += "indicators:\n";
        for (int g : pack.groups_of_tier(0)) group(g);
        return out;
    }
};

} // namespace

std::string yaml_key(const std::string& s) { return is_plain_safe(s) ? s : yaml_scalar(s); }

std::string yaml_scalar(const std::string& s) {
    if (is_plain_safe(s) && !reads_as_non_text(s)) return s;
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
        else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
            out += "\\u0085";
            ++i;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
            out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string yaml_comment(const std::string& text, const std::string& indent, const std::string& first,
                         const std::string& rest, size_t width) {
    std::string out;
    std::string clean = normalize_breaks(text);
    bool first_line = true;
    auto emit = [&](const std::string& line) {
        std::string body = (first_line ? first : rest) + line;
        first_line = false;
        while (!body.empty() && body.back() == ' ') body.pop_back();
        out += indent + (body.empty() ? "#" : "# " + body) + "\n";
    };
    size_t start = 0;
    while (true) {
        size_t end = clean.find('\n', start);
        std::string para = clean.substr(start, end == std::string::npos ? std::string::npos : end - start);
        size_t reserved = indent.size() + 2; // "# "
        size_t first_reserved = reserved + display_width(first_line ? first : rest);
        size_t rest_reserved = reserved + display_width(rest);
        for (const auto& line : break_lines(split_words(para, false), width, first_reserved, rest_reserved)) emit(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string render_evidence_template(const Pack& pack, const EvidenceTemplateOptions& options) {
    Writer w{pack, options, {}};
    return w.run();
}

} // namespace spbe
