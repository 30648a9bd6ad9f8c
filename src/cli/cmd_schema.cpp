// `spbe schema evidence|rubric|crosswalk`: the JSON Schema (draft-07) of evidence files, rubric pack
// files or crosswalks, for editors and other tools. The same text is committed under schemas/.
#include "cli/commands.hpp"
#include "loader/builtin_packs.hpp"
#include "report/schemas.hpp"

#include <memory>

namespace spbe::cli {

namespace {

struct SchemaOptions {
    std::string name;
    OutputOptions out;
};

int run_schema(const SchemaOptions& opt) {
    return write_output(schema_by_name(opt.name, builtin_pack_ids()).dump(), opt.out);
}

} // namespace

CommandSpec schema_command() {
    return {"schema", "Print the JSON Schema of evidence files, rubric pack files or crosswalks (for editors)",
            [](CLI::App& app) {
                auto opt = std::make_shared<SchemaOptions>();
                app.add_option(
                       "name", opt->name,
                       "evidence (agency evidence files), rubric (pack.yaml and group files) or crosswalk (diff --map)")
                    ->required()
                    ->check(CLI::IsMember(schema_names()));
                add_output_file_options(app, opt->out, "the schema");
                return [opt] { return run_schema(*opt); };
            }};
}

} // namespace spbe::cli
