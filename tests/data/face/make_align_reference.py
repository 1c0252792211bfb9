#!/usr/bin/python3
"""Reference FFHQ alignment of the bundled astronaut, written from METHOD.md's description of the official
ffhq-dataset `recreate_aligned_images` (PIL QUAD/BILINEAR at transform_size, ANTIALIAS resize, reflect padding
blended towards a Gaussian blur and the median). Facet's C++ alignment is tested against its output.

Input: astronaut_landmarks.json (the 68 dlib landmarks Facet found, saved so both sides use the same points).
Output: astronaut_aligned_256.png and astronaut_aligned_256.json (quad, qsize, shrink, crop, pad), plus the same
for a cut of the photo that needs padding (astronaut_edge_*), and for a 3x enlargement that needs the shrink.

Run with Debian's python3-pil, python3-numpy and python3-scipy:  /usr/bin/python3 make_align_reference.py
"""
import json
import os

import numpy as np
import PIL.Image
import scipy.ndimage

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def oriented_quad(lm):
    lm = np.asarray(lm, dtype=np.float64)
    eye_l = lm[36:42].mean(axis=0)
    eye_r = lm[42:48].mean(axis=0)
    eye_mid = (eye_l + eye_r) * 0.5
    across = eye_r - eye_l
    mouth_mid = (lm[48] + lm[54]) * 0.5
    down = mouth_mid - eye_mid
    x = across - np.flipud(down) * [-1, 1]
    x /= np.hypot(*x)
    x *= max(np.hypot(*across) * 2.0, np.hypot(*down) * 1.8)
    y = np.flipud(x) * [-1, 1]
    c = eye_mid + down * 0.1
    return np.stack([c - x - y, c - x + y, c + x + y, c + x - y])


def align(img, lm, output_size, transform_size, enable_padding=True):
    quad = oriented_quad(lm)
    qsize = np.hypot(*(quad[3] - quad[0]))
    info = {"quad": quad.tolist(), "qsize": float(qsize)}

    shrink = int(np.floor(qsize / output_size * 0.5))
    if shrink > 1:
        new_size = (int(np.rint(float(img.size[0]) / shrink)), int(np.rint(float(img.size[1]) / shrink)))
        img = img.resize(new_size, PIL.Image.LANCZOS)
        quad = quad / shrink
        qsize = qsize / shrink
    info["shrink"] = max(shrink, 1)

    border = max(int(np.rint(qsize * 0.1)), 3)
    lo = np.floor(quad.min(axis=0)).astype(int)
    hi = np.ceil(quad.max(axis=0)).astype(int)
    box = (max(lo[0] - border, 0), max(lo[1] - border, 0), min(hi[0] + border, img.size[0]),
           min(hi[1] + border, img.size[1]))
    if box[2] - box[0] < img.size[0] or box[3] - box[1] < img.size[1]:
        img = img.crop(box)
        quad = quad - box[0:2]
    else:
        box = (0, 0, img.size[0], img.size[1])
    info["crop"] = [int(v) for v in box]

    lo = np.floor(quad.min(axis=0)).astype(int)
    hi = np.ceil(quad.max(axis=0)).astype(int)
    pad = [max(-lo[0] + border, 0), max(-lo[1] + border, 0), max(hi[0] - img.size[0] + border, 0),
           max(hi[1] - img.size[1] + border, 0)]
    if enable_padding and max(pad) > border - 4:
        pad = np.maximum(pad, int(np.rint(qsize * 0.3)))
        a = np.pad(np.float32(img), ((pad[1], pad[3]), (pad[0], pad[2]), (0, 0)), "reflect")
        h, w, _ = a.shape
        yy, xx, _ = np.ogrid[:h, :w, :1]
        edge = np.maximum(1.0 - np.minimum(np.float32(xx) / pad[0], np.float32(w - 1 - xx) / pad[2]),
                          1.0 - np.minimum(np.float32(yy) / pad[1], np.float32(h - 1 - yy) / pad[3]))
        sigma = qsize * 0.02
        a += (scipy.ndimage.gaussian_filter(a, [sigma, sigma, 0]) - a) * np.clip(edge * 3.0 + 1.0, 0.0, 1.0)
        a += (np.median(a, axis=(0, 1)) - a) * np.clip(edge, 0.0, 1.0)
        img = PIL.Image.fromarray(np.uint8(np.clip(np.rint(a), 0, 255)), "RGB")
        quad = quad + pad[:2]
        info["pad"] = [int(v) for v in pad]
    else:
        info["pad"] = [0, 0, 0, 0]

    img = img.transform((transform_size, transform_size), PIL.Image.QUAD, (quad + 0.5).flatten(), PIL.Image.BILINEAR)
    if output_size < transform_size:
        img = img.resize((output_size, output_size), PIL.Image.LANCZOS)
    info["output_size"] = output_size
    info["transform_size"] = transform_size
    return img, info


def save(name, img, info):
    img.save(os.path.join(HERE, name + ".png"))
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(info, f, indent=1)
        f.write("\n")


def main():
    with open(os.path.join(HERE, "astronaut_landmarks.json")) as f:
        lm = np.array(json.load(f)["landmarks"], dtype=np.float64)
    photo = PIL.Image.open(os.path.join(ROOT, "resources", "astronaut.png")).convert("RGB")

    # The whole photo: plain path (no shrink; padding because the square nears the top edge or not).
    save("astronaut_aligned_256", *align(photo, lm, 256, 1024))

    # A cut that ends just below the chin and left of the face: the padding branch.
    cut = json.load(open(os.path.join(HERE, "astronaut_landmarks.json")))["edge_cut"]
    edge = photo.crop((cut[0], cut[1], cut[0] + cut[2], cut[1] + cut[3]))
    save("astronaut_edge_aligned_128", *align(edge, lm - np.array(cut[:2], dtype=np.float64), 128, 512))

    # The photo enlarged 3x (nearest neighbour, so both sides start from identical pixels): the shrink branch.
    big = photo.resize((photo.size[0] * 3, photo.size[1] * 3), PIL.Image.NEAREST)
    save("astronaut_x3_aligned_128", *align(big, (lm + 0.5) * 3 - 0.5, 128, 512))


if __name__ == "__main__":
    main()
