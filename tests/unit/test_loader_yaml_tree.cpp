// The compact YAML tree: node kinds, positions, aliases, duplicate keys and syntax errors, each
// also checked node by node against the YAML::Node tree YAML::Load builds from the same text.
#include "loader/yaml_tree.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <string>

using namespace spbe;

namespace {

struct Parsed {
    YamlDocument doc;
    YamlError error;
    bool ok = false;
};

// Heap-allocated so that nodes (which point at the document) stay valid when returned.
std::unique_ptr<Parsed> parse(const std::string& text) {
    auto p = std::make_unique<Parsed>();
    p->ok = p->doc.parse(text, p->error);
    return p;
}

// Empty when `mine` matches yaml-cpp's node, else the first difference. `depth` stops at cycles.
std::string compare(const YAML::Node& theirs, YamlNode mine, const std::string& path = "root", int depth = 0) {
    if (depth > 20) return "";
    auto kind = [](const YAML::Node& n) {
        // YAML::Load of a text without a document gives a null node without a position.
        if (!n.IsDefined() || (n.IsNull() && n.Mark().is_null())) return YamlKind::Undefined;
        switch (n.Type()) {
        case YAML::NodeType::Null: return YamlKind::Null;
        case YAML::NodeType::Scalar: return YamlKind::Scalar;
        case YAML::NodeType::Sequence: return YamlKind::Sequence;
        case YAML::NodeType::Map: return YamlKind::Map;
        default: return YamlKind::Undefined;
        }
    };
    if (kind(theirs) != mine.Type()) return path + ": kind";
    if (!mine.IsDefined()) return "";
    SourcePos p = mine.pos();
    if (p.line != theirs.Mark().line + 1 || p.col != theirs.Mark().column + 1) return path + ": position";
    if (mine.IsScalar() && theirs.Scalar() != mine.Scalar()) return path + ": text";
    if (theirs.size() != mine.size()) return path + ": size";
    if (mine.IsSequence()) {
        size_t i = 0;
        for (YamlNode item : mine) {
            auto d = compare(theirs[i], item, path + "[" + std::to_string(i) + "]", depth + 1);
            if (!d.empty()) return d;
            ++i;
        }
    }
    if (mine.IsMap()) {
        auto it = theirs.begin();
        for (auto [key, value] : mine.pairs()) {
            auto d = compare(it->first, key, path + ".key", depth + 1);
            if (d.empty()) d = compare(it->second, value, path + "." + std::string(key.Scalar()), depth + 1);
            if (!d.empty()) return d;
            ++it;
        }
    }
    return "";
}

// Parses `text` both ways and requires the same outcome (tree, or error message and position).
std::unique_ptr<Parsed> same_as_yaml_cpp(const std::string& text) {
    auto p = parse(text);
    try {
        YAML::Node theirs = YAML::Load(text);
        CHECK_MESSAGE(p->ok, text);
        CHECK_MESSAGE(compare(theirs, p->doc.root()) == "", text);
    } catch (const YAML::Exception& e) {
        CHECK_MESSAGE(!p->ok, text);
        CHECK(p->error.message == e.msg);
        CHECK(p->error.pos.line == e.mark.line + 1);
        CHECK(p->error.pos.col == e.mark.column + 1);
    }
    return p;
}

} // namespace

TEST_CASE("scalars, nulls and positions") {
    auto p = same_as_yaml_cpp("a: 1\nb: ~\nc:\nd: null\ne: 'null'\nf: \"two words\"\n  # comment\ng: x y\n");
    YamlNode root = p->doc.root();
    REQUIRE(root.IsMap());
    CHECK(root.size() == 7);
    CHECK(root["a"].Scalar() == "1");
    CHECK(root["a"].pos().line == 1);
    CHECK(root["a"].pos().col == 4);
    CHECK(root["b"].IsNull());
    CHECK(root["c"].IsNull());
    CHECK(root["d"].IsNull());
    CHECK(root["e"].IsScalar());
    CHECK(root["e"].Scalar() == "null");
    CHECK(root["f"].Scalar() == "two words");
    CHECK(root["g"].Scalar() == "x y");
    CHECK(root["g"].pos().line == 8);
    CHECK_FALSE(root["missing"].IsDefined());
    CHECK(root["missing"].pos().line == 0);
    CHECK(root["a"].Scalar().size() == 1);
    CHECK(root["b"].Scalar().empty());
    CHECK(root["a"]["x"].IsDefined() == false); // subscripting a scalar finds nothing
}

TEST_CASE("block scalars and quoting") {
    auto p = same_as_yaml_cpp("lit: |\n  one\n  two\nfold: >-\n  one\n  two\n\nsq: 'it''s'\ndq: \"a\\tb\\u00e9\"\nplain: 2,5\n");
    YamlNode root = p->doc.root();
    CHECK(root["lit"].Scalar() == "one\ntwo\n");
    CHECK(root["fold"].Scalar() == "one two");
    CHECK(root["sq"].Scalar() == "it's");
    CHECK(root["dq"].Scalar() == "a\tb\xc3\xa9");
    CHECK(root["plain"].Scalar() == "2,5");
}

TEST_CASE("nested block and flow collections keep document order") {
    auto p = same_as_yaml_cpp("z: [1, [2, 3], {k: v}]\na:\n  - x\n  - m: 1\n    n: [ ]\n  -\n  - {}\nm: {b: 1, a: 2}\n");
    YamlNode root = p->doc.root();
    std::string keys;
    for (auto [k, v] : root.pairs()) keys += std::string(k.Scalar());
    CHECK(keys == "zam");
    YamlNode z = root["z"];
    REQUIRE(z.IsSequence());
    CHECK(z.size() == 3);
    std::vector<YamlKind> kinds;
    for (YamlNode item : z) kinds.push_back(item.Type());
    CHECK(kinds == std::vector<YamlKind>{YamlKind::Scalar, YamlKind::Sequence, YamlKind::Map});
    YamlNode a = root["a"];
    CHECK(a.size() == 4);
    auto it = a.begin();
    CHECK((*it).Scalar() == "x");
    ++it;
    CHECK((*it)["n"].IsSequence());
    CHECK((*it)["n"].size() == 0);
    CHECK((*it)["n"].begin() == (*it)["n"].end());
    ++it;
    CHECK((*it).IsNull());
    ++it;
    CHECK((*it).IsMap());
    CHECK((*it).pairs().empty());
    CHECK(root.begin() == root.end()); // a map has no sequence items
    CHECK(z.pairs().empty());           // and a list no pairs
}

// Where `text` is refused: "line:col message", or "" when it is read.
std::string refusal(const std::string& text) {
    auto p = parse(text);
    if (p->ok) return "";
    CHECK(p->error.own);
    CHECK_FALSE(p->doc.root().IsDefined());
    return std::to_string(p->error.pos.line) + ":" + std::to_string(p->error.pos.col) + " " + p->error.message;
}

TEST_CASE("aliases are refused at the alias; anchors alone are read") {
    const std::string alias = "YAML aliases ('*name') are not supported; write the value out in full";
    CHECK(refusal("base: &b {level: 3}\ncopy: *b\n") == "2:7 " + alias);
    CHECK(refusal("a: &x [1, *x]\n") == "1:11 " + alias); // a list that would contain itself
    // Billion laughs: nine lines standing for 9^9 strings end at the first alias, in no time.
    std::string laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        laughs += fmt::format("{0}: &{0} [", c);
        for (int i = 0; i < 9; ++i) laughs += fmt::format("{}*{}", i ? ", " : "", static_cast<char>(c - 1));
        laughs += "]\n";
    }
    CHECK(refusal(laughs) == "2:8 " + alias);
    CHECK(refusal("base: &b {x: 1}\nmerged:\n  <<: *b\n") == "3:7 " + alias); // a merge key needs an alias
    auto p = same_as_yaml_cpp("base: &b {level: 3}\nlist: [&s one, two]\n");
    CHECK(p->doc.root()["base"]["level"].Scalar() == "3");
    same_as_yaml_cpp("a: *nope\n"); // an unknown anchor is still yaml-cpp's syntax error
}

TEST_CASE("nesting deeper than kMaxDepth is refused where it happens, however deep") {
    const std::string too_deep = fmt::format("nesting too deep (more than {} levels of lists and mappings)", YamlDocument::kMaxDepth);
    auto nested_lists = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "- ";
        return s + "x\n";
    };
    CHECK(refusal(nested_lists(YamlDocument::kMaxDepth)).empty());
    CHECK(refusal(nested_lists(YamlDocument::kMaxDepth + 1)) == "1:129 " + too_deep);
    CHECK(refusal(nested_lists(100000)) == "1:129 " + too_deep); // no recursion past the limit
    std::string maps;
    for (int i = 0; i < 100; ++i) maps += std::string(static_cast<size_t>(2 * i), ' ') + "k:\n";
    CHECK(refusal(maps) == "65:129 " + too_deep);
    CHECK(refusal("a: " + std::string(100000, '[') + "\n").rfind("1:", 0) == 0); // flow: on the line it happens
}

TEST_CASE("a second document is refused at its start") {
    const std::string second = "a second YAML document starts here ('---'); a file holds one document (split it into two files)";
    CHECK(refusal("---\na: 1\n---\nb: 2\n...\n") == "3:1 " + second);
    CHECK(refusal("a: 1\n---\n") == "2:1 " + second);
    CHECK(refusal("a: 1\n...\nb: 2\n") == "3:1 " + second);
    CHECK(refusal("a: 1\n...\n# only a comment\n").empty());
    CHECK(refusal("--- # one\na: 1\n...\n").empty());
}

TEST_CASE("duplicate and non-scalar keys stay visible") {
    auto p = same_as_yaml_cpp("a: 1\nb: 2\na: 3\n[x, y]: 4\n? {k: v}\n: 5\n~: 6\n");
    YamlNode root = p->doc.root();
    CHECK(root.size() == 6);
    std::vector<std::pair<YamlKind, std::string>> seen;
    for (auto [k, v] : root.pairs()) seen.emplace_back(k.Type(), std::string(v.Scalar()));
    CHECK(seen == std::vector<std::pair<YamlKind, std::string>>{{YamlKind::Scalar, "1"}, {YamlKind::Scalar, "2"}, {YamlKind::Scalar, "3"},
                                                                {YamlKind::Sequence, "4"}, {YamlKind::Map, "5"}, {YamlKind::Null, "6"}});
    CHECK(root["a"].Scalar() == "1"); // the first, as yaml-cpp
    auto it = root.pairs().begin();
    ++it;
    ++it;
    CHECK((*it).key.pos().line == 3);
}

TEST_CASE("syntax errors carry yaml-cpp's message and position") {
    auto p = same_as_yaml_cpp("rubric: spbe-2020\nagency: [a,\n");
    CHECK_FALSE(p->ok);
    CHECK(p->error.message == "end of sequence flow not found");
    CHECK(p->error.pos.line == 3);
    CHECK(p->error.pos.col == 1);
    CHECK_FALSE(p->doc.root().IsDefined());
    same_as_yaml_cpp("a: b: c\n");
    same_as_yaml_cpp("a:\n  - x\n y: 1\n");
    same_as_yaml_cpp("key: \"unterminated\n");
    same_as_yaml_cpp("\t- tab\n");
}

TEST_CASE("empty documents") {
    CHECK_FALSE(same_as_yaml_cpp("")->doc.root().IsDefined());
    CHECK_FALSE(same_as_yaml_cpp("# only a comment\n\n")->doc.root().IsDefined());
    CHECK(same_as_yaml_cpp("---\n")->doc.root().IsNull());
    CHECK(same_as_yaml_cpp("~\n")->doc.root().IsNull());
    CHECK(same_as_yaml_cpp("just text")->doc.root().Scalar() == "just text");
    same_as_yaml_cpp("\xef\xbb\xbf" "a: 1\n"); // a UTF-8 byte order mark
    same_as_yaml_cpp("a: 1\r\nb:\r\n  - 2\r\n");
    same_as_yaml_cpp("%YAML 1.2\n---\na: !!str 3\nb: !custom {x: 1}\n");
}

TEST_CASE("a document can be parsed again") {
    YamlDocument doc;
    YamlError error;
    REQUIRE(doc.parse("a: 1\n", error));
    REQUIRE_FALSE(doc.parse("[", error));
    CHECK_FALSE(doc.root().IsDefined());
    REQUIRE(doc.parse("- 2\n", error));
    CHECK((*doc.root().begin()).Scalar() == "2");
}

TEST_CASE("set_yaml_reader(yaml_cpp) sends block-subset texts to yaml-cpp, with the same nodes") {
    const std::string text = "agency:\n  name: Kab A\nindicators:\n  1: 3\n";
    YamlError error;
    YamlDocument by_block, by_yaml_cpp;
    REQUIRE(yaml_reader() == YamlReaderChoice::automatic);
    REQUIRE(by_block.parse(text, error));
    CHECK(by_block.read_by_block_reader());
    set_yaml_reader(YamlReaderChoice::yaml_cpp);
    bool parsed = by_yaml_cpp.parse(text, error);
    set_yaml_reader(YamlReaderChoice::automatic);
    REQUIRE(parsed);
    CHECK_FALSE(by_yaml_cpp.read_by_block_reader());
    CHECK(by_yaml_cpp.root()["agency"]["name"].Scalar() == "Kab A");
    CHECK(by_yaml_cpp.root()["indicators"]["1"].pos().line == by_block.root()["indicators"]["1"].pos().line);
}
