#!/usr/bin/env python3
"""Writes mapper_release_layout.pt: a StyleCLIP latent-mapper checkpoint in the release's layout
({"state_dict": {"mapper.*", "decoder.*"}, "opts": {...}}, as mapper/training/coach.py saves it) with a small
style dimension (16) and no fine mapper, plus mapper_input.npy / mapper_output.npy: W+ codes and the mapper's
output M(w) computed with the release's maths (PixelNorm over dim 1 of each [N, layers, C] group, EqualLinear with
lr_mul 0.01 and a fused leaky ReLU (slope 0.2, gain √2) whose bias is added on the last dim of 3-D inputs).

Run with Debian's python3-torch:  /usr/bin/python3 tests/data/clip/make_mapper_reference.py
"""
import math
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DIM, LAYERS, LR_MUL = 16, 10, 0.01


def equal_linear_lrelu(x, weight, bias):
    out = torch.nn.functional.linear(x, weight * (LR_MUL / math.sqrt(DIM)))
    return torch.nn.functional.leaky_relu(out + bias * LR_MUL, 0.2) * math.sqrt(2)


def group(x, params, name):
    if name is None:
        return torch.zeros_like(x)
    x = x * torch.rsqrt(torch.mean(x ** 2, dim=1, keepdim=True) + 1e-8)
    for i in range(1, 5):
        x = equal_linear_lrelu(x, params[f"{name}.mapping.{i}.weight"], params[f"{name}.mapping.{i}.bias"])
    return x


def main():
    torch.manual_seed(5)
    params = {}
    for name in ("course_mapping", "medium_mapping"):
        for i in range(1, 5):
            params[f"{name}.mapping.{i}.weight"] = torch.randn(DIM, DIM) / LR_MUL
            params[f"{name}.mapping.{i}.bias"] = torch.randn(DIM)  # trained biases are not zero
    state = {"mapper." + k: v for k, v in params.items()}
    state["decoder.input.input"] = torch.randn(1, 4, 4, 4)  # the release stores its generator too
    torch.save({"state_dict": state, "opts": {"description": "purple hair", "no_fine_mapper": True,
                                              "mapper_type": "LevelsMapper"}},
               os.path.join(HERE, "mapper_release_layout.pt"))
    w = torch.randn(2, LAYERS, DIM)
    out = torch.cat([group(w[:, :4], params, "course_mapping"), group(w[:, 4:8], params, "medium_mapping"),
                     group(w[:, 8:], params, None)], dim=1)
    np.save(os.path.join(HERE, "mapper_input.npy"), w.numpy())
    np.save(os.path.join(HERE, "mapper_output.npy"), out.numpy())


if __name__ == "__main__":
    main()
