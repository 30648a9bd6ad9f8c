// An ordered parallel map: work units from one producer go to N workers, and their results reach one
// consumer strictly in the order the units were produced, through a bounded window, so that the
// output and the memory of a batch are the same for every number of workers.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace spbe::cli {

// Calls `next(unit)` (serially, under a lock) until it returns false, runs `work(unit)` for each unit
// on `workers` threads, and calls `consume(result)` on the calling thread in production order; it
// returns false to stop early. At most `window` units are produced and not yet consumed.
// An exception from next, work or consume reaches the caller after every thread is joined; one from
// a unit's next or work is raised where that unit's result would have been consumed, so results
// before it are consumed first. With one worker everything runs on the calling thread and no thread
// is started: a process that never starts a thread lets libstdc++ keep shared_ptr counts (yaml-cpp
// copies them) non-atomic.
template <typename Unit, typename Next, typename Work, typename Consume>
void ordered_parallel_map(size_t workers, size_t window, Next&& next, Work&& work, Consume&& consume) {
    using Result = std::invoke_result_t<Work&, const Unit&>;
    if (workers <= 1) {
        for (Unit unit; next(unit);) {
            Result result = work(std::as_const(unit));
            if (!consume(result)) return;
        }
        return;
    }
    window = std::max<size_t>(window, 1);
    struct Slot {
        bool ready = false;
        std::optional<Result> result;
        std::exception_ptr error;
    };
    std::mutex m;
    std::condition_variable work_cv, done_cv;
    std::vector<Slot> ring(window);
    size_t assigned = 0, consumed = 0;
    bool exhausted = false, stop = false;

    auto worker = [&] {
        std::unique_lock<std::mutex> lock(m);
        while (true) {
            work_cv.wait(lock, [&] { return stop || exhausted || assigned < consumed + window; });
            if (stop || exhausted) return;
            const size_t seq = assigned;
            Slot done;
            Unit unit;
            bool got = false;
            try {
                got = next(unit);
            } catch (...) {
                done.error = std::current_exception();
            }
            if (!got) { // the end, or a producer failure that the consumer raises in its turn
                exhausted = true;
                if (done.error) {
                    ++assigned;
                    done.ready = true;
                    ring[seq % window] = std::move(done);
                }
                done_cv.notify_all();
                work_cv.notify_all();
                return;
            }
            ++assigned;
            lock.unlock();
            try {
                done.result.emplace(work(std::as_const(unit)));
            } catch (...) {
                done.error = std::current_exception();
            }
            lock.lock();
            done.ready = true;
            ring[seq % window] = std::move(done);
            if (seq == consumed) done_cv.notify_all();
        }
    };
    auto stop_and_join = [&](std::vector<std::thread>& threads) {
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
        }
        work_cv.notify_all();
        for (auto& t : threads) t.join();
    };

    std::vector<std::thread> threads;
    std::exception_ptr error;
    try {
        for (size_t t = 0; t < workers; ++t) threads.emplace_back(worker);
        while (true) {
            Slot slot;
            {
                std::unique_lock<std::mutex> lock(m);
                done_cv.wait(lock,
                             [&] { return ring[consumed % window].ready || (exhausted && consumed == assigned); });
                if (!ring[consumed % window].ready) break; // everything produced has been consumed
                slot = std::move(ring[consumed % window]);
                ring[consumed % window] = Slot{};
            }
            if (slot.error) std::rethrow_exception(slot.error);
            const bool more = consume(*slot.result);
            {
                std::lock_guard<std::mutex> lock(m);
                ++consumed; // the slot is free only now: the window also bounds the result being consumed
            }
            work_cv.notify_all();
            if (!more) break;
        }
    } catch (...) {
        error = std::current_exception();
    }
    stop_and_join(threads);
    if (error) std::rethrow_exception(error);
}

} // namespace spbe::cli
