#!/usr/bin/python3
"""Compares the values Lockstep wrote with the ones the Python reference printed.

Usage: compare_values.py eval|drift LOCKSTEP.json PYTHON.json [--tolerance 1e-9] [--details FILE]

eval:  the report card's metrics and every slice's metrics against {"metrics", "slices"} of reference_eval.py.
drift: each feature's psi, ks_statistic, ks_p_value and wasserstein_normed against reference_drift.py.
Prints one line: max_abs_diff worst_value compared over_tolerance missing. Every compared value goes to --details.
"""
import argparse
import json
import math

DRIFT_VALUES = ["psi", "ks_statistic", "ks_p_value", "wasserstein_normed"]


def pairs_eval(lockstep, python):
    yield from pairs_of("metrics", lockstep.get("metrics", {}), python["metrics"])
    slices = lockstep.get("slices", {})
    for name, metrics in python["slices"].items():
        yield from pairs_of(f"slices[{name}]", slices.get(name, {}), metrics)


def pairs_of(prefix, lockstep, python):
    for name in sorted(set(lockstep) | set(python)):
        yield f"{prefix}.{name}", lockstep.get(name), python.get(name)


def pairs_drift(lockstep, python):
    features = {f["feature"]: f for f in lockstep["features"]}
    for name, values in python["features"].items():
        for value in DRIFT_VALUES:
            yield f"{name}.{value}", features.get(name, {}).get(value), values.get(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["eval", "drift"])
    parser.add_argument("lockstep")
    parser.add_argument("python")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    parser.add_argument("--details")
    args = parser.parse_args()

    with open(args.lockstep, encoding="utf-8") as f:
        lockstep = json.load(f)
    with open(args.python, encoding="utf-8") as f:
        python = json.load(f)

    pairs = pairs_eval(lockstep, python) if args.kind == "eval" else pairs_drift(lockstep, python)
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
