// PathList: sorting the collected paths once and front-coding them; decoding is sequential, which
// is all a batch needs (inputs are handed to the workers in order).
#include "cli/path_list.hpp"

#include "model/varint.hpp"

#include <algorithm>
#include <cstring>

namespace spbe::cli {

constexpr size_t kRunBytes = 256 * 1024;

void PathList::append(std::string_view p, std::string_view previous) {
    size_t shared = 0;
    if (count_ > 0)
        while (shared < previous.size() && shared < p.size() && previous[shared] == p[shared]) ++shared;
    put_varint(data_, shared);
    put_varint(data_, p.size() - shared);
    data_.append(p.substr(shared));
    ++count_;
}

void PathList::Builder::add(std::string_view path) {
    starts_.push_back(arena_.size());
    arena_.append(path);
    arena_ += '\0';
    ++added_;
    if (arena_.size() >= kRunBytes) flush_run();
}

void PathList::Builder::flush_run() {
    if (starts_.empty()) return;
    const char* base = arena_.data();
    auto at = [base](size_t start) { return std::string_view(base + start); };
    std::sort(starts_.begin(), starts_.end(), [&](size_t a, size_t b) { return at(a) < at(b); });
    PathList run;
    std::string_view prev;
    for (size_t start : starts_) {
        std::string_view p = at(start);
        if (run.count_ > 0 && p == prev) continue;
        run.append(p, prev);
        prev = p;
    }
    run.data_.shrink_to_fit();
    runs_.push_back(std::move(run));
    arena_.clear(); // the capacity is reused by the next block
    starts_.clear();
}

PathList PathList::Builder::finish() {
    flush_run();
    std::string().swap(arena_);
    std::vector<size_t>().swap(starts_);
    if (runs_.size() == 1) return std::move(runs_.front());
    // Merge the sorted runs, dropping paths that several runs hold.
    std::vector<Cursor> cursors;
    std::vector<std::string> heads(runs_.size());
    std::vector<bool> live(runs_.size());
    for (size_t r = 0; r < runs_.size(); ++r) {
        cursors.emplace_back(runs_[r]);
        live[r] = cursors[r].next(heads[r]);
    }
    PathList list;
    std::string prev;
    while (true) {
        size_t best = runs_.size();
        for (size_t r = 0; r < runs_.size(); ++r)
            if (live[r] && (best == runs_.size() || heads[r] < heads[best])) best = r;
        if (best == runs_.size()) break;
        if (list.count_ == 0 || heads[best] != prev) {
            list.append(heads[best], prev);
            prev = heads[best];
        }
        live[best] = cursors[best].next(heads[best]);
    }
    list.data_.shrink_to_fit();
    runs_.clear();
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
