#!/usr/bin/python3
"""Input files for the bad-input tests that OpenCV cannot write itself (Debian python3-pil):
- astronaut_cmyk.jpg: the sample photo at 256², saved as a CMYK JPEG (as print workflows produce).
- huge_12000.png: a real 12000 × 12000 grey PNG (about 140 kB compressed, 144 MB as pixels), which Facet must
  refuse before decoding.
Run: /usr/bin/python3 make_bad_inputs.py
"""
import os

import PIL.Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

photo = PIL.Image.open(os.path.join(ROOT, "resources", "astronaut.png")).convert("RGB")
photo.resize((256, 256), PIL.Image.LANCZOS).convert("CMYK").save(os.path.join(HERE, "astronaut_cmyk.jpg"), quality=90)
PIL.Image.new("L", (12000, 12000), 128).save(os.path.join(HERE, "huge_12000.png"), optimize=True)
