// A compact read-only YAML document: one vector of nodes and one string arena, filled by the block
// reader (yaml_block.cpp) or from yaml-cpp's parser events (yaml_tree.cpp), read through small value
// handles (YamlNode) with the subset of the YAML::Node API the loaders use.
#pragma once

#include "model/text.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace spbe {

enum class YamlKind : std::uint8_t { Undefined, Null, Scalar, Sequence, Map };

class YamlDocument;

// A node of a YamlDocument, or an undefined node (a missing key, an empty stream). Copying it
// copies a pointer and an index; it is valid while its document lives.
class YamlNode {
public:
    YamlNode() = default;

    YamlKind Type() const;
    bool IsDefined() const { return doc_ != nullptr; }
    bool IsNull() const { return Type() == YamlKind::Null; }
    bool IsScalar() const { return Type() == YamlKind::Scalar; }
    bool IsSequence() const { return Type() == YamlKind::Sequence; }
    bool IsMap() const { return Type() == YamlKind::Map; }
    explicit operator bool() const { return IsDefined(); }

    // The text of a scalar (after unquoting and folding); empty for any other node.
    std::string_view Scalar() const;
    // 1-based line and column where the node starts (an alias: where its anchored node starts);
    // {} for an undefined node.
    SourcePos pos() const;
    // Items of a sequence, (key, value) pairs of a map (duplicates included), 0 for the rest.
    std::size_t size() const;

    // The value of the first pair whose key is the scalar `key`; undefined when none (or not a map).
    YamlNode operator[](std::string_view key) const;

    struct Pair;
    // Iterates children of a sequence (nodes) or a map (pairs) in document order.
    template <typename T>
    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = T;
        Iterator() = default;
        Iterator(const YamlDocument* doc, const std::uint32_t* at) : doc_(doc), at_(at) {}
        T operator*() const;
        Iterator& operator++() {
            at_ += step;
            return *this;
        }
        Iterator operator++(int) {
            Iterator old = *this;
            ++*this;
            return old;
        }
        bool operator==(const Iterator& o) const { return at_ == o.at_; }

    private:
        static constexpr std::ptrdiff_t step = std::is_same_v<T, YamlNode> ? 1 : 2;
        const YamlDocument* doc_ = nullptr;
        const std::uint32_t* at_ = nullptr;
    };
    template <typename T>
    struct Range {
        Iterator<T> first, last;
        Iterator<T> begin() const { return first; }
        Iterator<T> end() const { return last; }
        bool empty() const { return first == last; }
    };

    // Items of a sequence; empty for any other node (so `for (auto item : node)` reads a list).
    Iterator<YamlNode> begin() const;
    Iterator<YamlNode> end() const;
    // (key, value) pairs of a map in document order; empty for any other node.
    Range<Pair> pairs() const;

private:
    friend class YamlDocument;
    YamlNode(const YamlDocument* doc, std::uint32_t index) : doc_(doc), index_(index) {}
    const YamlDocument* doc_ = nullptr;
    std::uint32_t index_ = 0;
};

struct YamlNode::Pair {
    YamlNode key;
    YamlNode value;
};

// What made a text unreadable as YAML: yaml-cpp's message and where it stopped, or spbe's own
// refusal (too deep, an alias, a second document, the bytes of the text: loader/yaml_text.hpp).
struct YamlError {
    SourcePos pos; // {} when yaml-cpp gave no position
    std::string message;
    bool own = false; // spbe's complete message; else yaml-cpp's, shown after "invalid YAML: "
};

// Which reader YamlDocument::parse uses: the block reader for texts in its subset and yaml-cpp for the
// rest (automatic, the default), or yaml-cpp for every text. Both give the same documents; forcing
// yaml-cpp (SPBE_YAML_READER=yaml-cpp, read by cli) lets the golden suite show that they do. Set once,
// before any parse: workers read it without a lock.
enum class YamlReaderChoice : std::uint8_t { automatic, yaml_cpp };
void set_yaml_reader(YamlReaderChoice choice);
YamlReaderChoice yaml_reader();

class YamlDocument {
public:
    // Collections nested deeper than this are refused (real files nest fewer than 10 levels), so no
    // reader or walker of the tree recurses without bound.
    static constexpr int kMaxDepth = 64;

    // Reads the one document of `text` as YAML::Load reads the first, with three refusals that keep
    // hostile texts bounded: nesting deeper than kMaxDepth, any alias (`*name`: a few lines of
    // aliases can stand for billions of nodes, or for a node that contains itself), and a second
    // document (never silently dropped). Returns false and fills `error` on a syntax error or a
    // refusal; the document is then empty.
    // Tries the hand-written reader of plain block YAML first (loader/yaml_block.cpp), then yaml-cpp,
    // unless yaml_reader() forces yaml-cpp.
    bool parse(std::string_view text, YamlError& error);
    // True when the last parse was done by the block reader (tests of the reader choice).
    bool read_by_block_reader() const { return by_block_; }

    // Reads `text` only when it lies in the block subset described in yaml_block.cpp, giving exactly
    // the document parse_yaml_cpp gives; false (and an empty document) for any other text.
    bool parse_block_subset(std::string_view text);
    // Reads `text` with yaml-cpp's event parser: the reference for every text, and for every error.
    bool parse_yaml_cpp(std::string_view text, YamlError& error);

    // The document's root node; undefined when the text holds no document (only comments), where
    // YAML::Load returns a null node without a position.
    YamlNode root() const { return root_ == kNone ? YamlNode() : YamlNode(this, root_); }

private:
    friend class YamlNode;
    friend class YamlBuilder;
    friend class YamlBlockParser;
    static constexpr std::uint32_t kNone = 0xffffffffu;
    void clear();
    void reserve_for(std::size_t text_size);
    struct Item {
        std::int32_t line; // 0-based, as yaml-cpp's Mark
        std::int32_t col;
        std::uint32_t first; // scalar: offset in text_; collection: offset in children_
        std::uint32_t count; // scalar: length; sequence: items; map: 2 x pairs (key, value, key, ...)
        YamlKind kind;
    };
    std::vector<Item> items_;
    std::vector<std::uint32_t> children_; // child indices of every collection, each one contiguous
    std::string text_;                    // every scalar, back to back
    std::uint32_t root_ = kNone;
    bool by_block_ = false;
};

inline YamlKind YamlNode::Type() const { return doc_ ? doc_->items_[index_].kind : YamlKind::Undefined; }

inline std::string_view YamlNode::Scalar() const {
    if (!IsScalar()) return {};
    const auto& item = doc_->items_[index_];
    return std::string_view(doc_->text_).substr(item.first, item.count);
}

inline SourcePos YamlNode::pos() const {
    if (!doc_) return {};
    const auto& item = doc_->items_[index_];
    if (item.line < 0) return {};
    return {item.line + 1, item.col + 1};
}

inline std::size_t YamlNode::size() const {
    switch (Type()) {
    case YamlKind::Sequence: return doc_->items_[index_].count;
    case YamlKind::Map: return doc_->items_[index_].count / 2;
    default: return 0;
    }
}

template <typename T>
T YamlNode::Iterator<T>::operator*() const {
    if constexpr (std::is_same_v<T, YamlNode>) return YamlNode(doc_, *at_);
    else return Pair{YamlNode(doc_, at_[0]), YamlNode(doc_, at_[1])};
}

inline YamlNode::Iterator<YamlNode> YamlNode::begin() const {
    if (!IsSequence()) return {};
    return {doc_, doc_->children_.data() + doc_->items_[index_].first};
}

inline YamlNode::Iterator<YamlNode> YamlNode::end() const {
    if (!IsSequence()) return {};
    const auto& item = doc_->items_[index_];
    return {doc_, doc_->children_.data() + item.first + item.count};
}

inline YamlNode::Range<YamlNode::Pair> YamlNode::pairs() const {
    if (!IsMap()) return {};
    const auto& item = doc_->items_[index_];
    const std::uint32_t* at = doc_->children_.data() + item.first;
    return {{doc_, at}, {doc_, at + item.count}};
}

} // namespace spbe
