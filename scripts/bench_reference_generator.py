#!/usr/bin/env python3
"""Times the reference StyleGAN2 (rosinality/stylegan2-pytorch model.py, its CPU code paths) on this machine, and
optionally writes the same random weights as a checkpoint Facet loads, so both run on identical models.

  /usr/bin/python3 scripts/bench_reference_generator.py --reference DIR [--size 1024] [--repeat 2] [--threads T]
      [--save-checkpoint G.pt --save-wplus W.npy]
  /usr/bin/python3 scripts/bench_reference_generator.py --reference DIR --render G.pt --wplus W.npy --out OUT.png
      [--threads T]: the reference's counterpart of `facet-cli render` (load the checkpoint, render once, write the
      image), for timing the whole process against Facet's.

DIR is a checkout of rosinality/stylegan2-pytorch (model.py and op/). Its op/ compiles CUDA extensions at import;
this script replaces that loader with a no-op so the reference's own pure-PyTorch CPU fallbacks run. Nothing of
the reference is copied into Facet. Prints one JSON line with the median ms per image."""
import argparse
import json
import sys
import time

import numpy as np
import torch
import torch.utils.cpp_extension

parser = argparse.ArgumentParser()
parser.add_argument("--reference", required=True)
parser.add_argument("--size", type=int, default=1024)
parser.add_argument("--repeat", type=int, default=2)
parser.add_argument("--threads", type=int, default=0, help="torch threads (0: PyTorch's default)")
parser.add_argument("--save-checkpoint")
parser.add_argument("--save-wplus")
parser.add_argument("--render", help="checkpoint to load and render once (whole-process timing)")
parser.add_argument("--wplus")
parser.add_argument("--out")
args = parser.parse_args()

torch.utils.cpp_extension.load = lambda *a, **k: None  # CPU fallbacks only
if args.threads:
    torch.set_num_threads(args.threads)
sys.path.insert(0, args.reference)
from model import Generator  # noqa: E402

if args.render:
    checkpoint = torch.load(args.render, map_location="cpu")
    blocks = sum(1 for k in checkpoint["g_ema"] if k.split(".")[0] == "to_rgbs" and k.split(".")[2:] == ["bias"])
    size = 4 * 2 ** blocks
    g = Generator(size, 512, 8, channel_multiplier=2).eval()
    g.load_state_dict(checkpoint["g_ema"])
    with torch.no_grad():
        image, _ = g([torch.from_numpy(np.load(args.wplus))], input_is_latent=True, randomize_noise=False)
    pixels = ((image[0].clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(1, 2, 0).numpy()
    try:
        from PIL import Image
        Image.fromarray(pixels).save(args.out)
    except ImportError:
        np.save(args.out + ".npy", pixels)
    sys.exit(0)

torch.manual_seed(0)
g = Generator(args.size, 512, 8, channel_multiplier=2).eval()
with torch.no_grad():
    latent_avg = g.mean_latent(4096)[0]
    w = g.style(torch.randn(1, 512))
    wplus = (latent_avg + 0.7 * (w - latent_avg)).unsqueeze(1).repeat(1, g.n_latent, 1)
if args.save_checkpoint:
    torch.save({"g_ema": g.state_dict(), "latent_avg": latent_avg}, args.save_checkpoint)
if args.save_wplus:
    np.save(args.save_wplus, wplus.numpy().astype(np.float32))

times = []
with torch.no_grad():
    g([wplus], input_is_latent=True, randomize_noise=False)  # warm-up
    for _ in range(args.repeat):
        t = time.perf_counter()
        g([wplus], input_is_latent=True, randomize_noise=False)
        times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"reference": "rosinality model.py (CPU)", "size": args.size, "threads": torch.get_num_threads(),
                  "torch": torch.__version__, "ms_median": times[len(times) // 2], "ms_min": times[0]}))
