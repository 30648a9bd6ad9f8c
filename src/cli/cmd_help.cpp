// `spbe help [COMMAND]`: the same text as `spbe --help` or `spbe COMMAND --help`, for people who type
// the word; an unknown command gets the did-you-mean of every other usage error.
#include "cli/commands.hpp"
#include "cli/usage_hint.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace spbe::cli {

CommandSpec help_command() {
    return {"help", "Show the help of spbe or of one command (spbe help COMMAND)", [](CLI::App& app) {
                auto name = std::make_shared<std::string>();
                app.add_option("command", *name, "The command whose help to show");
                CLI::App* self = &app;
                return [self, name] {
                    // The root's own help(), not that of the command parsed last (this one).
                    CLI::App* root = self->get_parent();
                    if (name->empty()) {
                        std::cout << root->get_formatter()->make_help(root, root->get_name(),
                                                                      CLI::AppFormatMode::Normal);
                        return static_cast<int>(kOk);
                    }
                    const std::vector<std::string> names = command_names(*root);
                    for (const auto& n : names)
                        if (n == *name) {
                            std::cout << root->get_subcommand(n)->help(root->get_name());
                            return static_cast<int>(kOk);
                        }
                    const std::string hint = closest_match(*name, names);
                    std::string list;
                    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
                    print_error(hint.empty() ? fmt::format("unknown command '{}'; commands: {}", *name, list)
                                             : fmt::format("unknown command '{}'; did you mean '{}'?", *name, hint));
                    return static_cast<int>(kUsage);
                };
            }};
}

} // namespace spbe::cli
