#!/usr/bin/env python3
"""Per-scene table of evaluation runs, as docs/default-model.md and docs/study-network.md show them.

    scripts/default-model/scene-table.py METRIC RUN_DIR[@METHOD][=LABEL] ...

Each RUN_DIR is a folder `cyclecolor evaluate` wrote (it holds scenes.csv); every method row in it
(or only METHOD's) becomes a column, named LABEL (or the method's name when a folder holds several
methods). METRIC is a
column of scenes.csv: cbcr_psnr, rgb_ssim, delta_e, cycle_rgb_ssim, ... Prints a Markdown table with
one row per scene, the mean over all scenes, the mean over the nine Middlebury 2001-2005 scenes the
evaluation has always used (tsukuba, cones, teddy, the six 2005 scenes) when they are there, and how
many scenes each column wins against the last one (the baseline to beat).
"""
import csv
import sys

NINE = ("mb2001-tsukuba", "mb2003-cones", "mb2003-teddy", "mb2005-art", "mb2005-books", "mb2005-dolls",
        "mb2005-laundry", "mb2005-moebius", "mb2005-reindeer-half")


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    metric = argv[1]
    higher_better = metric != "delta_e" and not metric.endswith("delta_e")
    columns, values = [], {}
    for spec in argv[2:]:
        folder, _, label = spec.partition("=")
        folder, _, only = folder.partition("@")
        with open(folder.rstrip("/") + "/scenes.csv", newline="") as f:
            rows = [r for r in csv.DictReader(f) if r["status"] == "ok" and r[metric] != "" and (not only or r["method"] == only)]
        methods = sorted({r["method"] for r in rows}, key=[r["method"] for r in rows].index)
        for m in methods:
            name = label if label and len(methods) == 1 else (label + " " + m if label else m)
            columns.append(name)
            for r in rows:
                if r["method"] == m:
                    values.setdefault(r["scene"], {})[name] = float(r[metric])
    scenes = sorted(values)
    fmt = "{:.2f}" if "psnr" in metric or "delta_e" in metric else "{:.4f}"
    print("| scene | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for s in scenes:
        print("| " + s + " | " + " | ".join(fmt.format(values[s][c]) if c in values[s] else "–" for c in columns) + " |")

    def mean(names):
        out = []
        for c in columns:
            v = [values[s][c] for s in names if c in values.get(s, {})]
            out.append(fmt.format(sum(v) / len(v)) if v else "–")
        return out
    print("| **mean (" + str(len(scenes)) + ")** | " + " | ".join("**" + v + "**" for v in mean(scenes)) + " |")
    nine = [s for s in NINE if s in values]
    if len(nine) == len(NINE):
        print("| **mean of the nine** | " + " | ".join("**" + v + "**" for v in mean(nine)) + " |")
    base = columns[-1]
    wins = []
    for c in columns[:-1]:
        w = sum(1 for s in scenes if c in values[s] and base in values[s]
                and (values[s][c] > values[s][base] if higher_better else values[s][c] < values[s][base]))
        w9 = sum(1 for s in nine if c in values[s] and base in values[s]
                 and (values[s][c] > values[s][base] if higher_better else values[s][c] < values[s][base]))
        wins.append(f"{c}: {w} of {len(scenes)}" + (f" ({w9} of the nine)" if nine else ""))
    print()
    print("Scenes where the column beats " + base + ": " + "; ".join(wins) + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
