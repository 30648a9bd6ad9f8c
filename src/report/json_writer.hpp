// A minimal streaming JSON writer with stable two-space indentation, so that JSON reports are
// deterministic and diff-friendly without another dependency.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spbe {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(bool b);
    JsonWriter& raw_number(std::string_view text); // an already formatted JSON number
    JsonWriter& null();

    // key + value in one call
    template <typename T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    const std::string& str() const { return out_; }
    // For large documents: one allocation up front, and the text moved out instead of copied.
    void reserve(size_t n) { out_.reserve(n); }
    std::string take() { return std::move(out_); }
    // The text written so far, leaving the writer empty but in the same nesting: a long document
    // can be written out piece by piece.
    std::string drain() {
        std::string piece;
        piece.swap(out_);
        return piece;
    }

    static std::string escape(std::string_view s);

private:
    void before_value();
    void newline();
    std::string out_;
    struct Frame {
        bool is_object;
        bool empty = true;
    };
    std::vector<Frame> stack_;
    bool after_key_ = false;
    bool pretty_;
};

} // namespace spbe
