#pragma once
// Which W+ layers an edit touches: the presets the layer control offers and how a mask is named. The Latent
// Transformer paper edits layers 0–10 (coarse and middle styles) and keeps the fine ones; coarse / middle / fine
// follow StyleGAN's split (0–3 pose and shape, 4–7 features, 8+ colour and texture). Masks are std::vector<bool>
// of n_latent entries, as edit::EditState::edited_layers takes them; an empty mask means the default (0–10).
#include <cstdint>
#include <string>
#include <vector>

namespace facet::app {

enum class LayerPreset { Default, Coarse, Middle, Fine, All, Custom };

// The mask of a preset for a generator with n_latent layers (clipped to it; Custom gives the default).
std::vector<bool> layerPresetMask(LayerPreset preset, int64_t n_latent);
// The preset a mask equals (an empty mask is Default), else Custom.
LayerPreset layerPresetOf(const std::vector<bool>& mask, int64_t n_latent);
// "0–10", "0–3, 8", "none": the edited layers as ranges (for tooltips and the status bar).
std::string describeLayers(const std::vector<bool>& mask);
// The explicit mask: an empty mask becomes the default for n_latent.
std::vector<bool> resolvedLayers(const std::vector<bool>& mask, int64_t n_latent);

}  // namespace facet::app
