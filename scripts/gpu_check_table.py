#!/usr/bin/env python3
"""The summary table of scripts/gpu_check.sh: the device, the gpu tests' counts and, per batch and precision, Facet's
ms per image in each layout against the reference's, with reduced precision's PSNR against float32.

  gpu_check_table.py TORCH_JSON FACET_BENCH_JSON REFERENCE_BENCH_JSON [JUNIT_XML]

Also writes summary.json beside FACET_BENCH_JSON."""
import json
import os
import sys
import xml.etree.ElementTree as ET


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def test_counts(path):
    if not path or not os.path.exists(path):
        return None
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for case in ET.parse(path).getroot().iter("testcase"):
        status = case.get("status", "")
        if case.find("failure") is not None or case.find("error") is not None or status == "fail":
            counts["failed"] += 1
        elif case.find("skipped") is not None or status in ("notrun", "disabled"):
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
    return counts


def main():
    torch_info, facet, reference = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
    counts = test_counts(sys.argv[4] if len(sys.argv) > 4 else None)
    gpu = torch_info.get("gpu") or "no GPU (CPU dry run)"
    print(f"device: {gpu}; torch {torch_info.get('torch')} (CUDA {torch_info.get('cuda')}); "
          f"Facet on {facet.get('device', '?')}")
    if counts is not None:
        print(f"gpu tests: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    rows = {}
    for r in facet.get("results", []):
        row = rows.setdefault((r["batch"], r["precision"]), {})
        row[r["layout"]] = r["ms_per_image"]
        if "psnr_db" in r and r["layout"] == "nchw":
            row["psnr_db"] = r["psnr_db"]
    for r in reference.get("results", []):
        rows.setdefault((r["batch"], r["precision"]), {})["reference"] = r["ms_per_image"]
    size = facet.get("model_size") or reference.get("size")
    print(f"\nStyleGAN2 {size}², random config-f weights: ms per image (median of the timed calls)")
    print(f"{'batch':>5} {'precision':<9} {'Facet NCHW':>11} {'Facet NHWC':>11} {'reference':>10} "
          f"{'Facet/ref':>9} {'PSNR dB':>8}")

    def cell(v, fmt="{:.2f}"):
        return fmt.format(v) if isinstance(v, (int, float)) else "-"

    summary = []
    order = ["float32", "tf32", "half", "bfloat16"]
    for (batch, precision) in sorted(rows, key=lambda k: (k[0], order.index(k[1]) if k[1] in order else 9)):
        row = rows[(batch, precision)]
        best = min([v for k, v in row.items() if k in ("nchw", "channels-last")], default=None)
        ratio = best / row["reference"] if best is not None and row.get("reference") else None
        psnr = row.get("psnr_db")
        print(f"{batch:>5} {precision:<9} {cell(row.get('nchw')):>11} {cell(row.get('channels-last')):>11} "
              f"{cell(row.get('reference')):>10} {cell(ratio, '{:.3f}'):>9} "
              f"{cell(psnr, '{:.1f}') if precision != 'float32' else '':>8}")
        summary.append({"batch": batch, "precision": precision, **row, "facet_over_reference": ratio})
    if not rows:
        print("  (no benchmark results: see gpu_check.log)")
    print("\nFacet/ref: Facet's faster layout over the reference; PSNR: Facet's image against its float32 image, "
          "over that image's range.")
    out = os.path.join(os.path.dirname(os.path.abspath(sys.argv[2])), "summary.json")
    with open(out, "w") as f:
        json.dump({"torch": torch_info, "tests": counts, "size": size, "rows": summary,
                   "reference": reference.get("reference")}, f, indent=1)


if __name__ == "__main__":
    main()
