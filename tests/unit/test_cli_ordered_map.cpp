// The ordered parallel map under the score pass: results in input order whatever the workers'
// timing, early stop, exceptions raised after the threads are joined, and the window bound.
#include "cli/ordered_map.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace spbe::cli;

namespace {

// A producer of 0, 1, …, n-1.
struct Counter {
    int n;
    int at = 0;
    bool operator()(int& unit) {
        if (at == n) return false;
        unit = at++;
        return true;
    }
};

void random_pause(int unit) {
    thread_local std::mt19937 rng(static_cast<unsigned>(unit) * 7919u + 1u);
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
}

} // namespace

TEST_CASE("results arrive in input order with 1 and N workers and random delays") {
    for (size_t workers : {1u, 2u, 3u, 8u}) {
        CAPTURE(workers);
        std::vector<int> got;
        ordered_parallel_map<int>(
            workers, 4, Counter{200},
            [](const int& u) {
                random_pause(u);
                return u * 10;
            },
            [&](int& r) {
                got.push_back(r);
                return true;
            });
        REQUIRE(got.size() == 200);
        for (int i = 0; i < 200; ++i) CHECK(got[static_cast<size_t>(i)] == i * 10);
    }
}

TEST_CASE("an empty input consumes nothing") {
    for (size_t workers : {1u, 4u}) {
        int calls = 0;
        ordered_parallel_map<int>(
            workers, 4, Counter{0}, [](const int& u) { return u; },
            [&](int&) {
                ++calls;
                return true;
            });
        CHECK(calls == 0);
    }
}

TEST_CASE("one worker runs on the calling thread") {
    const auto caller = std::this_thread::get_id();
    bool same = true;
    ordered_parallel_map<int>(
        1, 4, Counter{20},
        [&](const int& u) {
            same = same && std::this_thread::get_id() == caller;
            return u;
        },
        [](int&) { return true; });
    CHECK(same);
}

TEST_CASE("the consumer stops early and nothing after the stop is consumed") {
    for (size_t workers : {1u, 4u}) {
        CAPTURE(workers);
        std::vector<int> got;
        std::atomic<int> produced{0};
        Counter counter{1000};
        ordered_parallel_map<int>(
            workers, 8,
            [&](int& u) {
                ++produced;
                return counter(u);
            },
            [](const int& u) { return u; },
            [&](int& r) {
                got.push_back(r);
                return r < 9;
            });
        CHECK(got == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        CHECK(produced.load() <= 10 + 8 + 1); // the window bounds what is produced beyond the stop
    }
}

TEST_CASE("a worker's exception reaches the caller after the results before it") {
    for (size_t workers : {1u, 4u}) {
        CAPTURE(workers);
        std::vector<int> got;
        auto run = [&] {
            ordered_parallel_map<int>(
                workers, 4, Counter{100},
                [](const int& u) {
                    random_pause(u);
                    if (u == 37) throw std::runtime_error("unit 37 failed");
                    return u;
                },
                [&](int& r) {
                    got.push_back(r);
                    return true;
                });
        };
        CHECK_THROWS_WITH_AS(run(), "unit 37 failed", std::runtime_error);
        REQUIRE(got.size() == 37);
        CHECK(got.back() == 36);
    }
}

TEST_CASE("the consumer's and the producer's exceptions reach the caller") {
    for (size_t workers : {1u, 4u}) {
        CAPTURE(workers);
        auto consumer_throws = [&] {
            ordered_parallel_map<int>(
                workers, 4, Counter{100}, [](const int& u) { return u; },
                [](int& r) {
                    if (r == 5) throw std::logic_error("consumer failed at 5");
                    return true;
                });
        };
        CHECK_THROWS_WITH_AS(consumer_throws(), "consumer failed at 5", std::logic_error);
        int consumed = 0;
        auto producer_throws = [&] {
            Counter counter{100};
            ordered_parallel_map<int>(
                workers, 4,
                [&](int& u) {
                    if (counter.at == 12) throw std::runtime_error("producer failed at 12");
                    return counter(u);
                },
                [](const int& u) { return u; },
                [&](int&) {
                    ++consumed;
                    return true;
                });
        };
        CHECK_THROWS_WITH_AS(producer_throws(), "producer failed at 12", std::runtime_error);
        CHECK(consumed == 12);
    }
}

TEST_CASE("no more than the window is produced and not yet consumed") {
    for (size_t window : {1u, 3u, 16u}) {
        CAPTURE(window);
        std::atomic<size_t> produced{0}, consumed{0}, worst{0};
        Counter counter{300};
        ordered_parallel_map<int>(
            4, window,
            [&](int& u) {
                if (!counter(u)) return false;
                size_t ahead = ++produced - consumed.load();
                if (ahead > worst) worst = ahead;
                return true;
            },
            [](const int& u) {
                random_pause(u);
                return u;
            },
            [&](int&) {
                std::this_thread::sleep_for(std::chrono::microseconds(50)); // a slow consumer fills the window
                ++consumed;
                return true;
            });
        CHECK(consumed.load() == 300);
        CHECK(worst.load() <= window);
        CHECK(worst.load() == window); // and the window is used
    }
}
