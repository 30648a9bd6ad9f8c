// spbe_parse_floor FILE... | @LIST: the parse-only floor of the benchmarks. Loads every file with
// yaml-cpp and touches the root, nothing else: no validation, no rubric, no scoring, no output.
// `spbe score` on one job is measured against this (bench/run.sh). Not installed.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (!arg.empty() && arg[0] == '@') { // a list file, one path a line, like `spbe score @list`
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
            YAML::Node root = YAML::LoadFile(f);
            if (root.IsMap()) ++maps;
        } catch (const YAML::Exception& e) {
            std::cerr << f << ": " << e.what() << "\n";
            ++failed;
        }
    }
    std::cout << files.size() << " files, " << maps << " mappings\n";
    return failed ? 3 : 0;
}
