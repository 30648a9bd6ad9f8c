// Helpers shared by the unit tests and the fuzz targets: reading a file of the repository, and
// where two YAML trees differ (the block-YAML reader is held to yaml-cpp's reading).
#pragma once

#include "loader/yaml_tree.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace spbe::test {

// A whole file as bytes; nullopt when it cannot be read.
inline std::optional<std::string> read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return ss.str();
}

// The same, empty when it cannot be read (the caller's assertions then fail).
inline std::string read_source(const std::filesystem::path& path) { return read_bytes(path).value_or(""); }

inline std::string where(YamlNode n) { return std::to_string(n.pos().line) + ":" + std::to_string(n.pos().col); }

// Empty when the two trees are the same, else the path to the first difference.
inline std::string yaml_difference(YamlNode a, YamlNode b, const std::string& path = "root") {
    if (a.Type() != b.Type()) return path + ": kind";
    if (!a.IsDefined()) return "";
    if (a.pos().line != b.pos().line || a.pos().col != b.pos().col) return path + ": position " + where(a) + " vs " + where(b);
    if (a.Scalar() != b.Scalar()) return path + ": text '" + std::string(a.Scalar()) + "' vs '" + std::string(b.Scalar()) + "'";
    if (a.size() != b.size()) return path + ": size";
    if (a.IsSequence()) {
        auto it = b.begin();
        std::size_t i = 0;
        for (YamlNode x : a) {
            auto d = yaml_difference(x, *it++, path + "[" + std::to_string(i++) + "]");
            if (!d.empty()) return d;
        }
    }
    if (a.IsMap()) {
        auto it = b.pairs().begin();
        for (auto [k, v] : a.pairs()) {
            auto other = *it++;
            auto d = yaml_difference(k, other.key, path + ".key");
            if (d.empty()) d = yaml_difference(v, other.value, path + "." + std::string(k.Scalar()));
            if (!d.empty()) return d;
        }
    }
    return "";
}

} // namespace spbe::test
