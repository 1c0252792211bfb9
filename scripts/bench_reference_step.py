#!/usr/bin/env python3
"""Times one optimisation step of the reference StyleGAN2 (rosinality/stylegan2-pytorch model.py, its CPU code paths)
on this machine, against a face the same generator rendered, with the pixel loss (MSE):
  embed  forward, backward and Adam (lr 0.01) on W+, weights frozen — what `facet-cli bench embed` times;
  tune   the image at a pivot (constant noise), backward to every parameter, Adam (lr 3e-4) over all of them, the
         target clamped to [-1, 1] — what `facet-cli bench tune --loss l2` times.
Optionally writes the random weights as a checkpoint Facet loads, so both run on identical models.

usage (Debian's python3-torch):
  /usr/bin/python3 scripts/bench_reference_step.py embed|tune --reference DIR [--size N] [--steps 2] [--threads T]
      [--save-checkpoint g.pt]
DIR is a checkout of rosinality/stylegan2-pytorch (model.py and op/); its CUDA extension loader is replaced by a
no-op so the reference's pure-PyTorch CPU fallbacks run. Nothing of the reference is copied into Facet. Prints one
JSON line: median ms per step after one warm-up step (wall and process CPU time) and the process's peak resident
memory."""
import argparse
import json
import resource
import sys
import time

import torch
import torch.utils.cpp_extension

parser = argparse.ArgumentParser()
parser.add_argument("what", choices=["embed", "tune"])
parser.add_argument("--reference", required=True)
parser.add_argument("--size", type=int, help="default: 1024 for embed, 256 for tune")
parser.add_argument("--steps", type=int, default=2, help="timed steps after one warm-up step")
parser.add_argument("--threads", type=int, default=0, help="torch threads (0: PyTorch's default)")
parser.add_argument("--save-checkpoint")
args = parser.parse_args()
tune = args.what == "tune"
size = args.size or (256 if tune else 1024)

torch.utils.cpp_extension.load = lambda *a, **k: None  # CPU fallbacks only
if args.threads:
    torch.set_num_threads(args.threads)
sys.path.insert(0, args.reference)
from model import Generator  # noqa: E402

torch.manual_seed(0)
g = Generator(size, 512, 8, channel_multiplier=2).eval()
with torch.no_grad():
    latent_avg = g.mean_latent(4096)[0]
    w = g.style(torch.randn(1, 512))
    target, _ = g([(latent_avg + 0.7 * (w - latent_avg)).unsqueeze(1).repeat(1, g.n_latent, 1)],
                  input_is_latent=True, randomize_noise=False)
    if tune:
        target = target.clamp(-1, 1)
if args.save_checkpoint:
    torch.save({"g_ema": g.state_dict(), "latent_avg": latent_avg}, args.save_checkpoint)

code = latent_avg.detach().clone().view(1, 1, -1).repeat(1, g.n_latent, 1)
if tune:
    adam = torch.optim.Adam(g.parameters(), lr=3e-4)
else:
    g.requires_grad_(False)  # only W+ is optimised: no weight gradients (the reference's best case)
    code.requires_grad_(True)
    adam = torch.optim.Adam([code], lr=0.01)
times, cpu_times = [], []
for step in range(args.steps + 1):
    t, c = time.perf_counter(), time.process_time()
    image, _ = g([code], input_is_latent=True, randomize_noise=False)
    loss = (image - target).pow(2).mean()
    adam.zero_grad()
    loss.backward()
    adam.step()
    if step:
        times.append((time.perf_counter() - t) * 1000)
        cpu_times.append((time.process_time() - c) * 1000)
times.sort()
cpu_times.sort()
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"reference": "rosinality model.py (CPU)", "step": args.what, "size": size,
                  "threads": torch.get_num_threads(), "torch": torch.__version__,
                  "ms_median": times[len(times) // 2], "ms_min": times[0],
                  "cpu_ms_median": cpu_times[len(cpu_times) // 2], "peak_rss_mb": peak_mb, "loss": loss.item()}))
