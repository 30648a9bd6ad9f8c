// Whether an existing file may be replaced by -o without --force: it must be empty or begin the
// way some spbe report begins (README "Output files" lists the signatures).
#pragma once

#include <string_view>

namespace spbe::cli {

// How many leading bytes of an existing file looks_like_spbe_output() needs.
inline constexpr std::size_t kOutputSniffBytes = 4096;

// True when `head` (the first kOutputSniffBytes of a file, or all of a shorter one) is empty or
// starts like a report spbe writes in one of its formats, and has no line that starts with a YAML
// key (so an evidence file or a rubric pack file is never taken for a report).
bool looks_like_spbe_output(std::string_view head);

} // namespace spbe::cli
