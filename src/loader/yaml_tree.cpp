// YamlDocument::parse (which reader reads a text) and parse_yaml_cpp: yaml-cpp's event parser feeding a
// flat node vector, with the same nodes YAML::Load's NodeBuilder gives (OnNull is null), stopped by an
// exception at the first refusal (too deep, an alias, a second document) before yaml-cpp builds or
// recurses any further.
#include "loader/yaml_tree.hpp"

#include <fmt/format.h>
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

// Thrown by the event handler through yaml-cpp's parser, which holds no state that needs it caught.
struct Refusal {
    YAML::Mark mark;
    std::string message;
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

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1)
            throw Refusal{
                mark,
                "a second YAML document starts here ('---'); a file holds one document (split it into two files)"};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { done(add(mark, YamlKind::Null, anchor)); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw Refusal{mark, "YAML aliases ('*name') are not supported; write the value out in full"};
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string& value) override {
        std::uint32_t index = add(mark, YamlKind::Scalar, anchor);
        auto& item = doc_.items_[index];
        item.first = static_cast<std::uint32_t>(doc_.text_.size());
        item.count = static_cast<std::uint32_t>(value.size());
        doc_.text_ += value;
        done(index);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, add(mark, YamlKind::Sequence, anchor));
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, add(mark, YamlKind::Map, anchor));
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        std::uint32_t index;
        std::size_t first_pending;
    };

    // An anchor alone (`&name`) changes nothing: only its aliases are refused.
    std::uint32_t add(const YAML::Mark& mark, YamlKind kind, YAML::anchor_t) {
        auto index = static_cast<std::uint32_t>(doc_.items_.size());
        doc_.items_.push_back({mark.line, mark.column, 0, 0, kind});
        return index;
    }

    void open(const YAML::Mark& mark, std::uint32_t index) {
        if (open_.size() >= YamlDocument::kMaxDepth)
            throw Refusal{mark, fmt::format("nesting too deep (more than {} levels of lists and mappings)",
                                            YamlDocument::kMaxDepth)};
        open_.push_back({index, pending_.size()});
    }

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
    int documents_ = 0;
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
    auto fail = [&](const YAML::Mark& mark, const std::string& message, bool own) {
        clear();
        error.pos = mark.line >= 0 ? SourcePos{mark.line + 1, mark.column + 1} : SourcePos{};
        error.message = message;
        error.own = own;
        return false;
    };
    try {
        YAML::Parser parser(in);
        YamlBuilder builder(*this);
        // The second call reads nothing but the start of a second document, which the builder refuses.
        if (parser.HandleNextDocument(builder)) parser.HandleNextDocument(builder);
    } catch (const YAML::Exception& e) {
        return fail(e.mark, e.msg, false);
    } catch (const Refusal& r) {
        return fail(r.mark, r.message, true);
    }
    return true;
}

YamlNode YamlNode::operator[](std::string_view key) const {
    for (auto [k, v] : pairs())
        if (k.IsScalar() && k.Scalar() == key) return v;
    return {};
}

} // namespace spbe
