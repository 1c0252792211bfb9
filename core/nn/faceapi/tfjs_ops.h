#pragma once
// TensorFlow.js operations as face-api.js uses them, on NCHW float tensors: 'same' padding is tfjs's (the odd
// pixel of padding goes bottom/right, unlike PyTorch's symmetric padding), pooling windows, the legacy
// bilinear resize (no half-pixel centres) and face-api's input preparation.
#include <torch/types.h>

namespace facet::nn::faceapi {

// Conv filters from tfjs layout to PyTorch's: [kh, kw, in, out] → [out, in, kh, kw].
torch::Tensor conv_filter_to_torch(const torch::Tensor& tfjs_filter);
// Depthwise filters: [kh, kw, in, 1] → [in, 1, kh, kw].
torch::Tensor depthwise_filter_to_torch(const torch::Tensor& tfjs_filter);

// tf.conv2d(x, filter, stride, 'same' | 'valid') + bias (filter already in PyTorch layout).
torch::Tensor conv2d_tfjs(const torch::Tensor& x, const torch::Tensor& filter, const torch::Tensor& bias,
                          int64_t stride, bool same_padding);
// tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias.
torch::Tensor separable_conv2d_tfjs(const torch::Tensor& x, const torch::Tensor& depthwise,
                                    const torch::Tensor& pointwise, const torch::Tensor& bias, int64_t stride);
// tf.maxPool(x, k, stride, 'same' | 'valid'); 'same' pads with −∞ so padding never wins.
torch::Tensor max_pool_tfjs(const torch::Tensor& x, int64_t kernel, int64_t stride, bool same_padding);

// face-api's NetInput.toBatchTensor(size, true) + normalize(meanRgb) / 255 for one RGB image:
// image is a uint8 (or float 0–255) tensor [H, W, 3]; it is padded with black to a square (centred, the
// extra pixel after), resized with tfjs's legacy bilinear resize when not already size×size, and returned
// as float [1, 3, size, size].
torch::Tensor prepare_face_input(const torch::Tensor& image_hwc, int64_t size);

// tf.image.resizeBilinear(x, [h, w], alignCorners=false, halfPixelCenters=false) on [C, H, W].
torch::Tensor resize_bilinear_tfjs(const torch::Tensor& chw, int64_t out_h, int64_t out_w);

}  // namespace facet::nn::faceapi
