#!/usr/bin/env python3
"""Writes clip_standin.pt: a tiny TorchScript module with CLIP's interface (encode_image, encode_text, forward,
input_resolution, context_length), for Facet's tests; and the embeddings it must give (standin_*.npy).

Like openai/CLIP's released archives it is stored in half precision and its graphs carry the device "cuda" and
float16 casts, so loading it on a CPU only works after the rewrite clip.load applies (ClipModel::load does it).
The reference embeddings come from the same weights (rounded to float16, run in float32) without those casts.

Run with Debian's python3-torch:  /usr/bin/python3 tests/data/clip/make_clip_standin.py
"""
import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
RES, CONTEXT, WIDTH, EMBED, BUCKETS = 32, 77, 16, 12, 1024  # the methods spell 77 and 1024 out: TorchScript does not read globals


class TinyClip(nn.Module):
    __constants__ = ["baked"]

    def __init__(self, baked: bool):
        super().__init__()
        self.baked = baked
        self.input_resolution = torch.tensor(RES)
        self.context_length = torch.tensor(CONTEXT)
        self.patch = nn.Conv2d(3, WIDTH, kernel_size=8, stride=8)
        self.visual_proj = nn.Linear(WIDTH * (RES // 8) ** 2, EMBED)
        self.token_embedding = nn.Embedding(BUCKETS, WIDTH)
        self.positional_embedding = nn.Parameter(torch.randn(CONTEXT, WIDTH) * 0.1)
        self.text_mix = nn.Linear(WIDTH, WIDTH)
        self.text_projection = nn.Parameter(torch.randn(WIDTH, EMBED) / WIDTH ** 0.5)
        self.logit_scale = nn.Parameter(torch.tensor(4.6052))

    def encode_image(self, image: torch.Tensor) -> torch.Tensor:
        if self.baked:
            image = image.to(device=torch.device("cuda"), dtype=torch.float16)
        x = torch.tanh(self.patch(image))
        return self.visual_proj(x.flatten(1))

    def encode_text(self, text: torch.Tensor) -> torch.Tensor:
        x = self.token_embedding(text % 1024) + self.positional_embedding
        # A running mean along the sequence (causal, like CLIP's masked attention), then the features at the
        # end-of-text token (the largest id), as CLIP pools.
        if self.baked:
            steps = torch.arange(1, 78, device=torch.device("cuda")).to(torch.float16)
        else:
            steps = torch.arange(1, 78).to(x.dtype)
        x = torch.cumsum(x, dim=1) / steps.view(1, 77, 1)
        x = torch.tanh(self.text_mix(x))
        if self.baked:
            rows = torch.arange(x.shape[0], device=torch.device("cuda"))
        else:
            rows = torch.arange(x.shape[0])
        return x[rows, text.argmax(dim=-1)] @ self.text_projection

    def forward(self, image: torch.Tensor, text: torch.Tensor):
        a = self.encode_image(image)
        b = self.encode_text(text)
        a = a / a.norm(2, 1, True)
        b = b / b.norm(2, 1, True)
        logits = self.logit_scale.exp() * a @ b.t()
        return logits, logits.t()


def main():
    torch.manual_seed(20211010)
    reference = TinyClip(baked=False)
    with torch.no_grad():
        for p in reference.parameters():
            p.copy_(p.half().float())  # the weights exactly as stored in half precision
    baked = TinyClip(baked=True)
    baked.load_state_dict(reference.state_dict())
    scripted = torch.jit.script(baked.half())
    scripted.save(os.path.join(HERE, "clip_standin.pt"))

    g = torch.Generator().manual_seed(7)
    images = torch.randn(2, 3, RES, RES, generator=g)
    tokens = torch.zeros(2, CONTEXT, dtype=torch.long)
    # "a diagram" and "a dog" with CLIP's ids (start, words, end).
    tokens[0, :4] = torch.tensor([49406, 320, 22697, 49407])
    tokens[1, :4] = torch.tensor([49406, 320, 1929, 49407])
    with torch.no_grad():
        np.save(os.path.join(HERE, "standin_images.npy"), images.numpy())
        np.save(os.path.join(HERE, "standin_tokens.npy"), tokens.numpy())
        np.save(os.path.join(HERE, "standin_image_features.npy"), reference.encode_image(images).numpy())
        np.save(os.path.join(HERE, "standin_text_features.npy"), reference.encode_text(tokens).numpy())


if __name__ == "__main__":
    main()
