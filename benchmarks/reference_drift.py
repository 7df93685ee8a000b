#!/usr/bin/python3
"""The Python equivalent of `lockstep drift` (default settings) with pandas, NumPy and SciPy.

Usage: reference_drift.py REFERENCE.csv CURRENT.csv > drift.json

Per column: PSI binned as Evidently bins it (Sturges equal-width edges over reference and current together
when the reference has more than 20 distinct values, otherwise one bin per distinct value; an empty bin gets
m/1e6 when that side's smallest non-zero share m is at most 1e-4, else 1e-4), scipy.stats.ks_2samp, and
scipy.stats.wasserstein_distance divided by max(np.std(reference), 0.001).
Prints {"features": {"f00": {"psi": ..., "ks_statistic": ..., "ks_p_value": ..., "wasserstein_normed": ...}}}.
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats

DISTINCT_LIMIT = 20
EPSILON = 1e-4


def fill_empty(shares):
    smallest = shares[shares != 0].min()
    shares = shares.copy()
    shares[shares == 0] = smallest / 1e6 if smallest <= EPSILON else EPSILON
    return shares


def psi(reference, current):
    if np.unique(reference).size > DISTINCT_LIMIT:
        edges = np.histogram_bin_edges(np.concatenate([reference, current]), bins="sturges")
        r = np.histogram(reference, edges)[0] / len(reference)
        c = np.histogram(current, edges)[0] / len(current)
    else:
        keys = np.union1d(np.unique(reference), np.unique(current))
        r_counts = pd.Series(reference).value_counts()
        c_counts = pd.Series(current).value_counts()
        r = np.array([r_counts.get(k, 0) for k in keys]) / len(reference)
        c = np.array([c_counts.get(k, 0) for k in keys]) / len(current)
    r, c = fill_empty(r), fill_empty(c)
    return float(np.sum((r - c) * np.log(r / c)))


def main():
    reference_frame = pd.read_csv(sys.argv[1])
    current_frame = pd.read_csv(sys.argv[2])
    features = {}
    for column in reference_frame.columns:
        reference = reference_frame[column].dropna().to_numpy(dtype=np.float64)
        current = current_frame[column].dropna().to_numpy(dtype=np.float64)
        ks = stats.ks_2samp(reference, current)
        features[column] = {
            "psi": psi(reference, current),
            "ks_statistic": float(ks.statistic),
            "ks_p_value": float(ks.pvalue),
            "wasserstein_normed": float(stats.wasserstein_distance(reference, current) / max(np.std(reference), 0.001)),
        }
    json.dump({"reference_rows": len(reference_frame), "current_rows": len(current_frame), "features": features}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
