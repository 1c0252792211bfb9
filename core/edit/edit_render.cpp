#include "core/edit/edit_render.h"

namespace facet::edit {

EditState attribute_edits(const std::vector<float>& alphas, const Editor& editor,
                          const std::vector<bool>& edited_layers) {
  EditState state;
  state.edited_layers = edited_layers;
  for (size_t k = 0; k < alphas.size(); ++k)
    if (alphas[k] != 0.f && editor.method_for(static_cast<int>(k)) != EditMethod::None)
      state.edits.push_back({static_cast<int>(k), static_cast<double>(alphas[k])});
  return state;
}

TextEditedCode edit_code(const nn::StyleGan2& generator, const Editor& editor, const torch::Tensor& wplus,
                         const EditState& state, const std::vector<TextEdit>& text, const TwoFaces& two_faces) {
  const torch::Tensor face = apply_two_faces(wplus, two_faces);
  const torch::Tensor edited = state.edits.empty() ? face : editor.apply(face, state);
  return apply_text_edits(generator, edited, text);
}

torch::Tensor render_edit(const nn::StyleGan2& generator, const Editor& editor, const torch::Tensor& wplus,
                          const EditState& state, const std::vector<TextEdit>& text,
                          const nn::SynthesisOptions& synthesis, const TwoFaces& two_faces) {
  return synthesise_text_edited(generator, edit_code(generator, editor, wplus, state, text, two_faces), synthesis);
}

}  // namespace facet::edit
