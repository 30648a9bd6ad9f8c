// Spool: length-prefixed records appended through a 64 KiB buffer and read back through a window
// of the same size, sequentially (the usual case) or by offset (a ranking re-orders them).
#include "cli/spool.hpp"

#include "model/varint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace spbe::cli {

namespace {

constexpr size_t kBlock = 64 * 1024;

int open_temporary() {
    const char* env = std::getenv("TMPDIR");
    std::string dir = env && *env ? env : "/tmp";
    int fd = -1;
#ifdef O_TMPFILE
    fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
#endif
    std::string name = dir + "/spbe-spool-XXXXXX";
    fd = ::mkstemp(name.data());
    if (fd >= 0) ::unlink(name.c_str()); // nameless from now on: removed when closed
    return fd;
}

} // namespace

Spool::Spool() = default;

Spool::~Spool() {
    if (fd_ >= 0) ::close(fd_);
}

uint64_t Spool::append(std::string_view record) {
    if (!opened_) {
        fd_ = open_temporary();
        opened_ = true;
    }
    uint64_t at = size_;
    std::string& to = fd_ >= 0 ? pending_ : memory_;
    size_t before = to.size();
    put_varint(to, record.size());
    to.append(record);
    size_ += to.size() - before;
    if (fd_ >= 0 && pending_.size() >= kBlock) flush();
    return at;
}

void Spool::flush() {
    size_t done = 0;
    while (done < pending_.size()) {
        ssize_t n = ::pwrite(fd_, pending_.data() + done, pending_.size() - done, static_cast<off_t>(written_ + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw SpoolError(
                fmt::format("cannot write the batch's temporary file: {}", std::strerror(n < 0 ? errno : ENOSPC)));
        done += static_cast<size_t>(n);
    }
    written_ += pending_.size();
    pending_.clear();
}

// Makes window_ cover [offset, offset + at_least) (or up to the end of the records).
void Spool::fill(uint64_t offset, size_t at_least) {
    if (offset >= window_at_ && offset + at_least <= window_at_ + window_.size()) return;
    if (!pending_.empty()) flush();
    size_t want = static_cast<size_t>(std::min<uint64_t>(std::max(at_least, kBlock), size_ - offset));
    window_.resize(want);
    size_t got = 0;
    while (got < want) {
        ssize_t n = ::pread(fd_, window_.data() + got, want - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw SpoolError(
                fmt::format("cannot read the batch's temporary file back: {}", std::strerror(n < 0 ? errno : EIO)));
        got += static_cast<size_t>(n);
    }
    window_at_ = offset;
}

uint64_t Spool::read_at(uint64_t offset, std::string& record) {
    if (offset >= size_) throw SpoolError("read beyond the end of the batch's temporary file");
    const char* p = nullptr;
    size_t avail = 0;
    auto view = [&](size_t need) {
        if (fd_ < 0) {
            p = memory_.data() + offset;
            avail = memory_.size() - static_cast<size_t>(offset);
            return;
        }
        fill(offset, need);
        p = window_.data() + (offset - window_at_);
        avail = window_.size() - static_cast<size_t>(offset - window_at_);
    };
    view(std::min<uint64_t>(10, size_ - offset));
    std::string_view head(p, avail);
    uint64_t length = 0;
    if (!get_varint(head, length)) throw SpoolError("the batch's temporary file is truncated");
    size_t used = avail - head.size();
    if (used + length > avail) view(used + length);
    if (used + length > avail) throw SpoolError("the batch's temporary file is truncated");
    record.assign(p + used, length);
    return offset + used + length;
}

} // namespace spbe::cli
