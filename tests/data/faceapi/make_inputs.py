#!/usr/bin/python3
"""Makes the faceapi parity inputs from skimage's public-domain astronaut (Debian python3-skimage):
a square face crop, a non-square crop (exercises padToSquare), its mirror and a down-scaled copy.
Usage: /usr/bin/python3 make_inputs.py [path/to/astronaut.png]"""
import sys
from PIL import Image

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/python3/dist-packages/skimage/data/astronaut.png"
img = Image.open(src).convert("RGB")
square = img.crop((150, 40, 310, 200))          # 160x160 around the face
tall = img.crop((160, 30, 300, 210))            # 140x180, taller than wide
square.save("astronaut_square.png")
tall.save("astronaut_tall.png")
square.transpose(Image.FLIP_LEFT_RIGHT).save("astronaut_mirror.png")
square.resize((96, 96), Image.BILINEAR).save("astronaut_small.png")

# The same pixels as raw RGB bytes (H×W×3, row-major) for the C++ tests, which carry no image decoder.
for name in ("astronaut_square", "astronaut_tall", "astronaut_mirror", "astronaut_small"):
    with open(name + ".rgb", "wb") as f:
        f.write(Image.open(name + ".png").convert("RGB").tobytes())
