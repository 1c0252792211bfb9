#pragma once
// Shared by the face tests: the bundled sample photo, one FaceFinder per process (loading the 68-point model
// takes a second), and image error measures.
#include <string>

#include <opencv2/core.hpp>

#include "core/face/face_finder.h"

namespace facet::test {

std::string astronaut_path();                 // resources/astronaut.png
const cv::Mat& astronaut();                   // read once, 512² BGR
const face::FaceFinder& shared_finder();      // created once
const face::Face& astronaut_face();           // the one face found in the astronaut

// Mean absolute difference in 8-bit levels over pixels where mask != 0 (all pixels when mask is empty).
double mean_abs_error(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask = cv::Mat());

}  // namespace facet::test
