#!/usr/bin/env python3
"""Makes the small files tests/core/io uses (run with Debian's /usr/bin/python3 from the repository root):
valid .npy variants, checkpoints with shared storages and mixed dtypes, and hostile files."""
import io, os, zipfile
import numpy as np
import torch

out = os.path.dirname(os.path.abspath(__file__))
p = lambda n: os.path.join(out, n)

a = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 7
np.save(p("c_order_f32.npy"), a)
np.save(p("fortran_f64.npy"), np.asfortranarray(a.astype(np.float64)))
np.save(p("f16.npy"), a.astype(np.float16))
np.save(p("i64.npy"), np.arange(-5, 5, dtype=np.int64))
np.save(p("bool.npy"), np.array([[True, False], [False, True]]))
with open(p("v2_u8.npy"), "wb") as f:
    np.lib.format.write_array(f, np.arange(6, dtype=np.uint8).reshape(3, 2), version=(2, 0))

base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
state = {
    "shared_a": base,
    "shared_view": base[1:, ::2],          # offset and strides into the same storage
    "transposed": base.t(),
    "bf16": torch.tensor([1.5, -2.25], dtype=torch.bfloat16),
    "half": torch.tensor([0.5, 4.0], dtype=torch.float16),
    "long": torch.tensor([1, -2, 3], dtype=torch.int64),
    "u8": torch.tensor([0, 255], dtype=torch.uint8),
    "flag": torch.tensor([True, False]),
    "nested": {"list": [torch.ones(2), 3, "text", None, 2.5, True], "tuple": (1, 2)},
}
torch.save(state, p("mixed_zip.pt"))
torch.save(state, p("mixed_legacy.pt"), _use_new_zipfile_serialization=False)

# A pickle that names os.system: must be refused without running anything.
torch.save({"weights": torch.zeros(2), "hook": os.system}, p("evil_global.pt"))

# A zip archive whose tensor record is missing.
buf = io.BytesIO()
torch.save({"w": torch.ones(3)}, buf)
src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
with zipfile.ZipFile(p("missing_record.pt"), "w") as dst:
    for info in src.infolist():
        if not info.filename.endswith("/data/0"):
            dst.writestr(info, src.read(info.filename))
