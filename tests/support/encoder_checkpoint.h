#pragma once
// A pSp / e4e encoder checkpoint with random weights, in the layout of psp_ffhq_encode.pt / e4e_ffhq_encode.pt
// ({"state_dict": {"encoder.*": …}, "latent_avg": [D], "opts": {…}}), sized for any generator: n_styles W+
// layers of style_dim values. There is no small released encoder, so tests that run the photo → encoder → W+ path
// end to end (editor, edit-video) write one of these into a scratch folder. The IR-SE50 trunk is full size
// (~175 MB of float32); only the style blocks shrink with style_dim. No GoogleTest here: QtTest binaries link it.
#include <cstdint>
#include <string>

#include <torch/types.h>

#include "core/nn/encoders/psp_encoder.h"

namespace facet::test {

struct EncoderCheckpointSpec {
  int64_t n_styles = 10;    // the generator's n_latent (10 for the 64² fixture generator)
  int64_t style_dim = 128;  // the generator's style size (128 for the fixture)
  nn::EncoderKind kind = nn::EncoderKind::Psp;
  // Added to every code by the encoder (opts.start_from_latent_avg); [style_dim]. Undefined: zeros. Passing the
  // generator's latent_avg() keeps the codes near the generator's average face.
  torch::Tensor latent_avg;
  // Multiplies the style blocks' final linear weights (N(0, 1) before scaling): small values keep the codes close
  // to latent_avg, so the generator renders a plausible face; 0 makes every code equal latent_avg.
  double style_scale = 0.5;
  uint64_t seed = 1;
};

// Writes the checkpoint to `path` (atomically, with the project's torch.save writer); PspEncoder::load reads it.
void write_encoder_checkpoint(const std::string& path, const EncoderCheckpointSpec& spec = {});

}  // namespace facet::test
