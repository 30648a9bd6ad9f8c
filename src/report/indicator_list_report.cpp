// The indicator list of a pack (`spbe explain` with no id, or `--list`): one row per indicator in pack
// order with its groups (domain, aspect, … as the pack's tiers say), name and weight, in three formats.
#include "report/indicator_list_report.hpp"

#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

namespace spbe {

namespace {

struct ListLabels {
    const char* heading; // "{pack} · {n} indicators"
    const char* name;
    const char* total;
    const char* more;
};

const LabelSet<ListLabels> kListLabels({
    {"{} · {} indikator", "{} · {} indicators"},
    {"Nama", "Name"},
    {"Jumlah bobot", "Total weight"},
    {"Rincian satu indikator: spbe explain ID", "One indicator in full: spbe explain ID"},
});

// The groups of an indicator from the top tier down (e.g. domain, aspect).
std::vector<const Group*> groups_of(const Pack& pack, const Indicator& ind) {
    std::vector<const Group*> out;
    for (int g = ind.group; g >= 0; g = pack.groups[static_cast<size_t>(g)].parent)
        out.insert(out.begin(), &pack.groups[static_cast<size_t>(g)]);
    return out;
}

// A group as a table cell: its number where the pack gives one (aspects are numbered), else its id.
std::string group_cell(const Group& g) { return g.number ? std::to_string(*g.number) : g.id; }

std::string heading(const Pack& pack, Lang lang) {
    const std::string regulation = pack.source.regulation.empty() ? "" : " (" + pack.source.regulation + ")";
    return fmt::format(fmt::runtime(kListLabels.get(lang).heading), pack.id + regulation, pack.indicators.size());
}

} // namespace

std::string render_indicator_list_table(const Pack& pack, Lang lang) {
    const Labels& L = labels(lang);
    const ListLabels& LL = kListLabels.get(lang);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{L.indicator};
    for (const Tier& t : pack.tiers) header.push_back(t.name.get(lang));
    header.push_back(LL.name);
    header.push_back(L.weight);
    rows.push_back(header);
    for (const Indicator& ind : pack.indicators) {
        std::vector<std::string> row{ind.id};
        for (const Group* g : groups_of(pack, ind)) row.push_back(group_cell(*g));
        row.push_back(truncate(terminal_safe(ind.name.get(lang)), 44)); // the table fits 80 columns
        row.push_back(format_weight(ind.weight));
        rows.push_back(std::move(row));
    }
    std::vector<bool> right(header.size(), false);
    right.front() = true;
    right.back() = true;
    std::string out = terminal_safe(heading(pack, lang)) + "\n\n" + render_table(rows, right);
    out += fmt::format("\n  {}: {}\n  {}\n", LL.total, format_weight(pack.total_weight), LL.more);
    return out;
}

std::string render_indicator_list_markdown(const Pack& pack, Lang lang) {
    const Labels& L = labels(lang);
    const ListLabels& LL = kListLabels.get(lang);
    std::string out = "## " + markdown_escape(heading(pack, lang)) + "\n\n| " + L.indicator;
    for (const Tier& t : pack.tiers) out += " | " + markdown_escape(t.name.get(lang));
    out += fmt::format(" | {} | {} |\n|---:", LL.name, L.weight);
    for (std::size_t i = 0; i < pack.tiers.size(); ++i) out += "|---";
    out += "|---|---:|\n";
    for (const Indicator& ind : pack.indicators) {
        out += "| " + markdown_escape(ind.id);
        for (const Group* g : groups_of(pack, ind)) out += " | " + markdown_escape(group_cell(*g));
        out += fmt::format(" | {} | {} |\n", markdown_escape(ind.name.get(lang)), format_weight(ind.weight));
    }
    return out;
}

std::string render_indicator_list_json(const Pack& pack, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.field("schema", "spbe.indicators/1");
    w.field("rubric", pack.id);
    w.key("total_weight").raw_number(json_number(pack.total_weight));
    w.key("indicators").begin_array();
    for (const Indicator& ind : pack.indicators) {
        w.begin_object();
        w.field("id", ind.id);
        w.field("name", ind.name.get(lang));
        for (const Group* g : groups_of(pack, ind))
            w.key(pack.tiers[static_cast<size_t>(g->tier)].id)
                .begin_object()
                .field("id", g->id)
                .field("name", g->name.get(lang))
                .end_object();
        w.key("weight").raw_number(json_number(ind.weight));
        w.field("weight_exact", ind.weight.to_exact_string());
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take() + "\n";
}

} // namespace spbe
