#!/usr/bin/python3
"""Draws docs/images/datasets-photo-pairs.png: pairs synthesized from the bundled sample's true colour.

Run from the repository root (Debian's python3 with numpy, scikit-image, matplotlib):
    mkdir -p /tmp/photo && cp sample-data/sample-gt-color.png /tmp/photo/room.png
    java -jar target/Cycle_Colorization-<version>.jar synthesize --from /tmp/photo --kind photos \\
        --pairs-per-photo 3 --preset camera --seed 3 -o /tmp/photo-pairs
    /usr/bin/python3 scripts/datasets-overview.py /tmp/photo-pairs
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from skimage import io

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/photo-pairs"
manifest = json.load(open(folder + "/manifest.json"))
pairs = manifest["pairs"]
fig, axes = plt.subplots(len(pairs), 5, figsize=(16, 2.6 * len(pairs)), dpi=64)
titles = ["mono (gray view)", "colour reference", "ground truth colour", "disparity (px)", "occluded in colour view"]
for row, p in zip(axes, pairs):
    mono = io.imread(folder + "/" + p["mono"])
    color = io.imread(folder + "/" + p["color"])
    truth = io.imread(folder + "/" + p["gt_color"])
    disparity = io.imread(folder + "/" + p["gt_disparity"])
    occlusion = io.imread(folder + "/" + p["gt_occlusion"])
    row[0].imshow(mono, cmap="gray", vmin=0, vmax=255)
    row[1].imshow(color)
    row[2].imshow(truth)
    shown = row[3].imshow(disparity, cmap="viridis", vmin=0, vmax=np.nanmax(disparity))
    fig.colorbar(shown, ax=row[3], fraction=0.035, pad=0.02)
    row[4].imshow(occlusion, cmap="gray", vmin=0, vmax=255)
    row[0].set_ylabel(p["id"] + "\ncolour " + p["color_side"], fontsize=10)
    for ax, t in zip(row, titles):
        ax.set_xticks([])
        ax.set_yticks([])
        if p is pairs[0]:
            ax.set_title(t, fontsize=11)
fig.tight_layout()
fig.savefig("docs/images/datasets-photo-pairs.png")
print("wrote docs/images/datasets-photo-pairs.png")
