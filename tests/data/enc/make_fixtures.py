"""Makes the enc parity fixtures: outputs of the reference pSp / e4e encoders and ArcFace IR-SE50 with
deterministic weights (w = f(name, shape), the same formula the C++ test uses), so only outputs are stored.
usage: /usr/bin/python3 make_fixtures.py PSP_REPO_DIR E4E_REPO_DIR OUT_DIR
(reference repos: github eladrich/pixel2style2pixel and omertov/encoder4editing; not committed here)."""
import argparse, sys, types, math
import torch

def det(name, shape):
    n = 1
    for s in shape: n *= s
    phase = (sum(map(ord, name)) % 101) * 0.1
    base = torch.sin(torch.arange(n, dtype=torch.float64) * 0.7 + phase).reshape(shape)
    if name.endswith("running_var"): v = 1 + 0.25 * (base + 1)
    elif name.endswith("running_mean") or name.endswith("bias") or name == "latent_avg": v = 0.05 * base
    elif len(shape) == 1: v = 0.75 + 0.25 * base
    elif name.startswith("styles.") and name.endswith("linear.weight"): v = base
    else: v = base * math.sqrt(1.5 / (n // shape[0]))
    return v.float()

def fill(module):
    sd = module.state_dict()
    for k, t in sd.items():
        if k.endswith("num_batches_tracked"): continue
        t.copy_(det(k, tuple(t.shape)))
    module.eval()

def stub_ops():
    op = types.ModuleType("models.stylegan2.op")
    op.FusedLeakyReLU = op.fused_leaky_relu = op.upfirdn2d = None
    sys.modules["models.stylegan2.op"] = op

def load_repo(path):
    for m in [m for m in sys.modules if m == "models" or m.startswith("models.")]: del sys.modules[m]
    sys.path.insert(0, path); stub_ops()
    from models.encoders import psp_encoders
    sys.path.remove(path)
    return psp_encoders

def main():
    a = argparse.ArgumentParser(); a.add_argument("psp"); a.add_argument("e4e"); a.add_argument("out"); a = a.parse_args()
    torch.set_grad_enabled(False)
    x64 = 0.9 * det("input", (2, 3, 64, 64)); avg = det("latent_avg", (512,))
    p = load_repo(a.psp)
    enc = p.GradualStyleEncoder(50, "ir_se", types.SimpleNamespace(input_nc=3, n_styles=8)); fill(enc)
    (enc(x64) + avg.repeat(2, 1, 1)).numpy().tofile(f"{a.out}/psp_out.f32")  # psp.forward, start_from_latent_avg
    from models.encoders.model_irse import Backbone
    net = Backbone(112, 50, "ir_se"); fill(net)
    x256 = 0.9 * det("input", (1, 3, 256, 256))
    net(0.9 * det("input", (2, 3, 112, 112))).numpy().tofile(f"{a.out}/arcface112_out.f32")
    pool = torch.nn.AdaptiveAvgPool2d((112, 112))  # IDLoss.extract_feats
    net(pool(x256[:, :, 35:223, 32:220])).numpy().tofile(f"{a.out}/arcface256_out.f32")
    e = load_repo(a.e4e)
    enc = e.Encoder4Editing(50, "ir_se", types.SimpleNamespace(stylegan_size=32)); fill(enc)
    (enc(x64) + avg.repeat(8, 1).repeat(2, 1, 1)).numpy().tofile(f"{a.out}/e4e_out.f32")

main()
