// `spbe init` templates: they parse back, leave exactly the levels to fill in, keep user input
// intact through YAML quoting, and wrap the regulation text into comment lines that cannot break
// the YAML.
#include "loader/builtin_packs.hpp"
#include "loader/evidence_loader.hpp"
#include "report/evidence_template.hpp"
#include "report/text_util.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

using namespace spbe;

namespace {

const Pack& builtin(const std::string& id) {
    static PackRegistry registry;
    std::vector<Diagnostic> diags;
    bool io_error = false;
    const Pack* p = registry.get(id, diags, io_error);
    REQUIRE(p);
    return *p;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("yaml_scalar quotes whatever would not read back as the same text") {
    CHECK(yaml_scalar("Pemerintah Kabupaten Contoh") == "Pemerintah Kabupaten Contoh");
    CHECK(yaml_scalar("spbe-2020") == "spbe-2020");
    CHECK(yaml_scalar("35-1") == "35-1");
    CHECK(yaml_scalar("9901") == "\"9901\"");
    CHECK(yaml_scalar("0123") == "\"0123\"");
    CHECK(yaml_scalar("1.5") == "\"1.5\"");
    CHECK(yaml_scalar("-3") == "\"-3\"");
    CHECK(yaml_scalar("true") == "\"true\"");
    CHECK(yaml_scalar("2024-01-01") == "2024-01-01"); // a string in YAML 1.2
    CHECK(yaml_key("11") == "11");
    CHECK(yaml_key("35-1") == "35-1");
    CHECK(yaml_key("a: b") == "\"a: b\"");
    CHECK(yaml_scalar("Kab. Asmat: Papua") == "\"Kab. Asmat: Papua\"");
    CHECK(yaml_scalar("null") == "\"null\"");
    CHECK(yaml_scalar("~") == "\"~\"");
    CHECK(yaml_scalar("") == "\"\"");
    CHECK(yaml_scalar("- a") == "\"- a\"");
    CHECK(yaml_scalar("a #b") == "\"a #b\"");
    CHECK(yaml_scalar("say \"hi\" \\ now") == "\"say \\\"hi\\\" \\\\ now\"");
    CHECK(yaml_scalar("a\nb") == "\"a\\nb\"");
    CHECK(yaml_scalar("a\xE2\x80\xA8"
                      "b") == "\"a\\u2028b\"");
    for (std::string s :
         {"Kab. Asmat: Papua", "null", "a #b", "say \"hi\" \\ now", "a\nb\tc", "Dinas Kominfo (Kota) / 'X'",
          "a\xE2\x80\xA8"
          "b",
          "  lead"}) {
        CAPTURE(s);
        YAML::Node n = YAML::Load("k: " + yaml_scalar(s));
        CHECK(n["k"].Scalar() == s);
    }
}

TEST_CASE("yaml_comment wraps at the width and turns every line break into a comment line") {
    std::string text = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh";
    std::string c = yaml_comment(text, "  ", "1: ", "   ", 30);
    CHECK(c == "  # 1: satu dua tiga empat\n"
               "  #    lima enam tujuh delapan\n" // exactly 30 columns
               "  #    sembilan sepuluh\n");
    CHECK(yaml_comment("a\n\nb", "", "", "", 100) == "# a\n#\n# b\n");
    CHECK(yaml_comment("a\r\nb\rc\xC2\x85"
                       "d\xE2\x80\xA9"
                       "e\tf",
                       "", "", "", 100) == "# a\n# b\n# c\n# d\n# e f\n");
    CHECK(yaml_comment("", "  ", "", "", 100) == "  #\n");
    // A word longer than the width stays whole on its own line.
    CHECK(yaml_comment("ab https://example.invalid/a/very/long/path cd", "", "", "", 20) ==
          "# ab\n# https://example.invalid/a/very/long/path\n# cd\n");
}

TEST_CASE("init template for spbe-2020 parses back with exactly one missing level per indicator") {
    const Pack& pack = builtin("spbe-2020");
    EvidenceTemplateOptions opt;
    opt.agency.name = "Pemerintah Kabupaten \"Contoh\": Uji #1";
    opt.agency.province = "Papua";
    opt.year = 2026;
    opt.schema_ref = "../schemas/evidence.schema.json";
    std::string text = render_evidence_template(pack, opt);
    auto lines = lines_of(text);
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "# yaml-language-server: $schema=../schemas/evidence.schema.json");
    for (const auto& line : lines) {
        CAPTURE(line);
        // Wrapped to 100 columns unless a single word is longer.
        if (display_width(line) > 100) CHECK(line.find(' ', line.find("# ") + 2) == std::string::npos);
    }
    EvidenceParse parsed = parse_evidence(text);
    CHECK(parsed.diags.empty());
    REQUIRE(parsed.file);
    CHECK(parsed.file->rubric == "spbe-2020");
    CHECK(parsed.file->agency.name == opt.agency.name);
    CHECK(parsed.file->agency.province == "Papua");
    CHECK(parsed.file->agency.code.empty());
    CHECK(parsed.file->year == 2026);
    REQUIRE(parsed.file->indicators.size() == pack.indicators.size());
    for (size_t i = 0; i < pack.indicators.size(); ++i) {
        CHECK(parsed.file->indicators[i].id == pack.indicators[i].id);
        CHECK(!parsed.file->indicators[i].level);
        CHECK(parsed.file->indicators[i].long_form);
    }
    std::vector<Diagnostic> diags;
    validate_evidence(*parsed.file, pack, diags);
    REQUIRE(diags.size() == pack.indicators.size());
    for (size_t i = 0; i < diags.size(); ++i) {
        CHECK(diags[i].rule == "missing-level");
        CHECK(diags[i].message == "level of indicator " + pack.indicators[i].id + " is not filled in");
    }
    // The question and every level's criteria of indicator 11 are there as comments.
    CHECK(text.find("  # Indikator 11: Tingkat Kematangan Arsitektur SPBE Instansi Pusat/Pemerintah Daerah\n"
                    "  #   (Bobot 2.5; Skala process, tingkat 1-5)\n"
                    "  # Pertanyaan: Apakah Instansi Pusat/Pemerintah Daerah memiliki Arsitektur SPBE Instansi\n"
                    "  #   Pusat/Pemerintah Daerah?\n"
                    "  # Kriteria:\n"
                    "  #   1: Konsep dokumen Arsitektur SPBE belum atau telah tersedia.\n") != std::string::npos);
    CHECK(text.find("  11:\n    level: null\n") != std::string::npos);
}

TEST_CASE("init template for spbe-2018 refers to the scale criteria and parses back") {
    const Pack& pack = builtin("spbe-2018");
    EvidenceTemplateOptions opt;
    opt.agency.name = "Pemerintah Kota Contoh";
    opt.year = 2018;
    opt.lang = Lang::en;
    std::string text = render_evidence_template(pack, opt);
    CHECK(text.rfind("# SPBE index evidence file of Pemerintah Kota Contoh, year 2018, rubric spbe-2018", 0) ==
          0); // no schema line
    CHECK(text.find("#   0 Not present: Belum ada penerapan SPBE untuk indikator ini.\n") != std::string::npos);
    CHECK(text.find("  # Criteria: those of scale maturity at the top of this file.\n") != std::string::npos);
    EvidenceParse parsed = parse_evidence(text);
    CHECK(parsed.diags.empty());
    REQUIRE(parsed.file);
    std::vector<Diagnostic> diags;
    validate_evidence(*parsed.file, pack, diags);
    CHECK(diags.size() == pack.indicators.size());
    for (const auto& d : diags) CHECK(d.rule == "missing-level");
}
