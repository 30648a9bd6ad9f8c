// Entry point: everything happens in spbe::cli::run.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return spbe::cli::run(argc, argv); }
