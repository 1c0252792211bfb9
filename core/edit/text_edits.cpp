#include "core/edit/text_edits.h"

#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::edit {

bool has_active_text_edits(const std::vector<TextEdit>& edits) {
  for (const TextEdit& e : edits)
    if (e.direction && e.alpha != 0) return true;
  return false;
}

TextEditedCode apply_text_edits(const nn::StyleGan2& generator, const torch::Tensor& wplus,
                                const std::vector<TextEdit>& edits) {
  TextEditedCode code;
  code.wplus = wplus;
  bool anyStyle = false;
  for (const TextEdit& e : edits) {
    if (!e.direction || e.alpha == 0) continue;
    if (e.direction->kind == TextDirectionKind::Latent)
      code.wplus = apply_latent_direction(*e.direction, code.wplus, e.alpha);
    else
      anyStyle = true;
  }
  if (!anyStyle) return code;
  // Styles come from the latent-edited W+, so both kinds compose.
  code.styles = generator.styles(code.wplus);
  for (const TextEdit& e : edits)
    if (e.direction && e.alpha != 0 && e.direction->kind == TextDirectionKind::Style)
      code.styles = apply_style_direction(*e.direction, code.styles, e.alpha);
  return code;
}

torch::Tensor synthesise_text_edited(const nn::StyleGan2& generator, const TextEditedCode& code,
                                     const nn::SynthesisOptions& options) {
  if (code.styles.empty()) return generator.synthesis(code.wplus, options);
  return generator.synthesis_from_styles(code.styles, options);
}

TextEditedCode stack_text_edited(const nn::StyleGan2& generator, const std::vector<TextEditedCode>& codes) {
  if (codes.empty()) throw Error("no codes to stack");
  TextEditedCode out;
  std::vector<torch::Tensor> ws;
  bool anyStyle = false;
  for (const auto& c : codes) {
    ws.push_back(c.wplus);
    anyStyle = anyStyle || !c.styles.empty();
  }
  out.wplus = torch::cat(ws, 0);
  if (!anyStyle) return out;
  std::vector<std::vector<torch::Tensor>> per(codes.size());
  for (size_t i = 0; i < codes.size(); ++i) per[i] = codes[i].styles.empty() ? generator.styles(codes[i].wplus) : codes[i].styles;
  for (size_t layer = 0; layer < per[0].size(); ++layer) {
    std::vector<torch::Tensor> parts;
    for (const auto& p : per) parts.push_back(p[layer]);
    out.styles.push_back(torch::cat(parts, 0));
  }
  return out;
}

}  // namespace facet::edit
