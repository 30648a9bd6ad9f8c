// spbe_parse_floor [--events] FILE... | @LIST: the parse-only floor of the benchmarks. Loads every
// file with yaml-cpp and touches the root, nothing else: no validation, no rubric, no scoring, no
// output. `spbe score` on one job is measured against this (bench/run.sh). Not installed.
// The default is YAML::LoadFile (the usual way to load a file with yaml-cpp, and the floor the
// issue's target names); --events only runs yaml-cpp's parser with a handler that does nothing,
// the lower bound of any yaml-cpp reader, which bench/run.sh reports for information.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

struct NullHandler : YAML::EventHandler {
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    bool events = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--events") {
            events = true;
        } else if (!arg.empty() && arg[0] == '@') { // a list file, one path a line, like `spbe score @list`
            std::ifstream list(arg.substr(1));
            for (std::string line; std::getline(list, line);)
                if (!line.empty()) files.push_back(line);
        } else {
            files.push_back(arg);
        }
    }
    std::size_t maps = 0, failed = 0;
    for (const auto& f : files) {
        try {
            if (events) {
                std::ifstream in(f, std::ios::binary);
                YAML::Parser parser(in);
                NullHandler handler;
                if (parser.HandleNextDocument(handler)) ++maps;
            } else {
                YAML::Node root = YAML::LoadFile(f);
                if (root.IsMap()) ++maps;
            }
        } catch (const YAML::Exception& e) {
            std::cerr << f << ": " << e.what() << "\n";
            ++failed;
        }
    }
    std::cout << files.size() << " files, " << maps << (events ? " documents\n" : " mappings\n");
    return failed ? 3 : 0;
}
