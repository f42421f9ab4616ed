#!/usr/bin/env python3
"""Levin colorization: the authors' row-normalised (non-symmetric) system against a symmetrised
variant that conjugate gradients could solve, on two flat regions (Y = 60 and 190, plus Gaussian
noise) with one short scribble per region (Cb = 70 and 190). Both systems are solved exactly with
scipy. Prints the largest deviation from each region's scribble value.

The weights follow the paper's formula with the constants of the authors' released code (see
scripts/fixtures/levin_fixture.py). Run:  python3 scripts/experiments/levin_symmetrised.py
"""
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla

W = H = 64


def unnormalised_weights(g):
    """e[(r, s)] = exp(-(Y_s - Y_r)^2 / 2 sigma_r^2) for 8-neighbours s of r."""
    e = {}
    for y in range(H):
        for x in range(W):
            nb = [(yy, xx) for yy in range(max(0, y - 1), min(H, y + 2))
                  for xx in range(max(0, x - 1), min(W, x + 2)) if (yy, xx) != (y, x)]
            nv = np.array([g[p] for p in nb])
            window = np.append(nv, g[y, x])
            s = max(0.6 * np.mean((window - window.mean()) ** 2),
                    np.min((nv - g[y, x]) ** 2) / -np.log(0.01), 2e-6 * 255 ** 2)
            for (yy, xx), v in zip(nb, nv):
                e[(y * W + x, yy * W + xx)] = np.exp(-(v - g[y, x]) ** 2 / s)
    return e


def solve(e, known, u, symmetric):
    n = W * H
    a = sp.lil_matrix((n, n))
    b = np.zeros(n)
    diag = np.zeros(n)
    for r in range(n):
        if known[r]:
            a[r, r] = 1
            b[r] = u[r]
    total = {}
    for (r, s), v in e.items():
        total[r] = total.get(r, 0) + v
    for (r, s), v in e.items():
        if known[r]:
            continue
        wt = 0.5 * (v + e[(s, r)]) if symmetric else v / total[r]
        diag[r] += wt
        a[r, s] -= wt
    for r in range(n):
        if not known[r]:
            a[r, r] = diag[r]
    return sla.spsolve(a.tocsr(), b).reshape(H, W)


def main():
    rng = np.random.default_rng(9)
    left = np.arange(W)[None, :] < 32
    for noise in (0.0, 1.0):
        g = np.where(left, 60.0, 190.0) + noise * rng.standard_normal((H, W))
        known = np.zeros(W * H, bool)
        u = np.full(W * H, 128.0)
        for y in range(28, 36):
            known[y * W + 12], u[y * W + 12] = True, 70
            known[y * W + 52], u[y * W + 52] = True, 190
        target = np.where(left, 70, 190)
        e = unnormalised_weights(g)
        for symmetric in (False, True):
            out = solve(e, known, u, symmetric)
            print(f"noise {noise}: {'symmetrised' if symmetric else 'Levin (row-normalised)'}: "
                  f"largest deviation {np.abs(out - target).max():.2f}")


if __name__ == "__main__":
    main()
