#!/usr/bin/python3
"""The Python equivalent of `lockstep eval` on the benchmark predictions, with pandas, NumPy and scikit-learn.

Usage: reference_eval.py PREDICTIONS.csv [--label y] [--score p] [--latency-ms latency_ms] [--slice region]
       [--threshold 0.5] [--baseline-score p_prod [--ci 0.95]] > metrics.json

Prints {"metrics": {...}, "slices": {"region=<value>": {...}}} with the metric names of a Lockstep report card.
With --baseline-score, also the paired comparison with that model's score of the same rows: auc.baseline and
auc.delta by roc_auc_score, DeLong's auc.delta.se, .z, .p_value, .ci_low and .ci_high (benchmarks/delong.py), and
rows, the labelled rows compared.
"""
import argparse
import json
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import (accuracy_score, brier_score_loss, f1_score, log_loss, precision_score,
                             recall_score, roc_auc_score)

from delong import paired_test

PERCENTILES = [("latency.p50_ms", 50), ("latency.p90_ms", 90), ("latency.p95_ms", 95), ("latency.p99_ms", 99)]


def metrics_of(y, p, latency, threshold, baseline=None, level=0.95):
    predicted = (p >= threshold).astype(int)
    metrics = {
        "accuracy": accuracy_score(y, predicted),
        "precision": precision_score(y, predicted, zero_division=0),
        "recall": recall_score(y, predicted, zero_division=0),
        "f1": f1_score(y, predicted, zero_division=0),
        "log_loss": log_loss(y, p, labels=[0, 1]),
        "brier": brier_score_loss(y, p),
    }
    if len(np.unique(y)) == 2:
        metrics["auc"] = roc_auc_score(y, p)
        if baseline is not None:
            # lockstep eval writes the labelled rows behind any interval, so a gate can size an inconclusive one.
            metrics["rows"] = len(y)
            metrics["auc.baseline"] = roc_auc_score(y, baseline)
            metrics["auc.delta"] = metrics["auc"] - metrics["auc.baseline"]
            for name, value in (paired_test(y, p, baseline, level) or {}).items():
                metrics[f"auc.delta.{name}"] = value
    if latency is not None:
        for name, q in PERCENTILES:
            metrics[name] = np.percentile(latency, q)
        metrics["latency.max_ms"] = np.max(latency)
    return {name: float(value) for name, value in metrics.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("predictions")
    parser.add_argument("--label", default="y")
    parser.add_argument("--score", default="p")
    parser.add_argument("--latency-ms", default="latency_ms")
    parser.add_argument("--slice", default="region")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--baseline-score")
    parser.add_argument("--ci", type=float, default=0.95)
    args = parser.parse_args()

    columns = [args.label, args.score, args.latency_ms, args.slice] + ([args.baseline_score] if args.baseline_score else [])
    frame = pd.read_csv(args.predictions, usecols=columns)
    y = frame[args.label].to_numpy()
    p = frame[args.score].to_numpy(dtype=np.float64)
    latency = frame[args.latency_ms].to_numpy(dtype=np.float64)
    baseline = frame[args.baseline_score].to_numpy(dtype=np.float64) if args.baseline_score else None

    def of(rows):
        return metrics_of(y[rows], p[rows], latency[rows], args.threshold,
                          None if baseline is None else baseline[rows], args.ci)

    result = {"rows": len(frame), "metrics": of(slice(None)), "slices": {}}
    for value, rows in frame.groupby(args.slice, sort=True).indices.items():
        result["slices"][f"{args.slice}={value}"] = of(rows)

    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
