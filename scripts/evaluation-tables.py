#!/usr/bin/env python3
"""Markdown tables for docs/evaluation.md from the summary.csv files of scripts/reproduce-evaluation.

    python3 scripts/evaluation-tables.py OUT_DIR [OUT_DIR...]

Each OUT_DIR holds one folder per run (mb-clean, mb-noisy, ft3d-clean, ...), each with summary.csv.
With several OUT_DIRs (e.g. the baselines' runs and a later run of the network rows) the rows of
each run are joined: a method already read from an earlier folder keeps its numbers.
Prints the analogues of the paper's Table 2 (first- and second-time SSIM per dataset), Table 3
(LCC), Table 1 (second-time SSIM on the real pairs) and the PSNR / Delta E / occlusion tables.
Only the standard library: it just rearranges the numbers evaluate wrote.
"""
import csv
import os
import sys

DATASETS = [("mb", "Middlebury (9)"), ("ft3d", "FlyingThings3D (9)"), ("aaai19", "AAAI-19 pairs (12)")]
PRESETS = ["clean", "noisy"]


def read(outs, run):
    rows = None
    for out in outs:
        path = os.path.join(out, run, "summary.csv")
        if not os.path.exists(path):
            continue
        rows = rows or {}
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                rows.setdefault(row["method"], row)
    return rows


def cell(row, key, digits):
    if row is None or key not in row or row[key] == "":
        return ""
    return f"{float(row[key]):.{digits}f}"


def methods(tables):
    seen = []
    for t in tables:
        for m in (t or {}):
            if m not in seen:
                seen.append(m)
    return seen


def table(head, rows):
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()


def main(outs):
    runs = {(d, p): read(outs, f"{d}-{p}") for d, _ in DATASETS for p in PRESETS}
    for preset in PRESETS:
        tabs = [runs[(d, preset)] for d, _ in DATASETS]
        ms = methods(tabs)
        for what, key in (("RGB SSIM", "rgb_ssim"), ("Cb/Cr SSIM", "cbcr_ssim")):
            print(f"**Table 2 analogue, {preset}: {what}, first time | second time**\n")
            head = ["method"] + [f"{name} 1st" for _, name in DATASETS] + [f"{name} 2nd" for _, name in DATASETS]
            rows = []
            for m in ms:
                first = [cell(t.get(m) if t else None, key, 4) for t in tabs]
                second = [cell(t.get(m) if t else None, "cycle_" + key, 4) for t in tabs]
                rows.append([m] + first + second)
            table(head, rows)
        print(f"**Table 3 analogue, {preset}: LCC of first- and second-time SSIM across scenes (RGB / Cb/Cr)**\n")
        rows = []
        for m in ms:
            cells = []
            for t in tabs:
                r = t.get(m) if t else None
                a, b = cell(r, "lcc_rgb_ssim", 4), cell(r, "lcc_cbcr_ssim", 4)
                cells.append(f"{a} / {b}" if a else "")
            rows.append([m] + cells)
        table(["method"] + [name for _, name in DATASETS], rows)
        print(f"**PSNR and colour difference, {preset}, first time: RGB PSNR / Cb/Cr PSNR (dB) / ΔE76**\n")
        rows = []
        for m in ms:
            cells = []
            for t in tabs:
                r = t.get(m) if t else None
                p = cell(r, "rgb_psnr", 2)
                cells.append(f"{p} / {cell(r, 'cbcr_psnr', 2)} / {cell(r, 'delta_e', 2)}" if p else "")
            rows.append([m] + cells)
        table(["method"] + [name for _, name in DATASETS], rows)
        mb = runs[("mb", preset)]
        if mb:
            print(f"**Middlebury, {preset}: visible | occluded pixels, Cb/Cr PSNR (dB) / Cb/Cr SSIM / ΔE76**\n")
            rows = []
            for m in methods([mb]):
                r = mb[m]
                rows.append([m, f"{cell(r, 'visible_cbcr_psnr', 2)} / {cell(r, 'visible_cbcr_ssim', 4)} / {cell(r, 'visible_delta_e', 2)}",
                             f"{cell(r, 'occluded_cbcr_psnr', 2)} / {cell(r, 'occluded_cbcr_ssim', 4)} / {cell(r, 'occluded_delta_e', 2)}"])
            table(["method", "visible", "occluded"], rows)
    real = read(outs, "real")
    if real:
        print("**Table 1 analogue: second-time SSIM on the 6 real pairs (RGB / Cb/Cr)**\n")
        rows = [[m, cell(r, "cycle_rgb_ssim", 4), cell(r, "cycle_cbcr_ssim", 4), f"{r['ok']} / {r['failed']} / {r['not_applicable']}"]
                for m, r in real.items()]
        table(["method", "2nd RGB SSIM", "2nd Cb/Cr SSIM", "ok / failed / n.a."], rows)
    print("**Time per image (mean first pass, s; and s per megapixel)**\n")
    rows = []
    allruns = [(k, v) for k, v in runs.items() if v] + ([(("real", ""), real)] if real else [])
    for m in methods([v for _, v in allruns]):
        cells = []
        for (d, p), t in allruns:
            r = t.get(m)
            cells.append(f"{cell(r, 'seconds', 2)} ({cell(r, 'seconds_per_megapixel', 2)})" if r and r["seconds"] else "")
        rows.append([m] + cells)
    table(["method"] + [f"{d} {p}".strip() for (d, p), _ in allruns], rows)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
