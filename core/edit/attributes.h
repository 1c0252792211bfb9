#pragma once
// The 40 CelebA attributes in the order of the Latent Transformer's classifier (and CelebA's list_attr_celeba).
#include <optional>
#include <string>
#include <vector>

namespace facet::edit {

enum class AttributeGroup { Hair, Face, Expression, Accessories, AgeGender, Other };

struct Attribute {
  int index;                 // 0–39, the classifier's output index
  std::string id;            // CelebA name, e.g. "Eyeglasses"
  std::string display_name;  // English; the GUI translates it
  AttributeGroup group;
};

const std::vector<Attribute>& celeba_attributes();
// By index ("15"), CelebA id, or display name; case-insensitive, '_' ' ' '-' ignored. nullopt when unknown.
std::optional<Attribute> find_attribute(const std::string& name_or_index);
// As find_attribute, but throws facet::Error listing a few close names.
const Attribute& require_attribute(const std::string& name_or_index);
std::string group_name(AttributeGroup group);

}  // namespace facet::edit
