// Removal of text-only keys from rubric pack YAML at the node level, re-emitted in block style with
// yaml-cpp's emitter, so that a scoring run parses a few KB of structure instead of hundreds of KB of guidance.
#include "loader/pack_strip.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace spbe {

namespace {

// Every map listed under an "indicators" key is an indicator (the innermost tier's child key);
// the walk does not need the manifest's tiers to find them.
void strip_groups(YAML::Node node) {
    if (node.IsSequence()) {
        for (auto child : node) strip_groups(child);
        return;
    }
    if (!node.IsMap()) return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        YAML::Node value = it->second;
        if (it->first.Scalar() == "indicators" && value.IsSequence()) {
            for (auto ind : value)
                if (ind.IsMap())
                    for (const char* key : kIndicatorTextKeys) ind.remove(key);
        } else if (value.IsSequence()) {
            strip_groups(value);
        }
    }
}

void strip_manifest(YAML::Node root) {
    root.remove("provenance");
    YAML::Node scales = root["scales"];
    if (!scales.IsMap()) return;
    for (auto it = scales.begin(); it != scales.end(); ++it) {
        YAML::Node levels = it->second["levels"];
        if (!levels.IsSequence()) continue;
        for (auto level : levels)
            if (level.IsMap()) level.remove("criteria");
    }
}

// Block style throughout, so that a scoring run reads the copy with the fast block-YAML reader
// (yaml_block.cpp) instead of yaml-cpp: most of a one-file run's start-up.
void use_block_style(YAML::Node node) {
    if (node.IsMap()) {
        node.SetStyle(YAML::EmitterStyle::Block);
        for (auto it = node.begin(); it != node.end(); ++it) use_block_style(it->second);
    } else if (node.IsSequence()) {
        node.SetStyle(YAML::EmitterStyle::Block);
        for (auto child : node) use_block_style(child);
    }
}

} // namespace

std::optional<std::string> strip_pack_file(const std::string& text, bool is_manifest) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
    if (!root.IsMap()) return std::nullopt;
    if (is_manifest) strip_manifest(root);
    else strip_groups(root);
    use_block_style(root);
    YAML::Emitter out;
    out << root;
    if (!out.good()) return std::nullopt;
    return std::string(out.c_str()) + "\n";
}

std::string pack_structure(const Pack& pack) {
    auto text = [](const LocalText& t) { return fmt::format("{}|{}", t.id, t.en); };
    std::string out =
        fmt::format("pack {} title={} index={} regulation={} date={} evidence={} total={} precision={} rounding={}\n",
                    pack.id, text(pack.title), text(pack.index_name), pack.source.regulation, pack.source.date,
                    pack.source.evidence, pack.total_weight.to_exact_string(), pack.precision, pack.rounding);
    for (const auto& t : pack.tiers) out += fmt::format("tier {} {} {}\n", t.id, t.plural, text(t.name));
    for (const auto& s : pack.scales) {
        out += fmt::format("scale {} {} decimals={}\n", s.id, text(s.name), s.decimals);
        for (const auto& l : s.levels) out += fmt::format("  level {} {}\n", l.value, text(l.name));
    }
    out += fmt::format("default_scale {} status={}\n", pack.default_scale, pack.source.status);
    for (const auto& p : pack.predicates)
        out += fmt::format("predicate {} {}\n", p.min.to_exact_string(), text(p.name));
    for (const auto& f : pack.files) out += fmt::format("file {}\n", f);
    for (const auto& g : pack.groups) {
        out += fmt::format("group {} number={} {} weight={} tier={} parent={} file={} children=", g.id,
                           g.number ? std::to_string(*g.number) : "-", text(g.name), g.weight.to_exact_string(), g.tier,
                           g.parent, g.file);
        for (int c : g.children) out += fmt::format("{},", c);
        out += " indicators=";
        for (int i : g.indicators) out += fmt::format("{},", i);
        out += "\n";
    }
    for (const auto& ind : pack.indicators)
        out += fmt::format("indicator {} {} weight={} scale={} group={} file={}\n", ind.id, text(ind.name),
                           ind.weight.to_exact_string(), ind.scale, ind.group, ind.file);
    for (const auto& ind : pack.indicators) {
        if (!ind.external) continue;
        const ExternalIndex& x = *ind.external;
        out += fmt::format("external {} {} {} range={}..{} conversion={} {}+{}x {} optional={} bands=", ind.id, x.index,
                           x.agency, x.range_min.to_exact_string(), x.range_max.to_exact_string(), x.has_conversion,
                           x.offset.to_exact_string(), x.factor.to_exact_string(), x.grade, x.optional);
        for (const auto& b : x.bands) out += b.to_exact_string() + ",";
        out += "\n";
    }
    return out;
}

} // namespace spbe
