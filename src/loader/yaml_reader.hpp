// Checked access to YAML nodes (loader/yaml_tree.hpp): positions, duplicate and unknown keys, typed
// scalars. Every problem becomes a Diagnostic with line:col instead of an exception, so a file
// reports all at once.
#pragma once

#include "loader/yaml_tree.hpp"
#include "model/rational.hpp"
#include "model/text.hpp"

#include <concepts>
#include <initializer_list>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spbe {

// The description of what is read ("indicator 5") for messages: a text, or a callable that builds
// it only when there is a problem to report (the happy path of a batch formats nothing). A callable
// must outlive the call it is passed to, which a lambda written in the argument list does.
class What {
public:
    What(const char* text) : text_(text) {}
    What(std::string_view text) : text_(text) {}
    What(const std::string& text) : text_(text) {}
    template <typename Fn>
    requires std::invocable<const Fn&> &&(!std::convertible_to<const Fn&, std::string_view>)What(const Fn& fn)
        : fn_(&fn), call_([](const void* f) { return std::string((*static_cast<const Fn*>(f))()); }) {}

    std::string str() const { return call_ ? call_(fn_) : std::string(text_); }

private:
    std::string_view text_;
    const void* fn_ = nullptr;
    std::string (*call_)(const void*) = nullptr;
};

class YamlReader {
public:
    explicit YamlReader(std::vector<Diagnostic>& diags) : diags_(diags) {}

    static SourcePos pos(const YamlNode& node) { return node.pos(); }

    void error(SourcePos pos, std::string message, std::string rule);
    void warning(SourcePos pos, std::string message, std::string rule);

    // Parses the one document of `text` (a UTF-8 byte order mark is skipped). Reports text that is not
    // UTF-8 YAML (loader/yaml_text.hpp), syntax errors, the refusals of YamlDocument::parse and empty
    // documents; nullopt when unusable. `what` names the file in messages ("an evidence file"). The
    // nodes (and the keys entries() returns) live as long as this reader.
    std::optional<YamlNode> parse(std::string_view text, std::string_view what = "a YAML file");

    // Entries of a mapping in document order with duplicate keys reported (the later one is
    // dropped) and keys outside `allowed` reported with a did-you-mean hint. `what` names the
    // mapping in messages ("evidence file", "indicator 5"); it may be a lambda that builds the name.
    std::vector<std::pair<std::string_view, YamlNode>>
    entries(const YamlNode& map, std::initializer_list<std::string_view> allowed, What what);
    // As above, for maps whose keys are data (indicator ids, levels): only duplicates are checked.
    // `key_positions`, when given, receives the position of each returned key (parallel to the
    // result), which saves a key_pos() scan per entry.
    std::vector<std::pair<std::string_view, YamlNode>> entries(const YamlNode& map, What what,
                                                               std::vector<SourcePos>* key_positions = nullptr);
    // Reports `name`, a key of `map` outside `names`, with a did-you-mean hint (also for Indonesian keys).
    void unknown_key(const YamlNode& map, std::string_view name, const std::vector<std::string>& names,
                     const std::string& what);
    // Position of the key `key` in `map`, or of the map itself.
    static SourcePos key_pos(const YamlNode& map, std::string_view key);

    // The checked reads below take `what` as a text or as a lambda that builds it: it is built only
    // when there is a problem to report (every indicator of every file in a batch passes here).
    bool expect_map(const YamlNode& node, What what);
    bool expect_seq(const YamlNode& node, What what);
    std::optional<std::string> string(const YamlNode& node, What what);
    // A whole number; explains decimal commas ("2,5") and fractions.
    std::optional<long long> integer(const YamlNode& node, What what);
    // An exact number written as a decimal ("1.3") or a fraction ("20/6").
    std::optional<Rational> number(const YamlNode& node, What what);
    // The value of a plain whole number such as "3" or "-2"; nullopt for anything else.
    static std::optional<long long> plain_integer(std::string_view s);

    // {id: ..., en: ...} or a plain string (Indonesian only).
    std::optional<LocalText> local_text(const YamlNode& node, std::string_view what);

    // When set, local_text warns (missing-translation) about names without English text.
    void set_want_translation(bool on) { want_translation_ = on; }

private:
    std::vector<Diagnostic>& diags_;
    bool want_translation_ = false;
    std::list<YamlDocument> docs_; // a list: parsing another text keeps earlier nodes valid
};

} // namespace spbe
