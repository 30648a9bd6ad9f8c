// Input collection for batch scoring: files, recursive directories, @list files and `-` (a list on
// stdin). The result is sorted so that the output never depends on directory order or on --jobs.
#include "cli/inputs.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_map>

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

    // False when the folder was already visited (through another spelling, a link or a loop).
    bool directory(const fs::path& dir) {
        std::error_code ec;
        fs::path canon = fs::canonical(dir, ec);
        if (ec) {
            missing(dir.generic_string(), "", 0, ec.message());
            return true;
        }
        if (!visited_dirs.insert(canon.string()).second) return false;
        std::vector<std::pair<std::string, bool>> entries; // name, is directory
        fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
        if (ec) {
            missing(dir.generic_string(), "", 0, ec.message());
            return true;
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
        return true;
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
            if (directory(fs::path(p)) && files.added() == before)
                out.diags.push_back(Diagnostic{
                    p, {}, Severity::warning, "directory contains no *.yaml or *.yml files", "empty-directory"});
        } else {
            files.add(p);
        }
    }

    void list(std::istream& in, const std::string& list_name) {
        read_path_list(in, [&](int line, const std::string& p) { path(p, list_name, line); });
    }
};

// The same file under two spellings (`a.yaml` and `./a.yaml`, a link, `dir/../a.yaml`) is one
// input: the first in path order stays, the others are dropped with a note. Costs one stat and a
// hash-set entry (device, inode, position) a file; the kept paths are named only when needed.
PathList drop_same_files(PathList list, std::vector<Diagnostic>& diags) {
    if (list.size() < 2) return list;
    struct Key {
        dev_t dev;
        ino_t ino;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key& k) const { return std::hash<ino_t>()(k.ino) * 31 + std::hash<dev_t>()(k.dev); }
    };
    std::unordered_map<Key, size_t, KeyHash> first_at;   // file -> position of its first spelling
    std::vector<std::pair<size_t, std::string>> dropped; // (position of the kept spelling, dropped path)
    PathList::Builder kept;
    PathList::Cursor cursor(list);
    std::string path;
    for (size_t i = 0; cursor.next(path); ++i) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0) { // an unreadable path stays, so that scoring reports it
            auto [it, inserted] = first_at.try_emplace(Key{st.st_dev, st.st_ino}, i);
            if (!inserted) {
                dropped.emplace_back(it->second, path);
                continue;
            }
        }
        kept.add(path);
    }
    if (dropped.empty()) return list;
    std::vector<size_t> wanted;
    for (const auto& d : dropped) wanted.push_back(d.first);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::unordered_map<size_t, std::string> names;
    PathList::Cursor again(list);
    for (size_t i = 0, w = 0; w < wanted.size() && again.next(path); ++i)
        if (i == wanted[w]) names.emplace(i, path), ++w;
    for (const auto& [at, p] : dropped)
        diags.push_back(
            Diagnostic{p, {}, Severity::info, fmt::format("the same file as {}; scored once", names[at]), "same-file"});
    return kept.finish();
}

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
                c.out.diags.push_back(
                    Diagnostic{list_file, {}, Severity::error, fmt::format("cannot read list file: {}", error), "io"});
                c.out.io_error = true;
                continue;
            }
            c.list(in, list_file);
        } else {
            c.path(arg, "", 0);
        }
    }
    c.out.files = drop_same_files(c.files.finish(), c.out.diags);
    return std::move(c.out);
}

} // namespace spbe::cli
