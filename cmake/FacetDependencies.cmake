# Third-party packages. Debian 12 names in facet.sh; a CUDA LibTorch comes in through CMAKE_PREFIX_PATH.

find_package(Torch REQUIRED)
find_package(Threads REQUIRED)

# TORCH_CXX_FLAGS carries the C++ ABI LibTorch was built with (pip's torch chooses its own). Every C++ library
# Facet links must share it; Debian's are built with the C++11 ABI.
if(TORCH_CXX_FLAGS MATCHES "_GLIBCXX_USE_CXX11_ABI=0")
  if(FACET_BUILD_GUI OR FACET_WITH_VISION)
    message(FATAL_ERROR "This LibTorch (${Torch_DIR}) uses the pre-C++11 ABI (-D_GLIBCXX_USE_CXX11_ABI=0), which "
      "Debian's Qt, OpenCV and dlib cannot link with. Use a C++11-ABI LibTorch (pytorch.org's 'cxx11 ABI' "
      "download, or a recent pip torch), or build the LibTorch-only core: ./facet.sh build-core --cuda PATH")
  endif()
  if(NOT FACET_BUNDLED_DEPS)
    message(FATAL_ERROR "This LibTorch (${Torch_DIR}) uses the pre-C++11 ABI (-D_GLIBCXX_USE_CXX11_ABI=0); "
      "Debian's compiled spdlog cannot link with it. Make the header-only bundle (scripts/gpu_bundle.sh) and "
      "configure with -DFACET_BUNDLED_DEPS=<that folder> (./facet.sh build-core does)")
  endif()
endif()

# spdlog, nlohmann-json and CLI11 are header-only or small; all three are Debian packages. A machine without them
# (a GPU machine with pip's torch, a compiler and cmake, and no network) builds the LibTorch-only core from
# FACET_BUNDLED_DEPS: a folder that scripts/gpu_bundle.sh fills from this machine's Debian packages with their
# headers (spdlog and fmt used header-only) and GoogleTest's sources.
set(FACET_BUNDLED_DEPS "" CACHE PATH "Folder made by scripts/gpu_bundle.sh, used for what find_package misses")
if(FACET_BUNDLED_DEPS)
  include(FacetBundledDeps)
else()
  find_package(spdlog REQUIRED)
  find_package(nlohmann_json 3 REQUIRED)
  find_package(CLI11 REQUIRED)
endif()

if(FACET_WITH_VISION)
  find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs videoio video photo)
  find_package(dlib REQUIRED)
endif()

if(FACET_BUILD_GUI)
  find_package(Qt6 REQUIRED COMPONENTS Widgets Charts LinguistTools)
  if(FACET_BUILD_TESTS)
    find_package(Qt6 REQUIRED COMPONENTS Test)
  endif()
endif()

# One interface target that carries LibTorch for every core library. TORCH_CXX_FLAGS carries the ABI flag.
add_library(facet_torch INTERFACE)
target_link_libraries(facet_torch INTERFACE ${TORCH_LIBRARIES})
if(TARGET torch_cuda)
  # Nothing calls into libtorch_cuda directly: a linker with --as-needed (Ubuntu's default) would drop it, and
  # LibTorch would then report no CUDA at run time.
  target_link_libraries(facet_torch INTERFACE "-Wl,--no-as-needed,$<TARGET_FILE:torch_cuda>" -Wl,--as-needed)
endif()
separate_arguments(_facet_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
target_compile_options(facet_torch INTERFACE ${_facet_torch_flags})

# The shared precompiled header: every core target reuses it, so <torch/torch.h> is parsed once per build.
# Off: every file parses LibTorch's headers itself, slower alone but cacheable by ccache across checkouts.
option(FACET_USE_PCH "Share one precompiled header for LibTorch" ON)
add_library(facet_pch STATIC ${CMAKE_CURRENT_LIST_DIR}/pch_anchor.cpp)
target_link_libraries(facet_pch PUBLIC facet_torch)
facet_warnings(facet_pch)
if(FACET_USE_PCH)
  target_precompile_headers(facet_pch PUBLIC <torch/torch.h> <vector> <string> <memory> <map> <stdexcept>)
endif()

# Executables compile with -fPIE and libraries with -fPIC; GCC refuses a PCH made with the other one,
# so executables reuse a twin PCH built by a tiny executable.
add_executable(facet_pch_exe ${CMAKE_CURRENT_LIST_DIR}/pch_anchor_main.cpp)
target_link_libraries(facet_pch_exe PRIVATE facet_torch)
facet_warnings(facet_pch_exe)
if(FACET_USE_PCH)
  target_precompile_headers(facet_pch_exe PRIVATE <torch/torch.h> <vector> <string> <memory> <map> <stdexcept>)
endif()

function(facet_use_pch target)
  if(NOT FACET_USE_PCH)
    # The same headers as plain forced includes, so both settings compile the same code.
    foreach(header torch/torch.h vector string memory map stdexcept)
      target_compile_options(${target} PRIVATE "SHELL:-include ${header}")
    endforeach()
    return()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_precompile_headers(${target} REUSE_FROM facet_pch_exe)
  else()
    target_precompile_headers(${target} REUSE_FROM facet_pch)
  endif()
endfunction()
