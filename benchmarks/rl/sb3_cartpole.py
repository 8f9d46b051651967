"""Stable-Baselines3 DQN and PPO on CartPole-v1, measured the way our DJL trainer is measured.

Hyperparameters: rl-baselines3-zoo's tuned ones for CartPole-v1 (hyperparams/dqn.yml, ppo.yml); their
schedules run over the zoo's n_timesteps (DQN 5e4: epsilon reaches 0.04 after 8,000 steps; PPO 1e5:
lr_0.001 and clip_0.2 fall linearly to 0), whatever --max-steps is.

Solve criterion (the same as ours): every --eval-every env steps, a greedy evaluation of 100 episodes,
one on each of 100 CartPole-v1 copies reset once with seeds eval_seed+i; solved when the mean >= 475.
Training wall time excludes evaluation time, which is measured and reported on its own.
Seeded: the same seed and --threads give the same curve (a different thread count changes float sums, so
the curve too). --threads 1 is the default: on the shared 2-core machine 2 torch threads made DQN's
training 21x slower (501 s against 23 s to solve, seed 0, load 5-9) and PPO's no faster.

  "$(benchmarks/rl/setup-sb3.sh)/bin/python" benchmarks/rl/sb3_cartpole.py [--algos ppo,dqn]
      [--seeds 0,1,2] [--eval-every 5000] [--max-steps-ppo 200000] [--max-steps-dqn 100000]
      [--max-wall-s 900] [--threads 1] [--latency-calls 10000] [--out FILE]

Prints one JSON document (or writes it to --out); progress goes to stderr.
"""
import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import datetime, timezone

import gymnasium as gym
import numpy as np
import stable_baselines3
import torch
from stable_baselines3 import DQN, PPO
from stable_baselines3.common.callbacks import BaseCallback
from stable_baselines3.common.env_util import make_vec_env

ENV_ID = "CartPole-v1"
SOLVED = 475.0

# rl-baselines3-zoo, CartPole-v1. schedule_steps = the zoo's n_timesteps.
ZOO = {
    "ppo": dict(n_envs=8, schedule_steps=100_000, n_steps=32, batch_size=256, gae_lambda=0.8, gamma=0.98,
                n_epochs=20, ent_coef=0.0, learning_rate="lin_0.001", clip_range="lin_0.2",
                net_arch=dict(pi=[64, 64], vf=[64, 64])),
    "dqn": dict(n_envs=1, schedule_steps=50_000, learning_rate=2.3e-3, batch_size=64, buffer_size=100_000,
                learning_starts=1000, gamma=0.99, target_update_interval=10, train_freq=256,
                gradient_steps=128, exploration_fraction=0.16, exploration_final_eps=0.04,
                net_arch=[256, 256]),
}


def log(msg):
    print(f"[sb3 {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def linear(start, schedule_steps, total_steps):
    """The zoo's lin_<start> over schedule_steps env steps, for a learn() of total_steps."""
    return lambda progress_remaining: start * max(0.0, 1.0 - (1.0 - progress_remaining) * total_steps / schedule_steps)


def make_model(algo, seed, max_steps):
    h = ZOO[algo]
    env = make_vec_env(ENV_ID, n_envs=h["n_envs"], seed=seed)
    if algo == "ppo":
        return PPO("MlpPolicy", env, n_steps=h["n_steps"], batch_size=h["batch_size"], gae_lambda=h["gae_lambda"],
                   gamma=h["gamma"], n_epochs=h["n_epochs"], ent_coef=h["ent_coef"],
                   learning_rate=linear(0.001, h["schedule_steps"], max_steps),
                   clip_range=linear(0.2, h["schedule_steps"], max_steps),
                   policy_kwargs=dict(net_arch=h["net_arch"]), seed=seed, device="cpu", verbose=0)
    return DQN("MlpPolicy", env, learning_rate=h["learning_rate"], batch_size=h["batch_size"],
               buffer_size=h["buffer_size"], learning_starts=h["learning_starts"], gamma=h["gamma"],
               target_update_interval=h["target_update_interval"], train_freq=h["train_freq"],
               gradient_steps=h["gradient_steps"],
               exploration_fraction=h["exploration_fraction"] * h["schedule_steps"] / max_steps,
               exploration_final_eps=h["exploration_final_eps"], policy_kwargs=dict(net_arch=h["net_arch"]),
               seed=seed, device="cpu", verbose=0)


class Evaluator:
    """100 CartPole-v1 copies, each reset with seed eval_seed+i and run greedily to its end."""

    def __init__(self, episodes, eval_seed):
        self.envs = [gym.make(ENV_ID) for _ in range(episodes)]
        self.eval_seed = eval_seed

    def __call__(self, model):
        n = len(self.envs)
        obs = np.stack([env.reset(seed=self.eval_seed + i)[0] for i, env in enumerate(self.envs)])
        returns, active = np.zeros(n), np.ones(n, dtype=bool)
        while active.any():
            idx = np.flatnonzero(active)
            actions, _ = model.predict(obs[idx], deterministic=True)
            for i, action in zip(idx, actions):
                obs[i], reward, terminated, truncated, _ = self.envs[i].step(int(action))
                returns[i] += reward
                active[i] = not (terminated or truncated)
        return float(returns.mean()), float(returns.std())


class SolveCallback(BaseCallback):
    """Evaluates every eval_every env steps with the training clock stopped; stops when solved."""

    def __init__(self, evaluator, eval_every, max_wall_s):
        super().__init__()
        self.evaluator, self.eval_every, self.max_wall_s = evaluator, eval_every, max_wall_s
        self.next_eval, self.eval_wall, self.curve, self.solved_at = eval_every, 0.0, [], None

    def _on_training_start(self):
        self.start = time.perf_counter()

    def train_wall(self):
        return time.perf_counter() - self.start - self.eval_wall

    def _on_step(self):
        if self.num_timesteps >= self.next_eval:
            self.next_eval += self.eval_every
            train_wall, t0 = self.train_wall(), time.perf_counter()
            mean, std = self.evaluator(self.model)
            eval_s = time.perf_counter() - t0
            self.eval_wall += eval_s
            self.curve.append(dict(env_steps=self.num_timesteps, train_wall_s=round(train_wall, 3),
                                   eval_mean=mean, eval_std=round(std, 3), eval_wall_s=round(eval_s, 3)))
            log(f"  {self.num_timesteps:>7} steps  train {train_wall:7.1f} s  eval {mean:6.1f} ± {std:5.1f} ({eval_s:.1f} s)")
            if mean >= SOLVED:
                self.solved_at = self.curve[-1]
                return False
        return self.train_wall() < self.max_wall_s


def decision_latency_us(model, calls, warmup=1000):
    """model.predict(obs, deterministic=True) for one observation, on observations CartPole really visits."""
    env, observations = gym.make(ENV_ID), []
    obs, _ = env.reset(seed=123)
    rng = np.random.default_rng(123)
    while len(observations) < 1000:
        observations.append(obs)
        obs, _, terminated, truncated, _ = env.step(int(rng.integers(2)))
        if terminated or truncated:
            obs, _ = env.reset()
    for i in range(warmup):
        model.predict(observations[i % 1000], deterministic=True)
    times = np.empty(calls)
    for i in range(calls):
        t0 = time.perf_counter_ns()
        model.predict(observations[i % 1000], deterministic=True)
        times[i] = (time.perf_counter_ns() - t0) / 1000.0
    return dict(calls=calls, p50=round(float(np.percentile(times, 50)), 2),
                p99=round(float(np.percentile(times, 99)), 2), mean=round(float(times.mean()), 2))


def run(algo, seed, max_steps, args):
    log(f"{algo} seed {seed}: up to {max_steps} env steps or {args.max_wall_s} s of training")
    t0 = time.perf_counter()
    model = make_model(algo, seed, max_steps)
    setup_s = time.perf_counter() - t0
    callback = SolveCallback(Evaluator(args.eval_episodes, args.eval_seed), args.eval_every, args.max_wall_s)
    t0 = time.perf_counter()
    model.learn(total_timesteps=max_steps, callback=callback)
    learn_wall = time.perf_counter() - t0
    solved = callback.solved_at
    if solved is None and (not callback.curve or callback.curve[-1]["env_steps"] != model.num_timesteps):
        mean, std = callback.evaluator(model)  # the end of the budget, off the clock
        callback.curve.append(dict(env_steps=model.num_timesteps, train_wall_s=round(learn_wall - callback.eval_wall, 3),
                                   eval_mean=mean, eval_std=round(std, 3), eval_wall_s=None))
    latency = decision_latency_us(model, args.latency_calls)
    result = dict(algo=algo, seed=seed, solved=solved is not None,
                  solve_env_steps=solved and solved["env_steps"],
                  solve_train_wall_s=solved and solved["train_wall_s"],
                  solve_eval_wall_s=solved and round(callback.eval_wall, 3),
                  env_steps=model.num_timesteps, setup_s=round(setup_s, 3),
                  train_wall_s=round(learn_wall - callback.eval_wall, 3), eval_wall_s=round(callback.eval_wall, 3),
                  eval_count=sum(1 for p in callback.curve if p["eval_wall_s"] is not None),
                  total_wall_s=round(learn_wall, 3), final_eval_mean=callback.curve[-1]["eval_mean"],
                  curve=callback.curve, decision_us=latency)
    log(f"{algo} seed {seed}: " + (f"solved at {solved['env_steps']} steps, {solved['train_wall_s']:.1f} s training"
                                   if solved else "not solved") +
        f"; eval {callback.eval_wall:.1f} s; predict p50 {latency['p50']} µs p99 {latency['p99']} µs")
    return result


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def summarise(runs):
    return dict(seeds=len(runs), solved=sum(r["solved"] for r in runs),
                median_solve_env_steps=median([r["solve_env_steps"] for r in runs]),
                median_solve_train_wall_s=median([r["solve_train_wall_s"] for r in runs]),
                median_solve_eval_wall_s=median([r["solve_eval_wall_s"] for r in runs]),
                median_eval_wall_s_per_eval=median([r["eval_wall_s"] / r["eval_count"] for r in runs if r["eval_count"]]),
                median_decision_us_p50=median([r["decision_us"]["p50"] for r in runs]),
                median_decision_us_p99=median([r["decision_us"]["p99"] for r in runs]))


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return dict(cpu=cpu, cores=os.cpu_count(), mem_gib=round(mem_kb / 2**20, 1), load_avg_start=os.getloadavg()[0])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--algos", default="ppo,dqn")
    p.add_argument("--seeds", default="0", help="comma-separated training seeds")
    p.add_argument("--eval-every", type=int, default=5000)
    p.add_argument("--eval-episodes", type=int, default=100)
    p.add_argument("--eval-seed", type=int, default=10_000)
    p.add_argument("--max-steps-ppo", type=int, default=200_000)
    p.add_argument("--max-steps-dqn", type=int, default=100_000)
    p.add_argument("--max-wall-s", type=float, default=900, help="training seconds per run (evaluation excluded)")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (1: see above)")
    p.add_argument("--latency-calls", type=int, default=10_000)
    p.add_argument("--out")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    started, t0 = datetime.now(timezone.utc), time.perf_counter()
    info = machine()
    seeds = [int(s) for s in args.seeds.split(",")]
    algos = args.algos.split(",")
    max_steps = {"ppo": args.max_steps_ppo, "dqn": args.max_steps_dqn}
    runs = [run(algo, seed, max_steps[algo], args) for algo in algos for seed in seeds]
    info["load_avg_end"] = os.getloadavg()[0]

    doc = dict(
        benchmark="sb3-cartpole", date=started.isoformat(timespec="seconds"),
        command=" ".join([os.path.basename(sys.executable)] + sys.argv), machine=info,
        versions=dict(python=platform.python_version(), torch=torch.__version__,
                      stable_baselines3=stable_baselines3.__version__, gymnasium=gym.__version__,
                      numpy=np.__version__),
        settings=dict(env_id=ENV_ID, solve_threshold=SOLVED, eval_every=args.eval_every,
                      eval_episodes=args.eval_episodes, eval_seeds=f"{args.eval_seed}..{args.eval_seed + args.eval_episodes - 1}",
                      eval_policy="deterministic (greedy)", max_steps=max_steps, max_wall_s=args.max_wall_s,
                      threads=args.threads, seeds=seeds, latency_calls=args.latency_calls),
        hyperparameters={a: ZOO[a] for a in algos},
        summary={a: summarise([r for r in runs if r["algo"] == a]) for a in algos},
        runs=runs,
        series=[dict(label=f"SB3 {r['algo'].upper()} seed {r['seed']}",
                     points=[{k: pt[k] for k in ("env_steps", "train_wall_s", "eval_mean")} for pt in r["curve"]])
                for r in runs],
        total_wall_s=round(time.perf_counter() - t0, 1))
    text = json.dumps(doc, indent=1)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
        log(f"wrote {args.out}")
    else:
        print(text)


if __name__ == "__main__":
    main()
