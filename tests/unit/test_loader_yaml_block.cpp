// The hand-written block-YAML reader: what it accepts and declines, and that every text it accepts
// (hand-picked edge cases, every YAML file in the repository, thousands of mutations of them) reads
// exactly as yaml-cpp reads it: same node kinds, texts and positions.
#include "loader/yaml_tree.hpp"
#include "../test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace spbe;
using spbe::test::read_source;
using spbe::test::where;
using spbe::test::yaml_difference;

namespace {

struct Outcome {
    bool accepted = false;
    std::string difference; // when accepted: empty, or how yaml-cpp's reading differs
    std::unique_ptr<YamlDocument> doc;
};

Outcome try_both(const std::string& text) {
    Outcome out;
    out.doc = std::make_unique<YamlDocument>();
    out.accepted = out.doc->parse_block_subset(text);
    if (!out.accepted) {
        CHECK_FALSE(out.doc->root().IsDefined()); // declining leaves an empty document
        return out;
    }
    YamlDocument reference;
    YamlError error;
    if (!reference.parse_yaml_cpp(text, error))
        out.difference = "yaml-cpp refuses it: " + error.message;
    else
        out.difference = yaml_difference(out.doc->root(), reference.root());
    return out;
}

// Accepted, and read exactly as yaml-cpp reads it.
std::unique_ptr<YamlDocument> accepted(const std::string& text) {
    Outcome o = try_both(text);
    CHECK_MESSAGE(o.accepted, text);
    CHECK_MESSAGE(o.difference == "", text);
    return std::move(o.doc);
}


std::vector<std::filesystem::path> repository_yaml_files() {
    std::vector<std::filesystem::path> files;
    for (const char* folder : {"examples", "tests", "rubrics"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(SPBE_SOURCE_DIR) / folder))
            if (entry.is_regular_file() && (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml"))
                files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("the evidence file shape reads as yaml-cpp reads it") {
    auto doc = accepted("# comment\nrubric: spbe-2020\nagency:\n  name: \"Kota Contoh\"\n  code: '17.30'\nyear: 2024\n"
                        "indicators:\n  1:\n    level: 3\n    note: >-\n      one\n      two\n\n      three\n"
                        "    evidence:\n      - title: \"Perbup 1\"   # trailing comment\n        file: a.pdf\n"
                        "      - title: x\n  2: 4\n  3:\n    level: ~\n");
    YamlNode root = doc->root();
    CHECK(root["agency"]["name"].Scalar() == "Kota Contoh");
    CHECK(where(root["agency"]["name"]) == "4:9");
    CHECK(root["agency"]["code"].Scalar() == "17.30");
    YamlNode one = root["indicators"]["1"];
    CHECK(where(one) == "9:5"); // a map starts at its first key
    CHECK(one["note"].Scalar() == "one two\nthree");
    CHECK(where(one["note"]) == "10:11"); // a block scalar starts at its indicator
    CHECK(where(one["evidence"]) == "16:7"); // a list starts at its first dash
    CHECK(one["evidence"].size() == 2);
    CHECK(where(*one["evidence"].begin()) == "16:9");
    CHECK(root["indicators"]["3"]["level"].IsNull());
}

TEST_CASE("edge cases inside the subset match yaml-cpp") {
    // An empty value is null at the next token; a list may sit at its key's indentation.
    auto doc = accepted("a:\nb: 1\nc:\n- x\n-\n- y: 1\n  z:\n  - q\nd: [] # empty\ne: {}\n");
    YamlNode root = doc->root();
    CHECK(root["a"].IsNull());
    CHECK(where(root["a"]) == "2:1");
    CHECK(root["c"].size() == 3);
    CHECK(where(root["c"]) == "4:1");
    auto item = root["c"].begin();
    CHECK((*++item).IsNull());
    CHECK(where(*item) == "6:1");
    CHECK((*++item)["z"].IsSequence());
    CHECK(root["d"].IsSequence());
    CHECK(root["d"].size() == 0);
    CHECK(root["e"].IsMap());
    accepted("---\na: 1\n");
    accepted("--- # first document\n- a\n- b\n");
    accepted("null: 1\nNull: ~\nNULL: null\n~: x\n");
    accepted("key   : v\n\"35-1\": 1\n'35-2': 2\n\"a\"  :  b\n");
    accepted("- \"a\": 1\n  b: 2\n- 'it''s'\n- \"\"\n");
    accepted("a: >\n  x\n\n\n  y\n\n\nb: |-\n  x\n\n  y\n\nc: |\n  x\n  y\nd: >- # c\n  t\n");
    accepted("a: >-\n  x  \n  y\nb:\n  - >-\n    folded item\n  - |\n    lit\n");
    accepted("k\xc3\xa9y: \xc3\xa9\xc3\xa9\nnext: \xe2\x80\x94 dash \xe2\x80\xa8 ls\nz: \"\xc2\x85\"\nw: a\xc2\x85 b\n");
    accepted("a: x:y\nb: http://x.y/z\nc: b # c: d\nd: \"#x\"\ne: x#y\nf: 2024-01-01\n");
    accepted("  a: 1\n  b:\n    c:\n      - d: 1\n        e: 2\n      -   f: 3\n          g: 4\n");
    accepted("a:\n  # deeper comments before a nested block are skipped\n    # even deeper\n  b: 1\n");
    accepted("a: 1\na: 2\n0: a\n00: b\n");
}

TEST_CASE("anything outside the subset is left to yaml-cpp") {
    const char* declined[] = {
        "a: 1",                       // no final line break
        "a: 1\r\n",                   // CR
        "a:\t1\n",                    // tab
        "\xef\xbb\xbf" "a: 1\n",      // BOM
        "a: [1]\n",                   // flow collections
        "a: {b: 1}\n",
        "a: &x 1\nb: *x\n",           // anchors and aliases
        "a: !tag x\n",                // tags
        "%YAML 1.2\n---\na: 1\n",     // directives
        "? a\n: b\n",                 // complex keys
        "a: b\n---\nc: d\n",          // a second document
        "a: 1\n...\n",
        "a: x\n  y\n",                // multi-line plain scalar
        "a: \"x\n  y\"\n",            // multi-line quoted scalar
        "a: \"x\\ty\"\n",             // escapes
        "a: x\n  # a deeper comment after a scalar\nb: 1\n",
        "a: >\n\n  x\n",              // leading blank line in a block scalar
        "a: >2\n   x\n",              // explicit indentation
        "a: |+\n  x\n\n",             // keep chomping
        "a: >\n  x\n    more\n  y\n", // a more-indented line
        "a: 1\nb:\n",                 // an empty value at the end
        "a: -1\n",                    // a plain scalar starting with an indicator
        "- - x\n",                    // a list opened on a list item's line
        "a: b: c\n",                  // errors are yaml-cpp's to report
        "a:\n  b: 1\n c: 2\n",
        "a\n",
        "# only a comment\n",
        "",
    };
    for (const char* text : declined) {
        Outcome o = try_both(text);
        CHECK_MESSAGE(!o.accepted, text);
    }
    // Deep nesting stops at 64 levels.
    std::string deep;
    for (int i = 0; i < 70; ++i) deep += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
    deep += std::string(140, ' ') + "v: 1\n";
    CHECK_FALSE(try_both(deep).accepted);
}

TEST_CASE("both readers take nesting up to kMaxDepth and refuse it one level deeper") {
    auto nested = [](int depth) { // `depth` maps, each the only value of the one before
        std::string s;
        for (int i = 0; i + 1 < depth; ++i) s += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
        return s + std::string(static_cast<std::size_t>(2 * (depth - 1)), ' ') + "v: 1\n";
    };
    accepted(nested(YamlDocument::kMaxDepth));
    CHECK_FALSE(try_both(nested(YamlDocument::kMaxDepth + 1)).accepted);
    YamlDocument doc;
    YamlError error;
    CHECK_FALSE(doc.parse(nested(YamlDocument::kMaxDepth + 1), error));
    CHECK(error.own);
    CHECK(error.pos.line == YamlDocument::kMaxDepth + 1);
    CHECK(error.message == "nesting too deep (more than 64 levels of lists and mappings)");
}

TEST_CASE("YamlDocument::parse falls back to yaml-cpp for the same result and errors") {
    YamlDocument doc;
    YamlError error;
    REQUIRE(doc.parse("a: [1, 2]\n", error));
    CHECK(doc.root()["a"].size() == 2);
    CHECK_FALSE(doc.parse("a: b: c\n", error));
    CHECK(error.message == "illegal map value");
    CHECK(error.pos.line == 1);
    CHECK(error.pos.col == 5);
}

TEST_CASE("every YAML file in the repository, and mutations of them, read as yaml-cpp reads them") {
    std::vector<std::string> texts;
    int accepted_files = 0;
    for (const auto& path : repository_yaml_files()) {
        std::string text = read_source(path);
        Outcome o = try_both(text);
        CHECK_MESSAGE(o.difference == "", path.string());
        if (!o.accepted) continue;
        ++accepted_files;
        texts.push_back(std::move(text));
    }
    // The bundled examples are the shape real evidence files take: the fast reader must take them.
    for (const char* example : {"kab-contoh-2023.yaml", "kab-contoh-2024.yaml", "kota-contoh-2024.yaml", "prov-contoh-2024.yaml"})
        CHECK_MESSAGE(try_both(read_source(std::filesystem::path(SPBE_SOURCE_DIR) / "examples" / example)).accepted, example);
    CHECK(accepted_files >= 40);

    // Random edits with YAML's significant characters; fixed seed, so a failure repeats.
    std::mt19937 rng(20241130);
    const std::string alphabet = ":-[]{},&*!|>'\"#? \n~x1.\\%@`\xc2\x85\xe2\x80\xa8";
    int mutants = 0, mutants_accepted = 0;
    for (const auto& text : texts) {
        for (int m = 0; m < 150; ++m) {
            std::string t = text;
            for (int k = 0, edits = 1 + static_cast<int>(rng() % 3); k < edits && !t.empty(); ++k) {
                std::size_t at = rng() % t.size();
                switch (rng() % 5) {
                case 0: t.erase(at, 1 + rng() % 4); break;
                case 1: t.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
                case 2: t[at] = alphabet[rng() % alphabet.size()]; break;
                case 3: t.insert(at, std::string(1 + rng() % 3, ' ')); break;
                default: t.insert(at, t.substr(rng() % t.size(), rng() % 40)); break;
                }
            }
            Outcome o = try_both(t);
            ++mutants;
            if (!o.accepted) continue;
            ++mutants_accepted;
            CHECK_MESSAGE(o.difference == "", t);
        }
    }
    MESSAGE(mutants_accepted << " of " << mutants << " mutated texts accepted");
    CHECK(mutants_accepted >= 1000);
}
