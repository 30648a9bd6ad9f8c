// YamlDocument::parse (which reader reads a text) and parse_yaml_cpp: yaml-cpp's event parser feeding a
// flat node vector, with the same node identities YAML::Load's NodeBuilder gives (an alias is its
// anchored node, OnNull is null).
#include "loader/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <atomic>
#include <istream>
#include <streambuf>

namespace spbe {

namespace {

// Lets yaml-cpp read the caller's text in place instead of from a copy in a stringstream.
class ViewBuf : public std::streambuf {
public:
    explicit ViewBuf(std::string_view text) {
        char* p = const_cast<char*>(text.data()); // only read: the get area is never written
        setg(p, p, p + text.size());
    }
};

std::atomic<YamlReaderChoice> g_reader{YamlReaderChoice::automatic};

} // namespace

void set_yaml_reader(YamlReaderChoice choice) { g_reader.store(choice, std::memory_order_relaxed); }
YamlReaderChoice yaml_reader() { return g_reader.load(std::memory_order_relaxed); }

bool YamlDocument::parse(std::string_view text, YamlError& error) {
    by_block_ = yaml_reader() == YamlReaderChoice::automatic && parse_block_subset(text);
    return by_block_ || parse_yaml_cpp(text, error);
}

class YamlBuilder : public YAML::EventHandler {
public:
    explicit YamlBuilder(YamlDocument& doc) : doc_(doc) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { done(add(mark, YamlKind::Null, anchor)); }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
        // The parser refuses aliases of unknown anchors, so the lookup cannot miss.
        done(anchor < anchors_.size() ? anchors_[anchor] : add({}, YamlKind::Null, 0));
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
        std::uint32_t index = add(mark, YamlKind::Scalar, anchor);
        auto& item = doc_.items_[index];
        item.first = static_cast<std::uint32_t>(doc_.text_.size());
        item.count = static_cast<std::uint32_t>(value.size());
        doc_.text_ += value;
        done(index);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(add(mark, YamlKind::Sequence, anchor));
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(add(mark, YamlKind::Map, anchor));
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        std::uint32_t index;
        std::size_t first_pending;
    };

    std::uint32_t add(const YAML::Mark& mark, YamlKind kind, YAML::anchor_t anchor) {
        auto index = static_cast<std::uint32_t>(doc_.items_.size());
        doc_.items_.push_back({mark.line, mark.column, 0, 0, kind});
        if (anchor) {
            // Anchors are numbered 1, 2, ... in document order; a redefined name gets a new number.
            if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, 0);
            anchors_[anchor] = index;
        }
        return index;
    }

    void open(std::uint32_t index) { open_.push_back({index, pending_.size()}); }

    // A node is complete: it becomes the root or the next child of the innermost open collection.
    void done(std::uint32_t index) {
        if (open_.empty()) {
            if (doc_.root_ == YamlDocument::kNone) doc_.root_ = index;
        } else {
            pending_.push_back(index);
        }
    }

    // Children are collected on a stack while their collection is open (nested ones close first),
    // then moved into one contiguous run of children_.
    void close() {
        Open o = open_.back();
        open_.pop_back();
        auto& item = doc_.items_[o.index];
        std::size_t count = pending_.size() - o.first_pending;
        if (item.kind == YamlKind::Map) count &= ~std::size_t{1}; // the parser always pairs keys with values
        item.first = static_cast<std::uint32_t>(doc_.children_.size());
        item.count = static_cast<std::uint32_t>(count);
        doc_.children_.insert(doc_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(o.first_pending),
                              pending_.begin() + static_cast<std::ptrdiff_t>(o.first_pending + count));
        pending_.resize(o.first_pending);
        done(o.index);
    }

    YamlDocument& doc_;
    std::vector<Open> open_;
    std::vector<std::uint32_t> pending_;
    std::vector<std::uint32_t> anchors_;
};

void YamlDocument::clear() {
    items_.clear();
    children_.clear();
    text_.clear();
    root_ = kNone;
}

void YamlDocument::reserve_for(std::size_t text_size) {
    // Roughly one node per 10 bytes and half the text in scalars, in the files spbe reads.
    items_.reserve(text_size / 10 + 8);
    children_.reserve(text_size / 10 + 8);
    text_.reserve(text_size / 2 + 16);
}

bool YamlDocument::parse_yaml_cpp(std::string_view text, YamlError& error) {
    clear();
    reserve_for(text.size());
    ViewBuf buf(text);
    std::istream in(&buf);
    try {
        YAML::Parser parser(in);
        YamlBuilder builder(*this);
        parser.HandleNextDocument(builder); // only the first document, as YAML::Load
    } catch (const YAML::Exception& e) {
        clear();
        error.pos = e.mark.line >= 0 ? SourcePos{e.mark.line + 1, e.mark.column + 1} : SourcePos{};
        error.message = e.msg;
        return false;
    }
    return true;
}

YamlNode YamlNode::operator[](std::string_view key) const {
    for (auto [k, v] : pairs())
        if (k.IsScalar() && k.Scalar() == key) return v;
    return {};
}

} // namespace spbe
