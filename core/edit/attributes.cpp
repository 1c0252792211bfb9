#include "core/edit/attributes.h"

#include <algorithm>
#include <cctype>

#include "core/io/error.h"

namespace facet::edit {
namespace {

std::string folded(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '_' && c != ' ' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<Attribute> make_catalogue() {
  using G = AttributeGroup;
  const std::vector<std::tuple<const char*, const char*, G>> rows = {
      {"5_o_Clock_Shadow", "Stubble", G::Hair},          {"Arched_Eyebrows", "Arched eyebrows", G::Face},
      {"Attractive", "Attractive", G::Other},            {"Bags_Under_Eyes", "Bags under eyes", G::Face},
      {"Bald", "Bald", G::Hair},                         {"Bangs", "Bangs", G::Hair},
      {"Big_Lips", "Big lips", G::Face},                 {"Big_Nose", "Big nose", G::Face},
      {"Black_Hair", "Black hair", G::Hair},             {"Blond_Hair", "Blond hair", G::Hair},
      {"Blurry", "Blurry", G::Other},                    {"Brown_Hair", "Brown hair", G::Hair},
      {"Bushy_Eyebrows", "Bushy eyebrows", G::Face},     {"Chubby", "Chubby", G::Face},
      {"Double_Chin", "Double chin", G::Face},           {"Eyeglasses", "Eyeglasses", G::Accessories},
      {"Goatee", "Goatee", G::Hair},                     {"Gray_Hair", "Grey hair", G::Hair},
      {"Heavy_Makeup", "Heavy make-up", G::Accessories}, {"High_Cheekbones", "High cheekbones", G::Face},
      {"Male", "Male", G::AgeGender},                    {"Mouth_Slightly_Open", "Mouth open", G::Expression},
      {"Mustache", "Moustache", G::Hair},                {"Narrow_Eyes", "Narrow eyes", G::Face},
      {"No_Beard", "No beard", G::Hair},                 {"Oval_Face", "Oval face", G::Face},
      {"Pale_Skin", "Pale skin", G::Face},               {"Pointy_Nose", "Pointy nose", G::Face},
      {"Receding_Hairline", "Receding hairline", G::Hair}, {"Rosy_Cheeks", "Rosy cheeks", G::Face},
      {"Sideburns", "Sideburns", G::Hair},               {"Smiling", "Smiling", G::Expression},
      {"Straight_Hair", "Straight hair", G::Hair},       {"Wavy_Hair", "Wavy hair", G::Hair},
      {"Wearing_Earrings", "Earrings", G::Accessories},  {"Wearing_Hat", "Hat", G::Accessories},
      {"Wearing_Lipstick", "Lipstick", G::Accessories},  {"Wearing_Necklace", "Necklace", G::Accessories},
      {"Wearing_Necktie", "Necktie", G::Accessories},    {"Young", "Young", G::AgeGender}};
  std::vector<Attribute> out;
  for (const auto& [id, name, group] : rows) out.push_back({static_cast<int>(out.size()), id, name, group});
  return out;
}

}  // namespace

const std::vector<Attribute>& celeba_attributes() {
  static const std::vector<Attribute> catalogue = make_catalogue();
  return catalogue;
}

std::optional<Attribute> find_attribute(const std::string& name) {
  const auto& all = celeba_attributes();
  if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (name.size() > 3) return std::nullopt;
    const int i = std::stoi(name);
    return i < static_cast<int>(all.size()) ? std::optional<Attribute>(all[i]) : std::nullopt;
  }
  const std::string key = folded(name);
  for (const auto& a : all)
    if (folded(a.id) == key || folded(a.display_name) == key) return a;
  return std::nullopt;
}

const Attribute& require_attribute(const std::string& name) {
  if (auto a = find_attribute(name)) return celeba_attributes()[a->index];
  std::string hint;
  const std::string key = folded(name);
  for (const auto& a : celeba_attributes())
    if (!key.empty() && folded(a.id).find(key.substr(0, 3)) != std::string::npos) hint += (hint.empty() ? "" : ", ") + a.id;
  throw Error("unknown attribute '" + name + "'" + (hint.empty() ? "" : "; did you mean " + hint + "?") +
              " (facet-cli classify --help lists them)");
}

std::string group_name(AttributeGroup group) {
  switch (group) {
    case AttributeGroup::Hair: return "Hair";
    case AttributeGroup::Face: return "Face";
    case AttributeGroup::Expression: return "Expression";
    case AttributeGroup::Accessories: return "Accessories";
    case AttributeGroup::AgeGender: return "Age and gender";
    case AttributeGroup::Other: return "Other";
  }
  return "Other";
}

}  // namespace facet::edit
