// Input collection for batch scoring: files, recursive directories, @list files and `-` (a list on
// stdin). The result is sorted so that the output never depends on directory order or on --jobs.
#include "cli/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace spbe::cli {

namespace fs = std::filesystem;

namespace {

bool is_yaml_name(const std::string& name) {
    auto ends = [&](const char* suffix) {
        std::string s(suffix);
        return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return ends(".yaml") || ends(".yml");
}

struct Collector {
    CollectedInputs out;
    PathList::Builder files;
    std::set<std::string> visited_dirs; // canonical paths, so symlinked directories cannot loop

    void missing(const std::string& path, const std::string& list_file, int line, const std::string& reason) {
        Diagnostic d;
        d.severity = Severity::error;
        d.rule = "io";
        if (list_file.empty()) {
            d.file = path;
            d.message = fmt::format("cannot read file: {}", reason);
        } else {
            d.file = list_file;
            d.pos = {line, 1};
            d.message = fmt::format("cannot read '{}': {}", path, reason);
        }
        out.diags.push_back(std::move(d));
        out.io_error = true;
    }

    void directory(const fs::path& dir) {
        std::error_code ec;
        fs::path canon = fs::canonical(dir, ec);
        if (ec) {
            missing(dir.generic_string(), "", 0, ec.message());
            return;
        }
        if (!visited_dirs.insert(canon.string()).second) return; // seen through another path or a loop
        std::vector<std::pair<std::string, bool>> entries; // name, is directory
        fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
        if (ec) {
            missing(dir.generic_string(), "", 0, ec.message());
            return;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) break;
            std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '.') continue; // hidden files and folders (.git, editor backups)
            std::error_code type_ec;
            bool is_dir = it->is_directory(type_ec); // follows symlinks; loops are cut by visited_dirs
            if (type_ec) continue;
            if (is_dir || is_yaml_name(name)) entries.emplace_back(name, is_dir);
        }
        if (ec) missing(dir.generic_string(), "", 0, ec.message());
        std::sort(entries.begin(), entries.end());
        for (const auto& [name, is_dir] : entries) {
            fs::path child = dir / name;
            if (is_dir) directory(child);
            else files.add(child.generic_string());
        }
    }

    // One path from the command line or a list; `list_file` and `line` locate it in a list.
    void path(const std::string& p, const std::string& list_file, int line) {
        std::error_code ec;
        fs::file_status st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            missing(p, list_file, line, "No such file or directory");
            return;
        }
        if (fs::is_directory(st)) {
            size_t before = files.added();
            directory(fs::path(p));
            if (files.added() == before)
                out.diags.push_back(Diagnostic{p, {}, Severity::warning, "directory contains no *.yaml or *.yml files", "empty-directory"});
        } else {
            files.add(p);
        }
    }

    void list(std::istream& in, const std::string& list_name) {
        read_path_list(in, [&](int line, const std::string& p) { path(p, list_name, line); });
    }
};

} // namespace

void read_path_list(std::istream& in, const std::function<void(int line, const std::string& path)>& each) {
    int line = 0;
    auto not_space = [](unsigned char c) { return !std::isspace(c); };
    for (std::string s; std::getline(in, s);) {
        ++line;
        if (line == 1 && s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
        s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
        s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
        if (s.empty() || s[0] == '#') continue;
        each(line, s);
    }
}


CollectedInputs collect_inputs(const std::vector<std::string>& args, std::istream& stdin_list) {
    Collector c;
    bool stdin_used = false;
    for (const auto& arg : args) {
        if (arg == "-") {
            if (stdin_used) continue; // standard input can only be read once
            stdin_used = true;
            c.list(stdin_list, "<stdin>");
        } else if (arg.size() > 1 && arg[0] == '@') {
            std::string list_file = arg.substr(1);
            std::error_code ec;
            std::ifstream in;
            if (!fs::is_directory(list_file, ec)) in.open(list_file, std::ios::binary);
            if (!in) {
                std::string error = fs::is_directory(list_file, ec) ? "is a directory" : std::strerror(errno);
                c.out.diags.push_back(Diagnostic{list_file, {}, Severity::error, fmt::format("cannot read list file: {}", error), "io"});
                c.out.io_error = true;
                continue;
            }
            c.list(in, list_file);
        } else {
            c.path(arg, "", 0);
        }
    }
    c.out.files = c.files.finish();
    return std::move(c.out);
}

} // namespace spbe::cli
