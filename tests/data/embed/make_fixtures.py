"""Makes the embed parity fixtures: outputs of torchvision's VGG-16 and of LPIPS v0.1 (its forward re-written here
from the package's documented maths, since `lpips` is not packaged by Debian) with deterministic full-size weights
w = f(name, shape) — the same formula tests/core/embed/test_vgg_lpips.cpp uses — so only small outputs are stored.
usage: /usr/bin/python3 make_fixtures.py OUT_DIR   (needs Debian's python3-torch and python3-torchvision)."""
import math, sys
import torch, torchvision

def det(name, shape):
    n = 1
    for s in shape: n *= s
    phase = (sum(map(ord, name)) % 101) * 0.1
    k = torch.arange(n, dtype=torch.float64)
    if name.startswith("input"):  # smooth image-like patterns in [-0.9, 0.9]
        return (0.9 * torch.sin(k * 0.7 + phase)).reshape(shape).float()
    s = torch.sin(k * 12.9898 + phase) * 43758.5453     # a hash: uniform-looking values in [-1, 1)
    base = (2 * (s - torch.floor(s)) - 1).reshape(shape)
    if name.endswith("bias"): v = 0.05 * base
    elif name.startswith("lin"): v = 0.1 * base.abs()          # LPIPS keeps its linear weights non-negative
    else: v = base * math.sqrt(6.0 / (n // shape[0]))          # He-uniform scale keeps 13 ReLU layers alive
    return v.float()

# LPIPS v0.1: ScalingLayer, VGG-16 relu1_2..relu5_3, channel unit-normalisation, squared difference, 1x1 lin,
# spatial mean, sum over layers.
SHIFT = torch.tensor([-.030, -.088, -.188]).view(1, 3, 1, 1)
SCALE = torch.tensor([.458, .448, .450]).view(1, 3, 1, 1)
LPIPS_TAPS = [3, 8, 15, 22, 29]
I2S_TAPS = [1, 3, 13, 20]
ALL_TAPS = sorted(set(LPIPS_TAPS + I2S_TAPS))

def taps(features, x, which):
    out = []
    for i, layer in enumerate(features):
        x = layer(x)
        if i in which: out.append(x)
        if i >= max(which): break
    return out

def unit(f): return f / (torch.sqrt((f ** 2).sum(1, keepdim=True)) + 1e-10)

def lpips(features, lins, x, y):
    fx = taps(features, (x - SHIFT) / SCALE, LPIPS_TAPS)
    fy = taps(features, (y - SHIFT) / SCALE, LPIPS_TAPS)
    return sum(torch.nn.functional.conv2d((unit(a) - unit(b)) ** 2, w).mean((2, 3)) for a, b, w in zip(fx, fy, lins)).view(-1)

def imagenet(x):
    mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1); std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
    return ((x + 1) / 2 - mean) / std

def main():
    out = sys.argv[1]
    torch.set_grad_enabled(False)
    vgg = torchvision.models.vgg16()
    sd = vgg.state_dict()
    for k, t in sd.items(): t.copy_(det(k, tuple(t.shape)))
    features = vgg.features.eval()
    lins = [det(f"lin{i}.model.1.weight", (1, c, 1, 1)) for i, c in enumerate([64, 128, 256, 512, 512])]
    # 1. VGG taps on a 32x32 input: per tap the channel means [C] and the first 4 channels in full [4, H, W].
    x32 = det("input", (1, 3, 32, 32))
    parts = []
    for f in taps(features, imagenet(x32), ALL_TAPS):
        parts += [f[0].mean((1, 2)).flatten(), f[0, :4].flatten()]
    torch.cat(parts).numpy().tofile(f"{out}/vgg_taps.f32")
    # 2. LPIPS of two pairs of 64x64 images, and Image2StyleGAN's feature loss (sum of per-layer MSE).
    x = det("input_x", (2, 3, 64, 64)); y = det("input_y", (2, 3, 64, 64)).transpose(2, 3)
    d = lpips(features, lins, x, y)
    fx, fy = taps(features, imagenet(x), I2S_TAPS), taps(features, imagenet(y), I2S_TAPS)
    i2s = sum(((a - b) ** 2).mean() for a, b in zip(fx, fy)).view(1)
    torch.cat([d, i2s]).numpy().tofile(f"{out}/lpips_i2s.f32")
    print("taps", [(tuple(f.shape), round(f.abs().max().item(), 3), round((f > 0).float().mean().item(), 2)) for f in taps(features, imagenet(x32), ALL_TAPS)], "lpips", d.tolist(), "i2s", i2s.item())

main()
