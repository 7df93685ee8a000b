#!/usr/bin/python3
"""Compares the values Lockstep wrote with the ones the Python reference printed.

Usage: compare_values.py eval|eval-paired|drift LOCKSTEP.json PYTHON.json [--tolerance 1e-9] [--details FILE]

eval:  the report card's metrics and every slice's metrics against {"metrics", "slices"} of reference_eval.py.
eval-paired: the same, from `lockstep eval --baseline-score` and `reference_eval.py --baseline-score`; the paired
       comparison's seven values must be there, overall and in every slice, on both sides (else they count as missing).
drift: each feature's psi, ks_statistic, ks_p_value and wasserstein_normed against reference_drift.py.
Prints one line: max_abs_diff worst_value compared over_tolerance missing. Every compared value goes to --details.
"""
import argparse
import json
import math

DRIFT_VALUES = ["psi", "ks_statistic", "ks_p_value", "wasserstein_normed"]
PAIRED_VALUES = ["auc.baseline", "auc.delta", "auc.delta.se", "auc.delta.z", "auc.delta.p_value", "auc.delta.ci_low",
                 "auc.delta.ci_high"]


def pairs_eval(lockstep, python, required=()):
    yield from pairs_of("metrics", lockstep.get("metrics", {}), python["metrics"], required)
    slices = lockstep.get("slices", {})
    for name in sorted(set(slices) | set(python["slices"])):
        yield from pairs_of(f"slices[{name}]", slices.get(name, {}), python["slices"].get(name, {}), required)


def pairs_of(prefix, lockstep, python, required=()):
    for name in sorted(set(lockstep) | set(python) | set(required)):
        yield f"{prefix}.{name}", lockstep.get(name), python.get(name)


def pairs_drift(lockstep, python):
    features = {f["feature"]: f for f in lockstep["features"]}
    for name, values in python["features"].items():
        for value in DRIFT_VALUES:
            yield f"{name}.{value}", features.get(name, {}).get(value), values.get(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["eval", "eval-paired", "drift"])
    parser.add_argument("lockstep")
    parser.add_argument("python")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    parser.add_argument("--details")
    args = parser.parse_args()

    with open(args.lockstep, encoding="utf-8") as f:
        lockstep = json.load(f)
    with open(args.python, encoding="utf-8") as f:
        python = json.load(f)

    if args.kind == "drift":
        pairs = pairs_drift(lockstep, python)
    else:
        pairs = pairs_eval(lockstep, python, PAIRED_VALUES if args.kind == "eval-paired" else ())
    worst, worst_name, compared, over, missing, lines = 0.0, "-", 0, 0, 0, []
    for name, a, b in pairs:
        if a is None or b is None:
            missing += 1
            lines.append(f"{name}\tlockstep={a}\tpython={b}\tMISSING")
            continue
        difference = abs(float(a) - float(b))
        if math.isnan(difference):
            difference = 0.0 if math.isnan(float(a)) and math.isnan(float(b)) else math.inf
        compared += 1
        over += difference > args.tolerance
        if difference > worst or worst_name == "-":
            worst, worst_name = difference, name
        lines.append(f"{name}\tlockstep={float(a)!r}\tpython={float(b)!r}\tdiff={difference:.3g}")

    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    print(f"{worst:.3g} {worst_name} {compared} {over} {missing}")


if __name__ == "__main__":
    main()
