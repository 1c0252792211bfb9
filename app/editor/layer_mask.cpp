#include "app/editor/layer_mask.h"

#include <algorithm>

#include "core/edit/edit_stack.h"

namespace facet::app {

namespace {
std::vector<bool> range(int64_t first, int64_t last, int64_t n_latent) {
  std::vector<bool> mask(static_cast<size_t>(std::max<int64_t>(0, n_latent)), false);
  for (int64_t i = first; i <= last && i < n_latent; ++i) mask[static_cast<size_t>(i)] = true;
  return mask;
}
}  // namespace

std::vector<bool> layerPresetMask(LayerPreset preset, int64_t n_latent) {
  switch (preset) {
    case LayerPreset::Coarse: return range(0, 3, n_latent);
    case LayerPreset::Middle: return range(4, 7, n_latent);
    case LayerPreset::Fine: return range(8, n_latent - 1, n_latent);
    case LayerPreset::All: return range(0, n_latent - 1, n_latent);
    case LayerPreset::Default:
    case LayerPreset::Custom: break;
  }
  return edit::default_layers(n_latent);
}

std::vector<bool> resolvedLayers(const std::vector<bool>& mask, int64_t n_latent) {
  return mask.empty() ? edit::default_layers(n_latent) : mask;
}

LayerPreset layerPresetOf(const std::vector<bool>& mask, int64_t n_latent) {
  const std::vector<bool> m = resolvedLayers(mask, n_latent);
  for (LayerPreset p : {LayerPreset::Default, LayerPreset::Coarse, LayerPreset::Middle, LayerPreset::Fine,
                        LayerPreset::All})
    if (layerPresetMask(p, n_latent) == m) return p;
  return LayerPreset::Custom;
}

std::string describeLayers(const std::vector<bool>& mask) {
  std::string out;
  const int n = static_cast<int>(mask.size());
  for (int i = 0; i < n; ++i) {
    if (!mask[static_cast<size_t>(i)]) continue;
    int j = i;
    while (j + 1 < n && mask[static_cast<size_t>(j + 1)]) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(i);
    if (j > i) out += "\u2013" + std::to_string(j);
    i = j;
  }
  return out.empty() ? "none" : out;
}

}  // namespace facet::app
