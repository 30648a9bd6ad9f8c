// looks_like_spbe_output: the beginning of every spbe output format is recognised; evidence files,
// rubric pack files and other people's files are not, so -o replaces them only with --force.
#include "cli/output_kind.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace spbe::cli;

TEST_CASE("every output format's beginning is recognised") {
    const char* reports[] = {
        "",
        "{\n  \"schema\": \"spbe.score/1\",\n  \"file\": \"x.yaml\",\n",
        "{\n  \"tool\": \"spbe\",\n  \"version\": \"0.1.0\",\n",
        "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n",
        "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"title\": \"spbe evidence file\",\n",
        "{\"type\":\"agency\",\"file\":\"x.yaml\"}\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"spbe check\""
        " tests=\"1\" failures=\"0\" errors=\"0\">\n",
        "file,agency,code,type,province,year,rubric,index,index_exact,predicate,policy\n"
        "x.yaml,Kab,1,k,p,2024,spbe-2020,2.26,2.2565,Cukup,2.30\n",
        "rank,file,agency,code\n",
        "kind,id,name,old,new,delta\nindex,,Indeks SPBE,2.16,2.26,+0.09\n",
        "::warning file=x.yaml,line=24,col=6,title=no-evidence::indicator 3 claims level 2 but lists no evidence\n",
        "x.yaml:13:37: error: valid_until '31-12-2026' is not a date (YYYY-MM-DD)"
        " [date-format]\n1 error, 0 warnings in 1 file\n",
        "0 errors, 0 warnings in 5 files\n",
        "Pemerintah Kabupaten Contoh \u00B7 2024 \u00B7 spbe-2020 (PermenPANRB"
        " 59/2020)\nIndeks SPBE 2.26  Cukup\nTarget: Baik\n",
        "## Pemerintah Kabupaten Contoh \u00B7 2024 \u00B7 spbe-2020 (PermenPANRB"
        " 59/2020)\n\n**Indeks SPBE 2.26 \u2014 Cukup**\n",
        "Indikator 1 \u00B7 spbe-2020\nTingkat Kematangan\n",
        "Instansi                     Tahun  Indeks  Predikat\n",
        "#  Agency                            Year  Rubric     Index\n1  Pemerintah Kota Denpasar\n",
        "| # | Instansi | Tahun | Indeks |\n|---|---|\n",
        "| Agency | Year | Index |\n",
        "id         judul                                      sumber\n",
        "ID          Judul                                      Sumber\n",
        "ID          Title                                      Source\n",
        "<!DOCTYPE html>\n<!-- spbe report -->\n<html lang=\"id\">\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- spbe report -->\n<svg "
        "xmlns=\"http://www.w3.org/2000/svg\">\n",
    };
    for (const char* r : reports) {
        CAPTURE(r);
        CHECK(looks_like_spbe_output(r));
    }
}

TEST_CASE("evidence files, pack files and other files are not taken for reports") {
    const char* others[] = {
        "# yaml-language-server: $schema=../schemas/evidence.schema.json\nrubric: spbe-2020\nagency:\n  name: X\n",
        "rubric: spbe-2020\n",
        "id: spbe-2020\ntitle:\n  id: \"Evaluasi SPBE\"\n",
        // A title-like first line does not save a YAML file.
        "# Pemerintah Kabupaten Contoh \u00B7 2024\nrubric: spbe-2020\n",
        "#  Instansi catatan\nindicators:\n",
        "old\n",
        "\n",
        "Laporan SPBE untuk Bupati\n",
        "<!DOCTYPE html>\n<html>\n<body>my own page</body>\n", // HTML without spbe's comment
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
        "name,code,year,1,2,3\nKab,9901,2024,3,2,1\n", // a levels CSV of the user
        "file,agency\n",                               // two columns: not one of spbe's headers
        "{\n  \"name\": \"mine\"\n}\n",
        "{\n  \"$schema\": \"https://example.org/my.json\"\n}\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project>\n",
        "%PDF-1.7\n",
        "\x89PNG\r\n",
    };
    for (const char* o : others) {
        CAPTURE(o);
        CHECK_FALSE(looks_like_spbe_output(o));
    }
}

TEST_CASE("no evidence file or rubric pack file of the repository is taken for a report") {
    namespace fs = std::filesystem;
    int seen = 0;
    for (const char* dir : {"examples", "rubrics", "tests/fixtures", "tests/check", "tests/lint"})
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(SPBE_SOURCE_DIR) / dir)) {
            auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::string head(kOutputSniffBytes, '\0');
            in.read(head.data(), static_cast<std::streamsize>(head.size()));
            head.resize(static_cast<size_t>(in.gcount()));
            if (head.empty()) continue; // an empty file is replaceable by rule
            CAPTURE(entry.path().string());
            CHECK_FALSE(looks_like_spbe_output(head));
            ++seen;
        }
    CHECK(seen > 50);
}
