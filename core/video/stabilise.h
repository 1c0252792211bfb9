#pragma once
// Landmark stabilisation for video editing (the authors' pipeline, METHOD.md), as pure functions on sequences:
//  1. Lucas–Kanade optical flow carries the previous frame's landmarks into the current frame; each point is the
//     blend w·flow + (1 − w)·detection with w = exp(−d²/σ), σ = 100, d = distance (pixels) between the detection
//     and the previous frame's landmark — small motion trusts the (smooth) flow, large motion the detector.
//  2. A temporal Gaussian filter over each coordinate: σ ≈ 3 frames on landmarks, ≈ 6 on the crop quads.
//     Sequence ends are mirrored (scipy's gaussian_filter1d 'reflect'); the kernel is cut at 4σ.
//  3. The jitter figure: mean frame-to-frame displacement of the landmarks in the aligned crop (size², 1024 by
//     default), i.e. after mapping each frame's landmarks through that frame's quad → square transform. A perfectly
//     stable alignment of a rigid face gives 0 whatever the head's motion in the video.
#include <array>
#include <functional>
#include <vector>

#include <opencv2/core.hpp>

namespace facet::video {

using Points = std::vector<cv::Point2f>;
using Quad = std::array<cv::Point2f, 4>;  // FFHQ order: top-left, bottom-left, bottom-right, top-right
using QuadFn = std::function<Quad(const Points& landmarks68)>;

constexpr double kFlowSigma = 100.0;
constexpr double kLandmarkSigma = 3.0;
constexpr double kQuadSigma = 6.0;

// LK (pyramidal) flow of `points` from prev to next (8-bit grey or BGR frames). ok[i] = 0 where tracking failed.
struct TrackedPoints {
  Points points;
  std::vector<unsigned char> ok;
};
TrackedPoints track_lk(const cv::Mat& prev, const cv::Mat& next, const Points& points);

// Per point: w·tracked + (1 − w)·detected, w = exp(−|detected − previous|² / sigma); failed tracks use detected.
Points blend_flow(const Points& detected, const TrackedPoints& tracked, const Points& previous,
                  double sigma = kFlowSigma);

// Temporal Gaussian filter of a sequence of equally sized point sets. sigma ≤ 0 returns the input.
std::vector<Points> gaussian_filter(const std::vector<Points>& sequence, double sigma);
std::vector<Quad> gaussian_filter(const std::vector<Quad>& quads, double sigma);

// The perspective transform taking `quad` to the aligned square [0, size]² and points mapped through it.
cv::Matx33d quad_to_aligned(const Quad& quad, int size = 1024);
Points to_aligned(const Points& points, const Quad& quad, int size = 1024);

// Mean |a_t − a_{t−1}| over consecutive frame pairs where both frames are present (present[t]; empty = all) and
// over points, in aligned-crop pixels. 0 when fewer than two consecutive frames exist.
double aligned_jitter(const std::vector<Points>& landmarks, const std::vector<Quad>& quads,
                      const std::vector<bool>& present = {}, int size = 1024);

}  // namespace facet::video
