// Input collection for batch scoring: files, recursive directories, @list files and `-` (a list on
// stdin). The result is sorted so that the output never depends on directory order or on --jobs.
#include "cli/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
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
            else out.files.push_back(child.generic_string());
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
            size_t before = out.files.size();
            directory(fs::path(p));
            if (out.files.size() == before)
                out.diags.push_back(Diagnostic{p, {}, Severity::warning, "directory contains no *.yaml or *.yml files", "empty-directory"});
        } else {
            out.files.push_back(p);
        }
    }

    void list(const std::string& text, const std::string& list_name) {
        for (const auto& [line, p] : parse_path_list(text)) path(p, list_name, line);
    }
};

std::optional<std::string> read_list(const std::string& path, std::string& error) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        error = "is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

std::vector<std::pair<int, std::string>> parse_path_list(const std::string& text) {
    std::vector<std::pair<int, std::string>> out;
    size_t start = 0;
    int line = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        ++line;
        std::string s = text.substr(start, end - start);
        start = end + 1;
        if (line == 1 && s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
        auto not_space = [](unsigned char c) { return !std::isspace(c); };
        s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
        s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
        if (s.empty() || s[0] == '#') continue;
        out.emplace_back(line, std::move(s));
    }
    return out;
}

CollectedInputs collect_inputs(const std::vector<std::string>& args, std::istream& stdin_list) {
    Collector c;
    bool stdin_used = false;
    for (const auto& arg : args) {
        if (arg == "-") {
            if (stdin_used) continue; // standard input can only be read once
            stdin_used = true;
            std::string text((std::istreambuf_iterator<char>(stdin_list)), std::istreambuf_iterator<char>());
            c.list(text, "<stdin>");
        } else if (arg.size() > 1 && arg[0] == '@') {
            std::string list_file = arg.substr(1);
            std::string error;
            auto text = read_list(list_file, error);
            if (!text) {
                c.out.diags.push_back(Diagnostic{list_file, {}, Severity::error, fmt::format("cannot read list file: {}", error), "io"});
                c.out.io_error = true;
                continue;
            }
            c.list(*text, list_file);
        } else {
            c.path(arg, "", 0);
        }
    }
    std::sort(c.out.files.begin(), c.out.files.end());
    c.out.files.erase(std::unique(c.out.files.begin(), c.out.files.end()), c.out.files.end());
    return std::move(c.out);
}

} // namespace spbe::cli
