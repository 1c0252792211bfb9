#!/usr/bin/env python3
"""Writes fixture_sums.json: for every checkpoint in ../shared/fixtures, each tensor's dotted name, dtype,
shape and float64 sum as PyTorch's own torch.load sees them. Run with Debian's /usr/bin/python3 (python3-torch):
  /usr/bin/python3 tests/data/io/make_fixture_sums.py ../shared/fixtures > tests/data/io/fixture_sums.json"""
import json, os, sys
import torch

def walk(value, prefix, out):
    if isinstance(value, torch.Tensor):
        out.append({"name": prefix, "dtype": str(value.dtype).replace("torch.", ""), "shape": list(value.shape),
                    "sum": float(value.double().sum())})
    elif isinstance(value, dict):
        for k, v in value.items():
            walk(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            walk(v, f"{prefix}.{i}" if prefix else str(i), out)

root = sys.argv[1]
result = {}
for sub in sorted(os.listdir(root)):
    folder = os.path.join(root, sub)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        if name.endswith((".pt", ".pth", ".tar")):
            tensors = []
            walk(torch.load(os.path.join(folder, name), map_location="cpu"), "", tensors)
            result[f"{sub}/{name}"] = tensors
json.dump(result, sys.stdout, indent=1)
