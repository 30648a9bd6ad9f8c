// PathList: sorting the collected paths once and front-coding them; decoding is sequential, which
// is all a batch needs (inputs are handed to the workers in order).
#include "cli/path_list.hpp"

#include "model/varint.hpp"

#include <algorithm>
#include <cstring>

namespace spbe::cli {

void PathList::Builder::add(std::string_view path) {
    starts_.push_back(arena_.size());
    arena_.append(path);
    arena_ += '\0';
}

PathList PathList::Builder::finish() {
    const char* base = arena_.data();
    auto at = [base](size_t start) { return std::string_view(base + start); };
    std::sort(starts_.begin(), starts_.end(), [&](size_t a, size_t b) { return at(a) < at(b); });
    PathList list;
    std::string_view prev;
    for (size_t start : starts_) {
        std::string_view p = at(start);
        if (list.count_ > 0 && p == prev) continue;
        size_t shared = 0;
        while (shared < prev.size() && shared < p.size() && prev[shared] == p[shared]) ++shared;
        put_varint(list.data_, shared);
        put_varint(list.data_, p.size() - shared);
        list.data_.append(p.substr(shared));
        ++list.count_;
        prev = p;
    }
    list.data_.shrink_to_fit();
    std::string().swap(arena_);
    std::vector<size_t>().swap(starts_);
    return list;
}

bool PathList::Cursor::next(std::string& path) {
    std::string_view d = std::string_view(list_->data_).substr(pos_);
    uint64_t shared = 0, rest = 0;
    if (!get_varint(d, shared) || !get_varint(d, rest) || rest > d.size() || shared > current_.size()) return false;
    current_.resize(shared);
    current_.append(d.substr(0, rest));
    pos_ = list_->data_.size() - d.size() + rest;
    path = current_;
    return true;
}

std::vector<std::string> PathList::strings() const {
    std::vector<std::string> out;
    out.reserve(count_);
    Cursor c(*this);
    for (std::string p; c.next(p);) out.push_back(p);
    return out;
}

} // namespace spbe::cli
