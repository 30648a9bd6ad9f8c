// Diff renderers. Values at the new pack's precision, deltas as rounded exact differences with a
// sign; unchanged indicators are counted in text output and listed only in JSON and CSV.
#include "report/diff_report.hpp"

#include "report/delta_format.hpp"
#include "report/json_writer.hpp"
#include "report/labels.hpp"
#include "report/predicate_json.hpp"
#include "report/text_util.hpp"

#include <fmt/format.h>

namespace spbe {

namespace {

struct DiffLabels {
    const char* old_col;
    const char* new_col;
    const char* change;
    const char* up;
    const char* down;
    const char* unchanged;
    const char* only_old;
    const char* only_new;
    const char* not_compared;
    const char* added;
    const char* removed;
    const char* expired_as_of;
    const char* valid_until;
    const char* cross_pack; // {} = the crosswalk file
    const char* no_evidence_change;
    const char* evidence;
    const char* index_only; // {} = old pack, {} = new pack
};

const DiffLabels& dl(Lang lang) {
    static const LabelSet<DiffLabels> set({
        {"Lama", "Old"},                                            // old_col
        {"Baru", "New"},                                            // new_col
        {"Selisih", "Change"},                                      // change
        {"naik", "up"},                                             // up
        {"turun", "down"},                                          // down
        {"tetap", "unchanged"},                                     // unchanged
        {"hanya di berkas lama", "only in the old file"},           // only_old
        {"hanya di berkas baru", "only in the new file"},           // only_new
        {"tidak dibandingkan", "not compared"},                     // not_compared
        {"Bukti dukung baru", "Evidence added"},                    // added
        {"Bukti dukung dihapus", "Evidence removed"},               // removed
        {"Bukti dukung kedaluwarsa per", "Evidence expired as of"}, // expired_as_of
        {"berlaku s.d.", "valid until"},                            // valid_until
        // cross_pack
        {"Rubrik berbeda: hanya indikator yang dipetakan di {} yang dibandingkan; kelompok tidak dibandingkan. "
         "Pemetaan itu dari pengguna, bukan pemetaan resmi.",
         "Different rubric packs: only the indicators mapped in {} are compared; groups are not compared. "
         "The mapping is the user's, not an official one."},
        {"Tidak ada perubahan bukti dukung.", "No evidence changes."}, // no_evidence_change
        {"Bukti dukung", "Evidence"},                                  // evidence
        // index_only
        {"Rubrik berbeda ({} → {}): hanya indeks dan predikat yang dibandingkan. Indikator dan bukti dukung "
         "dibandingkan bila pasangan indikatornya diberikan dengan --map BERKAS (tidak ada pemetaan resmi).",
         "Different rubric packs ({} → {}): only the index and the predicate are compared. Indicators and evidence "
         "are compared when their pairs are given with --map FILE (there is no official mapping)."},
    });
    return set.get(lang);
}

const char* status_name(IndicatorDelta::Status s) {
    switch (s) {
    case IndicatorDelta::up: return "up";
    case IndicatorDelta::down: return "down";
    case IndicatorDelta::unchanged: return "unchanged";
    case IndicatorDelta::only_old: return "only_old";
    case IndicatorDelta::only_new: return "only_new";
    case IndicatorDelta::not_compared: return "not_compared";
    }
    return "";
}

const char* status_label(IndicatorDelta::Status s, Lang lang) {
    const DiffLabels& D = dl(lang);
    switch (s) {
    case IndicatorDelta::up: return D.up;
    case IndicatorDelta::down: return D.down;
    case IndicatorDelta::unchanged: return D.unchanged;
    case IndicatorDelta::only_old: return D.only_old;
    case IndicatorDelta::only_new: return D.only_new;
    case IndicatorDelta::not_compared: return D.not_compared;
    }
    return "";
}

const char* kind_name(EvidenceDelta::Kind k) {
    return k == EvidenceDelta::added ? "added" : k == EvidenceDelta::removed ? "removed" : "expired";
}

// "35-1 → 45" when a crosswalk pairs different ids.
std::string indicator_label(const IndicatorDelta& x) {
    return x.old_id.empty() || x.old_id == x.id ? x.id : x.old_id + " → " + x.id;
}

std::string cross_pack_line(const DiffInput& in, const AgencyDiff& d, Lang lang) {
    return d.mapped ? fmt::format(fmt::runtime(dl(lang).cross_pack), in.crosswalk_path) : std::string();
}

std::string year_text(const AgencyResult& r) { return r.file.year ? std::to_string(*r.file.year) : "?"; }

// "Pemerintah Kabupaten Contoh · 2023 → 2024 · spbe-2020 (PermenPANRB 59/2020)"
std::string heading(const DiffInput& in) {
    const AgencyResult& o = *in.old_result;
    const AgencyResult& n = *in.new_result;
    const std::string& old_name = o.file.agency.name;
    std::string name = old_name == n.file.agency.name ? old_name : old_name + " → " + n.file.agency.name;
    std::string out = fmt::format("{} · {} → {} · ", name, year_text(o), year_text(n));
    if (o.pack->id == n.pack->id) out += n.pack->id;
    else out += o.pack->id + " → " + n.pack->id;
    if (!n.pack->source.regulation.empty() && o.pack->source.regulation == n.pack->source.regulation)
        out += fmt::format(" ({})", n.pack->source.regulation);
    return out;
}

std::string diff_footer(const DiffInput& in, Lang lang, bool markdown) {
    std::string out = source_footer(*in.old_result->pack, lang, markdown);
    if (in.new_result->pack != in.old_result->pack) out += source_footer(*in.new_result->pack, lang, markdown);
    return out;
}

std::string opt_value(const std::optional<Rational>& v, int prec) { return v ? v->to_fixed(prec) : "—"; }
std::string opt_level(const std::optional<Rational>& v) { return v ? v->to_exact_string() : "—"; }
std::string level_delta(const IndicatorDelta& x) {
    return x.old_level && x.new_level ? signed_exact(*x.new_level - *x.old_level) : "—";
}
std::string group_delta_text(const GroupDelta& g, int prec) { return g.delta() ? signed_delta(*g.delta(), prec) : "—"; }
std::string group_label(const GroupDelta& g, Lang lang) {
    return g.tier == 0 ? g.name.get(lang) : g.id + " " + g.name.get(lang);
}

// Across packs without a crosswalk only the index and the predicate mean the same thing.
bool index_only(const AgencyDiff& d) { return !d.same_pack && !d.mapped; }

// "Indeks SPBE 2.26 → 2.21", or "Indeks SPBE 2.26 → Indeks Pemerintah Digital 2.21" across indices.
std::string index_change(const DiffInput& in, const AgencyDiff& d, Lang lang, const std::string& new_value) {
    const Pack& op = *in.old_result->pack;
    const Pack& np = *in.new_result->pack;
    std::string old_value = d.old_index.to_fixed(op.precision);
    if (op.index_name.get(lang) == np.index_name.get(lang))
        return fmt::format("{} {} → {}", np.index_name.get(lang), old_value, new_value);
    return fmt::format("{} {} → {} {}", op.index_name.get(lang), old_value, np.index_name.get(lang), new_value);
}

std::string index_only_line(const DiffInput& in, Lang lang) {
    return fmt::format(fmt::runtime(dl(lang).index_only), in.old_result->pack->id, in.new_result->pack->id);
}

std::string predicate_text(const AgencyDiff& d, Lang lang) {
    if (!d.predicate_changed()) return d.new_predicate->name.get(lang);
    return d.old_predicate->name.get(lang) + " → " + d.new_predicate->name.get(lang);
}

std::string item_text(const EvidenceItem& it) {
    if (it.title.empty()) return it.file;
    if (it.file.empty()) return it.title;
    return fmt::format("{} ({})", it.title, it.file);
}

// Tier ids in display order (new pack first), each with its first group's tier name.
std::vector<const GroupDelta*> tier_heads(const AgencyDiff& d) {
    std::vector<const GroupDelta*> heads;
    for (const auto& g : d.groups) {
        bool seen = false;
        for (const auto* h : heads) seen = seen || h->tier_id == g.tier_id;
        if (!seen) heads.push_back(&g);
    }
    return heads;
}

bool listed_in_text(const IndicatorDelta& x) { return x.status != IndicatorDelta::unchanged; }

std::string counts_line(const AgencyDiff& d, Lang lang) {
    const Labels& L = labels(lang);
    const DiffLabels& D = dl(lang);
    std::string out =
        fmt::format("{}: {} {}, {} {}, {} {}", L.indicator, d.count(IndicatorDelta::up), D.up,
                    d.count(IndicatorDelta::down), D.down, d.count(IndicatorDelta::unchanged), D.unchanged);
    if (size_t n = d.count(IndicatorDelta::only_old)) out += fmt::format(", {} {}", n, D.only_old);
    if (size_t n = d.count(IndicatorDelta::only_new)) out += fmt::format(", {} {}", n, D.only_new);
    if (size_t n = d.count(IndicatorDelta::not_compared)) out += fmt::format(", {} {}", n, D.not_compared);
    return out;
}

std::string evidence_title(EvidenceDelta::Kind k, const DiffInput& in, Lang lang) {
    const DiffLabels& D = dl(lang);
    if (k == EvidenceDelta::added) return D.added;
    if (k == EvidenceDelta::removed) return D.removed;
    return fmt::format("{} {}", D.expired_as_of, in.as_of.to_string());
}

} // namespace

std::string render_diff_table(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt) {
    const Pack& pack = *in.new_result->pack;
    const Labels& L = labels(opt.lang);
    const DiffLabels& D = dl(opt.lang);
    int prec = pack.precision;
    std::string out = colorize(heading(in), Color::bold, opt.color) + "\n";
    if (d.mapped) out += terminal_safe(cross_pack_line(in, d, opt.lang)) + "\n";
    Color dc = d.index_delta() < Rational(0) ? Color::red : d.index_delta() > Rational(0) ? Color::green : Color::none;
    out += fmt::format(
        "{}  ({})  {}\n",
        terminal_safe(index_change(in, d, opt.lang, colorize(d.new_index.to_fixed(prec), Color::bold, opt.color))),
        colorize(signed_delta(d.index_delta(), prec), dc, opt.color), terminal_safe(predicate_text(d, opt.lang)));
    if (index_only(d))
        return out + "\n" + wrap_text(terminal_safe(index_only_line(in, opt.lang)), 100, "") +
               diff_footer(in, opt.lang, false);

    for (const GroupDelta* head : tier_heads(d)) {
        std::vector<std::vector<std::string>> rows{
            {terminal_safe(head->tier_name.get(opt.lang)), L.weight, D.old_col, D.new_col, D.change}};
        for (const auto& g : d.groups)
            if (g.tier_id == head->tier_id)
                rows.push_back({terminal_safe(group_label(g, opt.lang)), format_weight(g.weight) + " %",
                                opt_value(g.old_value, prec), opt_value(g.new_value, prec), group_delta_text(g, prec)});
        out += "\n" + render_table(rows, {false, true, true, true, true});
    }

    out += "\n" + counts_line(d, opt.lang) + "\n";
    std::vector<std::vector<std::string>> rows{{L.indicator, "", D.old_col, D.new_col, D.change, ""}};
    for (const auto& x : d.indicators)
        if (listed_in_text(x))
            rows.push_back({terminal_safe(indicator_label(x)), truncate(terminal_safe(x.name.get(opt.lang)), 50),
                            opt_level(x.old_level), opt_level(x.new_level), level_delta(x),
                            status_label(x.status, opt.lang)});
    if (rows.size() > 1) out += render_table(rows, {true, false, true, true, true, false});

    if (d.evidence.empty()) out += std::string("\n") + D.no_evidence_change + "\n";
    for (auto kind : {EvidenceDelta::added, EvidenceDelta::removed, EvidenceDelta::expired}) {
        if (!d.count(kind)) continue;
        out += fmt::format("\n{} ({}):\n", evidence_title(kind, in, opt.lang), d.count(kind));
        std::vector<std::vector<std::string>> erows{{L.indicator, D.evidence}};
        for (const auto& e : d.evidence)
            if (e.kind == kind) {
                std::string text = truncate(terminal_safe(item_text(e.item)), 90);
                if (kind == EvidenceDelta::expired)
                    text += fmt::format(" — {} {}", D.valid_until, e.item.valid_until->to_string());
                erows.push_back({terminal_safe(e.indicator), text});
            }
        out += render_table(erows, {true, false});
    }
    return out + diff_footer(in, opt.lang, false);
}

std::string render_diff_json(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt) {
    const Pack& pack = *in.new_result->pack;
    int prec = pack.precision;
    JsonWriter j;
    auto side = [&](const char* key, const AgencyResult& r) {
        j.key(key).begin_object();
        write_file_fields_json(j, r);
        j.end_object();
    };
    auto values = [&](const std::optional<Rational>& o, const std::optional<Rational>& n) {
        auto num = [&](const char* k, const std::optional<Rational>& v) {
            j.key(k);
            if (v) j.raw_number(v->to_fixed(prec));
            else j.null();
            j.key(std::string(k) + "_exact");
            if (v) j.value(v->to_exact_string());
            else j.null();
        };
        num("old", o);
        num("new", n);
        std::optional<Rational> delta;
        if (o && n) delta = *n - *o;
        j.key("delta");
        if (delta) j.raw_number(json_delta(*delta, prec));
        else j.null();
        j.key("delta_exact");
        if (delta) j.value(delta->to_exact_string());
        else j.null();
    };
    j.begin_object();
    j.field("schema", kDiffJsonSchema);
    side("old", *in.old_result);
    side("new", *in.new_result);
    j.field("same_agency", d.same_agency);
    j.field("same_rubric", d.same_pack);
    if (d.mapped) j.field("crosswalk", in.crosswalk_path);
    j.field("as_of", in.as_of.to_string());
    j.key("index").begin_object();
    values(d.old_index, d.new_index);
    j.end_object();
    j.key("predicate").begin_object();
    write_predicate(j, *d.old_predicate, opt.lang, "old");
    write_predicate(j, *d.new_predicate, opt.lang, "new");
    j.field("changed", d.predicate_changed());
    j.end_object();
    j.field("regression", d.regression());
    for (const GroupDelta* head : tier_heads(d)) {
        j.key(head->tier_plural).begin_array();
        for (const auto& g : d.groups) {
            if (g.tier_id != head->tier_id) continue;
            j.begin_object();
            j.field("id", g.id);
            j.field("name", g.name.get(opt.lang));
            j.key("weight").raw_number(json_number(g.weight));
            values(g.old_value, g.new_value);
            j.end_object();
        }
        j.end_array();
    }
    j.key("indicator_counts").begin_object();
    for (auto s : {IndicatorDelta::up, IndicatorDelta::down, IndicatorDelta::unchanged, IndicatorDelta::only_old,
                   IndicatorDelta::only_new})
        j.field(status_name(s), static_cast<long long>(d.count(s)));
    if (d.mapped)
        j.field(status_name(IndicatorDelta::not_compared),
                static_cast<long long>(d.count(IndicatorDelta::not_compared)));
    j.end_object();
    j.key("indicators").begin_array();
    for (const auto& x : d.indicators) {
        j.begin_object();
        j.field("id", x.id);
        if (d.mapped) {
            j.key("old_id");
            if (x.old_id.empty()) j.null();
            else j.value(x.old_id);
        }
        j.field("name", x.name.get(opt.lang));
        j.key("old");
        if (x.old_level) j.raw_number(x.old_level->to_exact_string());
        else j.null();
        j.key("new");
        if (x.new_level) j.raw_number(x.new_level->to_exact_string());
        else j.null();
        j.field("status", status_name(x.status));
        j.end_object();
    }
    j.end_array();
    j.key("evidence").begin_object();
    for (auto kind : {EvidenceDelta::added, EvidenceDelta::removed, EvidenceDelta::expired}) {
        j.key(kind_name(kind)).begin_array();
        for (const auto& e : d.evidence) {
            if (e.kind != kind) continue;
            j.begin_object();
            j.field("indicator", e.indicator);
            j.key("title");
            if (e.item.title.empty()) j.null();
            else j.value(e.item.title);
            j.key("file");
            if (e.item.file.empty()) j.null();
            else j.value(e.item.file);
            j.key("valid_until");
            if (e.item.valid_until) j.value(e.item.valid_until->to_string());
            else j.null();
            j.end_object();
        }
        j.end_array();
    }
    j.end_object();
    j.end_object();
    return j.str();
}

std::string render_diff_csv(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt) {
    // One table with a `kind` column: index, predicate, one per tier id, indicator, evidence.
    const Pack& pack = *in.new_result->pack;
    int prec = pack.precision;
    std::string out = csv_row({"kind", "id", "name", "old", "new", "delta", "old_exact", "new_exact", "delta_exact",
                               "status", "file", "valid_until"});
    auto direction = [](const std::optional<Rational>& delta) -> std::string {
        if (!delta) return "";
        return *delta > Rational(0) ? "up" : *delta < Rational(0) ? "down" : "unchanged";
    };
    auto value_row = [&](const std::string& kind, const std::string& id, const std::string& name,
                         const std::optional<Rational>& o, const std::optional<Rational>& n) {
        std::optional<Rational> delta;
        if (o && n) delta = *n - *o;
        out += csv_row({kind, id, name, csv_number(o ? o->to_fixed(prec) : ""), csv_number(n ? n->to_fixed(prec) : ""),
                        csv_number(delta ? signed_delta(*delta, prec) : ""), csv_number(o ? o->to_exact_string() : ""),
                        csv_number(n ? n->to_exact_string() : ""), csv_number(delta ? delta->to_exact_string() : ""),
                        o && n ? direction(delta)
                        : o    ? "only_old"
                               : "only_new",
                        "", ""});
    };
    value_row("index", "", pack.index_name.get(opt.lang), d.old_index, d.new_index);
    out += csv_row({"predicate", "", "", d.old_predicate->name.get(opt.lang), d.new_predicate->name.get(opt.lang), "",
                    "", "", "", d.predicate_changed() ? "changed" : "unchanged", "", ""});
    for (const auto& g : d.groups) value_row(g.tier_id, g.id, g.name.get(opt.lang), g.old_value, g.new_value);
    for (const auto& x : d.indicators)
        out += csv_row({"indicator", indicator_label(x), x.name.get(opt.lang),
                        csv_number(x.old_level ? x.old_level->to_exact_string() : ""),
                        csv_number(x.new_level ? x.new_level->to_exact_string() : ""),
                        csv_number(x.old_level && x.new_level ? signed_exact(*x.new_level - *x.old_level) : ""), "", "",
                        "", status_name(x.status), "", ""});
    for (const auto& e : d.evidence)
        out += csv_row({"evidence", e.indicator, e.item.title, "", "", "", "", "", "", kind_name(e.kind), e.item.file,
                        e.item.valid_until ? e.item.valid_until->to_string() : ""});
    return out;
}

std::string render_diff_markdown(const DiffInput& in, const AgencyDiff& d, const ReportOptions& opt) {
    const Pack& pack = *in.new_result->pack;
    const Labels& L = labels(opt.lang);
    const DiffLabels& D = dl(opt.lang);
    int prec = pack.precision;
    std::string out = fmt::format("## {}\n\n", markdown_escape(heading(in)));
    if (d.mapped) out += markdown_escape(cross_pack_line(in, d, opt.lang)) + "\n\n";
    std::string change = index_change(in, d, opt.lang, d.new_index.to_fixed(prec));
    out += fmt::format("**{} ({}) — {}**\n", markdown_escape(change), signed_delta(d.index_delta(), prec),
                       markdown_escape(predicate_text(d, opt.lang)));
    if (index_only(d))
        return out + "\n" + markdown_escape(index_only_line(in, opt.lang)) + "\n" + diff_footer(in, opt.lang, true);
    for (const GroupDelta* head : tier_heads(d)) {
        out += fmt::format("\n| {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|\n",
                           markdown_escape(head->tier_name.get(opt.lang)), L.weight, D.old_col, D.new_col, D.change);
        for (const auto& g : d.groups)
            if (g.tier_id == head->tier_id)
                out += fmt::format("| {} | {} % | {} | {} | {} |\n", markdown_escape(group_label(g, opt.lang)),
                                   format_weight(g.weight), opt_value(g.old_value, prec), opt_value(g.new_value, prec),
                                   group_delta_text(g, prec));
    }
    out += "\n" + counts_line(d, opt.lang) + "\n";
    bool any = false;
    for (const auto& x : d.indicators) {
        if (!listed_in_text(x)) continue;
        if (!any)
            out += fmt::format("\n| {} | | {} | {} | {} | |\n|---:|---|---:|---:|---:|---|\n", L.indicator, D.old_col,
                               D.new_col, D.change);
        any = true;
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_escape(indicator_label(x)),
                           markdown_escape(x.name.get(opt.lang)), opt_level(x.old_level), opt_level(x.new_level),
                           level_delta(x), status_label(x.status, opt.lang));
    }
    if (d.evidence.empty()) out += std::string("\n") + D.no_evidence_change + "\n";
    for (auto kind : {EvidenceDelta::added, EvidenceDelta::removed, EvidenceDelta::expired}) {
        if (!d.count(kind)) continue;
        out += fmt::format("\n### {} ({})\n\n", evidence_title(kind, in, opt.lang), d.count(kind));
        for (const auto& e : d.evidence)
            if (e.kind == kind) {
                out += fmt::format("- {} {}: {}", L.indicator, e.indicator, markdown_escape(item_text(e.item)));
                if (kind == EvidenceDelta::expired)
                    out += fmt::format(" — {} {}", D.valid_until, e.item.valid_until->to_string());
                out += "\n";
            }
    }
    return out + diff_footer(in, opt.lang, true);
}

} // namespace spbe
