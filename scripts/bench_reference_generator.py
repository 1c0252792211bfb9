#!/usr/bin/env python3
"""Times the reference StyleGAN2 (rosinality/stylegan2-pytorch model.py) on this machine, and optionally writes the
same random weights as a checkpoint Facet loads, so both run on identical models.

  python3 scripts/bench_reference_generator.py --reference DIR [--size 1024] [--repeat 2] [--threads T]
      [--device cpu|cuda] [--batch 1 8] [--precision float32 tf32 half bfloat16] [--ops native|cuda]
      [--save-checkpoint G.pt --save-wplus W.npy]
  python3 scripts/bench_reference_generator.py --reference DIR --render G.pt --wplus W.npy --out OUT.png
      [--threads T]: the reference's counterpart of `facet-cli render` (load the checkpoint, render once, write the
      image), for timing the whole process against Facet's.

DIR is a checkout of rosinality/stylegan2-pytorch (model.py and op/). Its op/ compiles CUDA extensions at import.
--ops native (the default) replaces that loader with a no-op and runs the reference's own pure-PyTorch upfirdn2d
(upfirdn2d_native) and an unfused leaky ReLU on every device, as its CPU code paths do; --ops cuda lets op/ compile
its fused CUDA kernels (needs nvcc and ninja: a minute or more). Nothing of the reference is copied into Facet.
Prints one JSON line: the first case's median ms per image, and every case under "results"."""
import argparse
import copy
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
parser.add_argument("--device", default="cpu", help="cpu or cuda")
parser.add_argument("--batch", type=int, nargs="+", default=[1], help="images per call; ms are per image")
parser.add_argument("--precision", nargs="+", default=["float32"], choices=["float32", "tf32", "half", "bfloat16"])
parser.add_argument("--ops", default="native", choices=["native", "cuda"])
parser.add_argument("--save-checkpoint")
parser.add_argument("--save-wplus")
parser.add_argument("--render", help="checkpoint to load and render once (whole-process timing)")
parser.add_argument("--wplus")
parser.add_argument("--out")
args = parser.parse_args()

if args.ops == "native":
    torch.utils.cpp_extension.load = lambda *a, **k: None  # no compiled ops: the pure-PyTorch forms below
if args.threads:
    torch.set_num_threads(args.threads)
if args.device.startswith("cuda"):
    if not torch.cuda.is_available():
        sys.exit(f"bench_reference_generator: --device {args.device}, but this torch ({torch.__version__}) sees no GPU")
    torch.backends.cudnn.allow_tf32 = False  # float32 as float32, as Facet renders
sys.path.insert(0, args.reference)
import model  # noqa: E402
from model import Generator  # noqa: E402

if args.ops == "native" and args.device != "cpu":
    # The reference dispatches to its compiled kernels for any tensor not on the CPU; point it at its own
    # pure-PyTorch upfirdn2d and an unfused leaky ReLU instead.
    upfirdn2d_module = sys.modules["op.upfirdn2d"]
    fused_act_module = sys.modules["op.fused_act"]

    def upfirdn2d_any_device(input, kernel, up=1, down=1, pad=(0, 0)):
        if len(pad) == 2:
            pad = (pad[0], pad[1], pad[0], pad[1])
        return upfirdn2d_module.upfirdn2d_native(input, kernel, up, up, down, down, *pad)

    def leaky_relu_any_device(input, bias=None, negative_slope=0.2, scale=2 ** 0.5):
        if bias is not None:
            input = input + bias.view(1, bias.shape[0], *([1] * (input.ndim - 2)))
        return torch.nn.functional.leaky_relu(input, negative_slope=negative_slope) * scale

    model.upfirdn2d = upfirdn2d_any_device
    model.fused_leaky_relu = leaky_relu_any_device
    fused_act_module.fused_leaky_relu = leaky_relu_any_device

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

device = torch.device(args.device)
dtypes = {"float32": torch.float32, "tf32": torch.float32, "half": torch.float16, "bfloat16": torch.bfloat16}


def synchronise():
    if device.type == "cuda":
        torch.cuda.synchronize(device)


results = []
with torch.no_grad():
    for precision in args.precision:
        dtype = dtypes[precision]
        if (dtype != torch.float32 or precision == "tf32") and device.type == "cpu":
            sys.exit(f"bench_reference_generator: {precision} needs --device cuda")
        torch.backends.cudnn.allow_tf32 = precision == "tf32"
        g_case = copy.deepcopy(g).to(device=device, dtype=dtype)
        for batch in args.batch:
            codes = wplus.repeat(batch, 1, 1).to(device=device, dtype=dtype)
            first = time.perf_counter()
            g_case([codes], input_is_latent=True, randomize_noise=False)  # warm-up
            synchronise()
            first_ms = (time.perf_counter() - first) * 1000
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                g_case([codes], input_is_latent=True, randomize_noise=False)
                synchronise()
                times.append((time.perf_counter() - t) * 1000 / batch)
            times.sort()
            results.append({"size": args.size, "batch": batch, "precision": precision,
                            "ms_per_image": times[len(times) // 2], "ms_min": times[0], "ms_first": first_ms})
        del g_case
torch.backends.cudnn.allow_tf32 = False
ops = "pure PyTorch ops" if args.ops == "native" else "compiled CUDA ops"
print(json.dumps({"reference": f"rosinality model.py ({args.device}, {ops})", "size": args.size,
                  "device": args.device, "threads": torch.get_num_threads(), "torch": torch.__version__,
                  "ms_median": results[0]["ms_per_image"], "ms_min": results[0]["ms_min"], "results": results}))
