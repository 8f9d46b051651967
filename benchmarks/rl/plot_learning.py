"""Learning curves of CartPole-v1 runs as one PNG: greedy evaluation mean vs env steps and vs training wall time.

  python plot_learning.py OUT.png CURVES.json [CURVES.json ...] [--title TEXT]

Each JSON file is either a list of series or a document with a "series" list (sb3_cartpole.py writes one);
a series is {"label": ..., "points": [{"env_steps", "train_wall_s", "eval_mean"}, ...]}.
"""
import argparse
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SOLVED = 475
# One colour per library and algorithm, one line style per seed: "ours PPO seed 1" → green, dashed.
COLOURS = {"ours dqn": "tab:blue", "ours ppo": "tab:green", "sb3 dqn": "tab:orange", "sb3 ppo": "tab:red"}
STYLES = ["-", "--", ":", "-."]


def style(label):
    words = label.lower().split()
    colour = COLOURS.get(" ".join(words[:2]))
    seed = int(words[-1]) if words and words[-1].isdigit() else 0
    return dict(color=colour, linestyle=STYLES[seed % len(STYLES)])


def load_series(path):
    with open(path) as f:
        doc = json.load(f)
    return doc["series"] if isinstance(doc, dict) else doc


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out")
    p.add_argument("curves", nargs="+")
    p.add_argument("--title", default="CartPole-v1: greedy evaluation over 100 episodes")
    args = p.parse_args()

    series = [s for path in args.curves for s in load_series(path)]
    fig, (by_steps, by_wall) = plt.subplots(1, 2, figsize=(13, 5), sharey=True)
    for s in series:
        points = sorted(s["points"], key=lambda pt: pt["env_steps"])
        mean = [pt["eval_mean"] for pt in points]
        look = style(s["label"])
        line, = by_steps.plot([pt["env_steps"] for pt in points], mean, marker="o", ms=3, label=s["label"], **look)
        look["color"] = line.get_color()
        by_wall.plot([pt["train_wall_s"] for pt in points], mean, marker="o", ms=3, **look)
    for ax, xlabel in ((by_steps, "env steps"), (by_wall, "training wall time, s (evaluation excluded)")):
        ax.axhline(SOLVED, color="grey", linestyle="--", linewidth=1)
        ax.text(0.01, SOLVED - 4, f"solved: mean ≥ {SOLVED}", transform=ax.get_yaxis_transform(), color="grey", va="top")
        ax.set_xlabel(xlabel)
        ax.set_xlim(left=0)
        ax.set_ylim(0, 520)
        ax.grid(alpha=0.3)
    by_steps.set_ylabel("mean reward, 100 greedy episodes")
    by_steps.legend(fontsize=8, loc="best")
    fig.suptitle(args.title)
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)
    print(f"wrote {args.out} ({len(series)} series)")


if __name__ == "__main__":
    main()
