// Input collection: recursion into folders in sorted order, *.yaml/*.yml only, symlink loops,
// @list and stdin lists with comments, and diagnostics for missing paths. Uses a temporary folder.
#include "cli/inputs.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace spbe;
using namespace spbe::cli;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "spbe-inputs-XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void touch(const std::string& rel, const std::string& text = "x") const {
        fs::create_directories((path / rel).parent_path());
        std::ofstream(path / rel) << text;
    }
    std::string p(const std::string& rel) const { return (path / rel).generic_string(); }
};

std::vector<std::string> rel(const TempDir& t, const std::vector<std::string>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.substr(t.path.generic_string().size() + 1));
    return out;
}

} // namespace

TEST_CASE("path lists skip blank lines and comments and trim spaces") {
    std::istringstream text("\xEF\xBB\xBF" "a.yaml\n\n# comment\n  b dir/c.yaml \r\n#x\nd.yml");
    std::vector<std::pair<int, std::string>> list;
    read_path_list(text, [&](int line, const std::string& p) { list.emplace_back(line, p); });
    REQUIRE(list.size() == 3);
    CHECK(list[0] == std::make_pair(1, std::string("a.yaml")));
    CHECK(list[1] == std::make_pair(4, std::string("b dir/c.yaml")));
    CHECK(list[2] == std::make_pair(6, std::string("d.yml")));
}

TEST_CASE("directories recurse in sorted order and keep only YAML files") {
    TempDir t;
    t.touch("z.yaml");
    t.touch("a/2.yml");
    t.touch("a/10.yaml");
    t.touch("a/notes.txt");
    t.touch(".hidden/x.yaml");
    t.touch("b/c/deep.yaml");
    std::istringstream none;
    CollectedInputs in = collect_inputs({t.p("")}, none);
    CHECK(in.diags.empty());
    CHECK_FALSE(in.io_error);
    CHECK(rel(t, in.files.strings()) == std::vector<std::string>{"a/10.yaml", "a/2.yml", "b/c/deep.yaml", "z.yaml"});
}

TEST_CASE("symlinked directories are followed once, loops are cut") {
    TempDir t;
    t.touch("real/a.yaml");
    fs::create_directory_symlink(t.path / "real", t.path / "link");
    fs::create_directory_symlink(t.path, t.path / "real" / "loop"); // real/loop -> the root
    std::istringstream none;
    CollectedInputs in = collect_inputs({t.p("")}, none);
    CHECK(in.diags.empty());
    // "link" is the same folder as "real": listed once, under the first name in sorted order.
    CHECK(rel(t, in.files.strings()) == std::vector<std::string>{"link/a.yaml"});
}

TEST_CASE("lists, stdin and missing paths") {
    TempDir t;
    t.touch("one.yaml");
    t.touch("dir/two.yaml");
    t.touch("list.txt", "# cohort\n" + t.p("one.yaml") + "\n\n" + t.p("missing.yaml") + "\n" + t.p("dir") + "\n");
    std::istringstream stdin_list(t.p("one.yaml") + "\n");
    CollectedInputs in = collect_inputs({"@" + t.p("list.txt"), "-", t.p("nope.yaml"), "@" + t.p("nolist.txt")}, stdin_list);
    CHECK(rel(t, in.files.strings()) == std::vector<std::string>{"dir/two.yaml", "one.yaml"}); // sorted, duplicates removed
    CHECK(in.io_error);
    REQUIRE(in.diags.size() == 3);
    CHECK(format_diagnostic(in.diags[0]) == t.p("list.txt") + ":4:1: error: cannot read '" + t.p("missing.yaml") + "': No such file or directory");
    CHECK(format_diagnostic(in.diags[1]) == t.p("nope.yaml") + ": error: cannot read file: No such file or directory");
    CHECK(format_diagnostic(in.diags[2]) == t.p("nolist.txt") + ": error: cannot read list file: No such file or directory");
}

TEST_CASE("an empty directory is a warning") {
    TempDir t;
    fs::create_directory(t.path / "empty");
    std::istringstream none;
    CollectedInputs in = collect_inputs({t.p("empty")}, none);
    CHECK(in.files.empty());
    CHECK_FALSE(in.io_error);
    REQUIRE(in.diags.size() == 1);
    CHECK(in.diags[0].severity == Severity::warning);
}
