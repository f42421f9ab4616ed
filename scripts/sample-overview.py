#!/usr/bin/python3
"""Draws docs/images/sample-overview.png from the committed sample-data/ files.

Run from the repository root with Debian's python3 (numpy, scikit-image, matplotlib):
    /usr/bin/python3 scripts/sample-overview.py
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from skimage import io

d = "sample-data/"
panels = [
    ("sample-mono.png (left, mono camera)", io.imread(d + "sample-mono.png"), "gray"),
    ("sample-color.png (right, colour camera)", io.imread(d + "sample-color.png"), None),
    ("sample-gt-color.png (true colour of the mono view)", io.imread(d + "sample-gt-color.png"), None),
    ("sample-gt-disparity.tif (px)", io.imread(d + "sample-gt-disparity.tif"), "viridis"),
    ("sample-occlusion.png (white: not seen by the colour camera)", io.imread(d + "sample-occlusion.png"), "gray"),
]
fig, axes = plt.subplots(2, 3, figsize=(13.5, 7), dpi=64)
for ax, (title, img, cmap) in zip(axes.flat, panels):
    shown = ax.imshow(img, cmap=cmap, vmin=0 if cmap == "gray" else None, vmax=255 if cmap == "gray" else None)
    if cmap == "viridis":
        fig.colorbar(shown, ax=ax, fraction=0.035, pad=0.02)
    ax.set_title(title, fontsize=10)
    ax.axis("off")
axes.flat[-1].axis("off")
# A zoomed crop shows the cameras' difference: noise, blur and tone of the colour camera.
crop = (slice(150, 260), slice(280, 420))
axes.flat[-1].imshow(io.imread(d + "sample-color.png")[crop], interpolation="nearest")
axes.flat[-1].set_title("colour camera, zoomed: noise and blur", fontsize=10)
fig.tight_layout()
fig.savefig("docs/images/sample-overview.png", metadata={"Software": None})
