// The sorted, de-duplicated list of evidence files a batch scores, stored front-coded (each path as
// the length it shares with the previous one plus the rest), so that 20,000 files in one folder
// cost a few bytes each instead of a std::string each. Read back in order with a cursor.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spbe::cli {

class PathList {
public:
    // Collects paths in any order; finish() sorts them (byte order) and drops duplicates. Paths
    // are gathered in blocks of 256 KiB, each sorted and front-coded into a run as it fills, and
    // the runs are merged at the end: even while collecting, a path costs about its coded size.
    class Builder {
    public:
        void add(std::string_view path);
        size_t added() const { return added_; }
        PathList finish();

    private:
        void flush_run();
        std::string arena_;          // the current block's paths, each followed by '\0' (a path cannot contain one)
        std::vector<size_t> starts_; // where each path starts in arena_
        std::vector<PathList> runs_;
        size_t added_ = 0;
    };

    // Sequential reader: next() yields the paths in order.
    class Cursor {
    public:
        explicit Cursor(const PathList& list) : list_(&list) {}
        bool next(std::string& path);

    private:
        const PathList* list_;
        size_t pos_ = 0;
        std::string current_;
    };

    size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    size_t bytes() const { return data_.size(); }
    std::vector<std::string> strings() const; // all of them, for tests and small lists

private:
    void append(std::string_view path, std::string_view previous); // in sorted order, after `previous`
    std::string data_; // per path: varint shared length, varint suffix length, suffix bytes
    size_t count_ = 0;
};

} // namespace spbe::cli
