// explain_usage_error: CLI11's parse errors ("A subcommand is required", "The following argument was
// not expected: --formt", "packs is required") rewritten to name the mistake, with a did-you-mean taken
// from the real command and option names, so a typo gets the same help in every command.
#include "cli/usage_hint.hpp"

#include "model/text.hpp"

#include <fmt/format.h>

#include <optional>
#include <string_view>
#include <vector>

namespace spbe::cli {

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (!sub->get_group().empty()) names.push_back(sub->get_name()); // hidden commands are not suggested
    return names;
}

namespace {

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// "--format", "-f", … of every option of `app`.
std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* opt : app.get_options()) {
        for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
        for (const auto& s : opt->get_snames()) names.push_back("-" + s);
    }
    return names;
}

std::string unknown_option(std::string_view arg, const CLI::App& app, const std::string& where) {
    const std::string name(arg.substr(0, arg.find('=')));
    // Any one-letter option is one edit from every other: suggest only for long names.
    const std::string hint = name.size() > 2 ? closest_match(name, option_names(app)) : std::string();
    if (!hint.empty()) return fmt::format("unknown option '{}'{}; did you mean '{}'?", name, where, hint);
    return fmt::format("unknown option '{}'{} (see 'spbe{} --help')", name, where,
                       app.get_parent() ? " " + app.get_name() : std::string());
}

// CLI11's "--format: jsn not in {table,json,csv}" as "--format: 'jsn' is not one of table, json, csv;
// did you mean 'json'?".
std::optional<std::string> mistyped_value(std::string_view message) {
    const std::size_t colon = message.find(": ");
    const std::size_t not_in = message.rfind(" not in {");
    if (colon == std::string_view::npos || not_in == std::string_view::npos || not_in < colon || message.back() != '}')
        return std::nullopt;
    const std::string option(message.substr(0, colon));
    const std::string value(message.substr(colon + 2, not_in - colon - 2));
    std::vector<std::string> choices;
    std::string_view list = message.substr(not_in + 9, message.size() - not_in - 10);
    for (std::size_t start = 0; start <= list.size();) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string_view::npos) comma = list.size();
        choices.emplace_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    std::string hint;
    for (const auto& c : choices)
        if (hint.empty() && !value.empty() && c.rfind(value, 0) == 0) hint = c; // "warn" → "warning"
    if (hint.empty() && value.size() > 2) hint = closest_match(value, choices);
    return fmt::format("{}: '{}' is not one of {}{}", option, value, join(choices),
                       hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint));
}

} // namespace

std::string explain_usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const CLI::App* sub = nullptr;
    std::size_t sub_at = 0;
    for (; sub_at < args.size(); ++sub_at) {
        if (args[sub_at].substr(0, 1) == "-") continue;
        for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; }))
            if (s->get_name() == args[sub_at]) sub = s;
        break;
    }
    if (!sub) {
        if (args.empty()) return fmt::format("no command given; commands: {} (spbe --help)", join(command_names(app)));
        for (auto arg : args)
            if (arg.substr(0, 1) == "-" && arg != "--help" && arg != "-h" && arg != "--version")
                return unknown_option(arg, app, "");
        if (sub_at >= args.size()) return error.what();
        const std::string word(args[sub_at]);
        if (word == "version") return "'version' is not a command; the version is shown by 'spbe --version'";
        const std::string hint = closest_match(word, command_names(app));
        if (!hint.empty()) return fmt::format("unknown command '{}'; did you mean '{}'?", word, hint);
        return fmt::format("unknown command '{}'; commands: {}", word, join(command_names(app)));
    }
    const std::string where = fmt::format(" for 'spbe {}'", sub->get_name());
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        const std::vector<std::string> known = option_names(*sub);
        for (std::size_t i = sub_at + 1; i < args.size(); ++i) {
            const std::string_view arg = args[i];
            if (arg == "--") break;
            if (arg.size() < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9')) continue;
            const std::string name(arg.substr(0, arg.find('=')));
            bool is_known = false;
            for (const auto& k : known) is_known = is_known || k == name || (k.size() == 2 && name.rfind(k, 0) == 0);
            if (!is_known) return unknown_option(arg, *sub, where);
        }
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error)) {
        for (const CLI::Option* opt : sub->get_options())
            if (opt->get_positional() && opt->get_required() && opt->count() == 0 &&
                std::string_view(error.what()).find(opt->get_name()) != std::string_view::npos)
                return fmt::format("missing argument{}: {} (see 'spbe {} --help')", where, opt->get_description(),
                                   sub->get_name());
    }
    if (auto value = mistyped_value(error.what())) return *value;
    return error.what();
}

} // namespace spbe::cli
