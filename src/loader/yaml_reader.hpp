// Checked access to yaml-cpp nodes: positions, duplicate and unknown keys, typed scalars. Every
// problem becomes a Diagnostic with line:col instead of an exception, so a file reports all at once.
#pragma once

#include "model/rational.hpp"
#include "model/text.hpp"

#include <yaml-cpp/yaml.h>

#include <concepts>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spbe {

class YamlReader {
public:
    explicit YamlReader(std::vector<Diagnostic>& diags) : diags_(diags) {}

    static SourcePos pos(const YAML::Node& node);

    void error(SourcePos pos, std::string message, std::string rule);
    void warning(SourcePos pos, std::string message, std::string rule);

    // Parses a whole document. Reports syntax errors and empty documents; nullopt when unusable.
    std::optional<YAML::Node> parse(const std::string& text);

    // Entries of a mapping in document order with duplicate keys reported (the later one is
    // dropped) and keys outside `allowed` reported with a did-you-mean hint. `what` names the
    // mapping in messages ("evidence file", "indicator 5").
    std::vector<std::pair<std::string, YAML::Node>> entries(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                                                            std::string_view what);
    // As above, for maps whose keys are data (indicator ids, levels): only duplicates are checked.
    // `key_positions`, when given, receives the position of each returned key (parallel to the
    // result), which saves a key_pos() scan per entry.
    std::vector<std::pair<std::string, YAML::Node>> entries(const YAML::Node& map, std::string_view what, std::vector<SourcePos>* key_positions = nullptr);
    // Position of the key `key` in `map`, or of the map itself.
    static SourcePos key_pos(const YAML::Node& map, std::string_view key);

    bool expect_map(const YAML::Node& node, std::string_view what);
    bool expect_seq(const YAML::Node& node, std::string_view what);
    std::optional<std::string> string(const YAML::Node& node, std::string_view what);
    // A whole number; explains decimal commas ("2,5") and fractions.
    std::optional<long long> integer(const YAML::Node& node, std::string_view what);
    // An exact number written as a decimal ("1.3") or a fraction ("20/6").
    std::optional<Rational> number(const YAML::Node& node, std::string_view what);
    // Lazy forms of the above for hot paths (every indicator of every file in a batch): `what` is a
    // callable that builds the description only when there is a problem to report.
    template <typename What>
        requires std::invocable<What>
    std::optional<std::string> string(const YAML::Node& node, What&& what) {
        if (node.IsScalar()) return node.Scalar();
        return string(node, std::string_view(what()));
    }
    template <typename What>
        requires std::invocable<What>
    std::optional<long long> integer(const YAML::Node& node, What&& what) {
        if (node.IsScalar())
            if (auto v = plain_integer(node.Scalar())) return v;
        return integer(node, std::string_view(what()));
    }
    // The value of a plain whole number such as "3" or "-2"; nullopt for anything else.
    static std::optional<long long> plain_integer(const std::string& s);

    // {id: ..., en: ...} or a plain string (Indonesian only).
    std::optional<LocalText> local_text(const YAML::Node& node, std::string_view what);

    // When set, local_text warns (missing-translation) about names without English text.
    void set_want_translation(bool on) { want_translation_ = on; }

private:
    std::vector<Diagnostic>& diags_;
    bool want_translation_ = false;
};

// Closest candidate within a small edit distance, for did-you-mean hints; empty when none is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace spbe
