// Where a batch keeps its rendered rows until every input is scored: an unnamed temporary file
// (in $TMPDIR, else /tmp; gone when the process ends), so memory stays flat however many agencies
// there are. Falls back to memory when no temporary file can be created.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace spbe::cli {

// Thrown when the spool cannot be written or read back (disk full, I/O error).
class SpoolError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Spool {
public:
    Spool();
    ~Spool();
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;

    // Appends one record; returns its offset for read_at().
    uint64_t append(std::string_view record);
    // Reads the record at `offset` (from append) into `record`; returns the offset of the next one.
    uint64_t read_at(uint64_t offset, std::string& record);
    uint64_t end() const { return size_; }

private:
    void flush();
    void fill(uint64_t offset, size_t at_least);
    int fd_ = -1;
    bool opened_ = false; // the file is made at the first append: a one-file run never needs it
    std::string memory_;  // the records, when there is no file
    std::string pending_; // appended, not yet written to the file
    uint64_t size_ = 0;   // bytes appended in all
    uint64_t written_ = 0;
    std::string window_; // bytes [window_at_, window_at_ + window_.size()) read back from the file
    uint64_t window_at_ = 0;
};

} // namespace spbe::cli
