#!/usr/bin/python3
"""DeLong's test of two correlated ROC AUCs on the same rows, by the fast algorithm of Sun and Xu (2014), with NumPy
and SciPy: the reference for the paired metrics of `lockstep eval --baseline-score` (auc.delta.se, .z, .p_value,
.ci_low, .ci_high).

Sun, X. and Xu, W. (2014), "Fast Implementation of DeLong's Algorithm for Comparing the Areas Under Correlated
Receiver Operating Characteristic Curves", IEEE Signal Processing Letters 21(11): each model's structural components
from midranks (scipy.stats.rankdata, ties averaged) of the positives, of the negatives and of all rows; DeLong's
covariance matrix S = S10 / m + S01 / n of the two AUCs from their sample covariances; var(delta) = S11 + S22 - 2 S12.
"""
import numpy as np
from scipy.stats import norm, rankdata


def structural_components(score, positive):
    """V10 (each positive's share of negatives below it, ties 1/2) and V01 (each negative's share of positives above it)."""
    x, z = score[positive], score[~positive]
    m, n = len(x), len(z)
    tx, tz = rankdata(x), rankdata(z)
    t = rankdata(np.concatenate([x, z]))
    v10 = (t[:m] - tx) / n
    v01 = 1.0 - (t[m:] - tz) / m
    return v10, v01


def paired_test(y, candidate, baseline, level):
    """{"se", "z", "p_value", "ci_low", "ci_high"} of AUC(candidate) - AUC(baseline), or None where DeLong's test is
    undefined (fewer than two rows of a class, or a difference with zero variance), as Lockstep leaves it out."""
    positive = np.asarray(y) == 1
    m, n = int(positive.sum()), int((~positive).sum())
    if m < 2 or n < 2:
        return None
    components = [structural_components(np.asarray(score, dtype=np.float64), positive) for score in (candidate, baseline)]
    s10 = np.cov(np.vstack([v10 for v10, _ in components]))  # sample covariances (ddof 1)
    s01 = np.cov(np.vstack([v01 for _, v01 in components]))
    s = s10 / m + s01 / n
    contrast = np.array([1.0, -1.0])
    variance = float(contrast @ s @ contrast)
    if not variance > 0:
        return None
    aucs = [float(np.mean(v10)) for v10, _ in components]
    delta = aucs[0] - aucs[1]
    se = float(np.sqrt(variance))
    z = delta / se
    half_width = norm.ppf(1 - (1 - level) / 2) * se
    return {"se": se, "z": z, "p_value": float(2 * norm.sf(abs(z))), "ci_low": delta - half_width, "ci_high": delta + half_width}
