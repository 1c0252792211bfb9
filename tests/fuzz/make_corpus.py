#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpus (tests/fuzz/corpus/<target>/), small real files of each format.
Run with Debian's /usr/bin/python3 from the repository root. Inputs of crashes found and fixed are kept beside
these seeds (files named crash-*) and are not written here."""
import io, json, os, pickle, shutil, struct, zipfile
import numpy as np
import torch
from PIL import Image

root = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(root, "..", "data")


def out(target, name, content):
    d = os.path.join(root, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode())


def copy(target, src):
    out(target, os.path.basename(src), open(src, "rb").read())


# torch.save files: the io tests' checkpoints, both containers, and a tiny state dict of every dtype.
for name in ["mixed_zip.pt", "mixed_legacy.pt", "missing_record.pt", "evil_global.pt", "fuzz_memo_overflow.bin",
             "fuzz_cycle_leak.bin", "fuzz_bad_zip_libtorch_leak.bin"]:
    copy("checkpoint", os.path.join(data, "io", name))
state = {"w": torch.arange(6, dtype=torch.float32).reshape(2, 3), "b": torch.tensor([1, 2], dtype=torch.int64),
         "h": torch.tensor([0.5], dtype=torch.float16), "meta": {"n": 3, "name": "x", "t": (1, 2.5, None, True)}}
buf = io.BytesIO(); torch.save(state, buf); out("checkpoint", "state_zip.pt", buf.getvalue())
buf = io.BytesIO(); torch.save(state, buf, _use_new_zipfile_serialization=False)
out("checkpoint", "state_legacy.pt", buf.getvalue())

# Pickles: the pickle inside a torch.save zip, and plain containers in every protocol.
with zipfile.ZipFile(io.BytesIO(open(os.path.join(root, "corpus", "checkpoint", "state_zip.pt"), "rb").read())) as z:
    out("pickle", "torch_data.pkl", z.read([n for n in z.namelist() if n.endswith("data.pkl")][0]))
plain = {"a": [1, -2, 3.5, "s", b"b", None, True, (1, (2, 3))], "big": 2 ** 70, "set": {1, 2}, "f": frozenset([3])}
for protocol in range(0, 6):
    out("pickle", f"plain_p{protocol}.pkl", pickle.dumps(plain, protocol=protocol))

# .npy: the io tests' arrays.
for name in ["bool.npy", "c_order_f32.npy", "f16.npy", "fortran_f64.npy", "i64.npy", "v2_u8.npy"]:
    copy("npy", os.path.join(data, "io", name))

# Photos: 8×6 in every format the reader names, gray, alpha, 16-bit and a JPEG with an EXIF orientation.
img = Image.fromarray((np.arange(8 * 6 * 3).reshape(6, 8, 3) * 5 % 256).astype(np.uint8))
for fmt, ext, kw in [("PNG", "png", {}), ("JPEG", "jpg", {"quality": 80}), ("BMP", "bmp", {}),
                     ("WEBP", "webp", {"lossless": True}), ("TIFF", "tif", {})]:
    b = io.BytesIO(); img.save(b, fmt, **kw); out("photo", "rgb." + ext, b.getvalue())
b = io.BytesIO(); img.convert("L").save(b, "PNG"); out("photo", "gray.png", b.getvalue())
b = io.BytesIO(); img.convert("RGBA").save(b, "PNG"); out("photo", "rgba.png", b.getvalue())
b = io.BytesIO(); Image.fromarray(np.arange(48, dtype=np.uint16).reshape(6, 8) * 1000).save(b, "PNG")
out("photo", "gray16.png", b.getvalue())
exif = Image.Exif(); exif[0x0112] = 6  # Orientation: rotate 90° clockwise
b = io.BytesIO(); img.save(b, "JPEG", exif=exif.tobytes()); out("photo", "exif_rotated.jpg", b.getvalue())
b = io.BytesIO(); img.convert("CMYK").save(b, "JPEG"); out("photo", "cmyk.jpg", b.getvalue())

# Text directions, timelines and sessions as Facet writes them.
direction = {"format": "facet-text-direction", "version": 1, "prompt": "a smiling face", "kind": "latent",
             "method": "optimisation", "shape": [2, 3], "values": [0.1, -0.2, 0.3, 0, 1.5, -1],
             "alpha_range": [-3, 3], "generator": "stylegan2-ffhq-1024"}
out("text_direction", "latent.json", json.dumps(direction))
style = dict(direction, kind="style", method="global", neutral="a face", shape=[5], values=[0.1, 0, 0, 0.2, -0.1],
             style_sizes=[2, 3])
out("text_direction", "style.json", json.dumps(style))
timeline = {"version": 1, "attributes": ["smile", "age"], "interpolation": "smooth", "alpha_range": [-3, 3],
            "text_sliders": ["t0"], "two_faces": True,
            "keyframes": [{"time": 0, "alphas": [0, 0], "text_alphas": [0], "two_face": 1,
                           "layers": [True] * 4 + [False] * 14},
                          {"time": 1.5, "alphas": [1, -0.5], "text_alphas": [0.5], "two_face": 0.5},
                          {"time": 3, "alphas": [2, 1], "text_alphas": [1], "two_face": 0}]}
out("timeline", "smooth.json", json.dumps(timeline))
out("timeline", "linear.json", json.dumps({"version": 1, "attributes": ["smile"], "interpolation": "linear",
                                           "keyframes": [{"time": 0, "alphas": [0]}, {"time": 2, "alphas": [3]}]}))
session = {"format": "facet-session", "version": 1, "photo": {"path": "/photos/a.jpg", "sha256": "ab" * 32},
           "face": 0, "wplus": "a.wplus.npy", "alphas": [0.5, -1], "attributes": ["smile", "age"],
           "models": ["stylegan2-ffhq"], "layers": [True] * 11 + [False] * 7, "timeline": timeline,
           "text_sliders": [{"id": "t0", "alpha": 0.5, "direction": direction}],
           "two_faces": {"mode": "morph", "amount": 0.5, "faces": [{"role": "second", "kind": "random", "seed": 7,
                                                                     "wplus": "a.second.npy"}]}}
out("session", "full.facet", json.dumps(session, indent=1))
out("session", "wplus_only.facet", json.dumps({"format": "facet-session", "version": 1, "face": 0,
                                               "wplus": "/codes/w.npy", "alphas": []}))
out("session", "photo_mix.facet", json.dumps(dict(session, timeline=None, text_sliders=None, two_faces={
    "mode": "mix", "amount": 1, "mix_layers": [True] * 4 + [False] * 14, "faces": [
        {"role": "second", "kind": "photo", "path": "/p/b.png", "sha256": "cd" * 32, "face": 1, "wplus": "b.npy"}]})))

# CLIP: the tests' hand-made merges and prompts with Unicode, HTML escapes and contractions.
copy("clip_tokenizer", os.path.join(data, "clip", "tiny_merges.txt"))
out("clip_tokenizer", "prompt.txt", "a photo of a smiling face with blond hair, it's &amp; they'll 123 Ünïcødé 東京 😀")

# facet-cli's two-face arguments, NUL-separated as the target splits them.
for i, args in enumerate([["seed:1", "seed:2", "--lambda", "0.25"], ["a.npy", "b.jpg", "--lambda=1"],
                          ["seed:18446744073709551615", "seed:0", "--lambda", "-0.5e1"]]):
    out("cli_args", f"args{i}", "\0".join(args))

# The model manifest: the repository's own, and a small one with every field.
copy("model_manifest", os.path.join(root, "..", "..", "models", "manifest.json"))
out("model_manifest", "small.json", json.dumps({"schema": 1, "models": [
    {"id": "g", "role": "generator", "file": "g.pt", "url": "https://example.org/g.pt", "download": "direct",
     "sha256": "0123456789abcdef" * 4, "size_bytes": 1234, "license": "MIT", "features": ["editing"]},
    {"id": "v", "file": "v.pth", "sha256": None, "sha256_prefix": "397923af", "size_bytes": None}]}))

# Slider files in the layouts Facet reads, at toy sizes: a latent transformer (bare and as a training checkpoint),
# the latent classifier and linear directions.
torch.manual_seed(0)
tnet = {f"dense.{i}.{k}": torch.randn(4, 4) if k == "weight" else torch.randn(4) for i in range(3)
        for k in ("weight", "bias")}
buf = io.BytesIO(); torch.save(tnet, buf); out("slider_files", "tnet.pth", buf.getvalue())
buf = io.BytesIO(); torch.save({"T_net_state_dict": tnet, "opt_state_dict": {"lr": 1e-4}}, buf)
out("slider_files", "tnet_checkpoint.pth.tar", buf.getvalue())
fmaps = [12, 6, 5, 3]
classifier = {}
for i in range(3):
    classifier[f"fcs.{i}.weight"] = torch.randn(fmaps[i + 1], fmaps[i])
    classifier[f"fcs.{i}.bias"] = torch.randn(fmaps[i + 1])
buf = io.BytesIO(); torch.save(classifier, buf); out("slider_files", "classifier.pth", buf.getvalue())
directions = {"format": "facet-linear-directions", "version": 1, "attributes": ["Smiling", "Young"],
              "directions": torch.nn.functional.normalize(torch.randn(2, 3, 4), dim=(1, 2)),
              "offsets": torch.tensor([0.5, -0.2]), "scales": torch.tensor([1.5, 2.0]),
              "accuracy": torch.tensor([0.9, float("nan")]), "fitted": torch.tensor([True, False]),
              "layers": torch.tensor([True, True, False])}
buf = io.BytesIO(); torch.save(directions, buf); out("slider_files", "directions.pth", buf.getvalue())
