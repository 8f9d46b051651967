"""Records Gymnasium trajectories the Java environments must match step for step.

Run with a Python that has gymnasium (e.g. the SB3 benchmark venv):
  python record.py > trajectories.json
"""
import json
import random

import gymnasium as gym


def record(env_id, seed, policy, steps=600):
    env = gym.make(env_id)
    obs, _ = env.reset(seed=seed)
    state = [float(v) for v in env.unwrapped.state]
    rng = random.Random(seed)
    out = {"env": env_id, "seed": seed, "initialState": state, "steps": []}
    for _ in range(steps):
        action = policy(obs, rng)
        obs, reward, terminated, truncated, _ = env.step(action)
        out["steps"].append({"action": int(action), "observation": [float(v) for v in obs],
                             "reward": float(reward), "terminated": bool(terminated), "truncated": bool(truncated)})
        if terminated or truncated:
            break
    return out


def random_policy(n):
    return lambda obs, rng: rng.randrange(n)


def balance(obs, rng):
    # A PD controller that keeps the pole up for the whole episode (reaches truncation at 500).
    return 1 if obs[2] + 0.5 * obs[3] + 0.01 * obs[0] + 0.1 * obs[1] > 0 else 0


def swing(obs, rng):
    return 2 if obs[1] >= 0 else 0


print(json.dumps({"gymnasium": gym.__version__, "trajectories": [
    record("CartPole-v1", 1, random_policy(2)),
    record("CartPole-v1", 2, random_policy(2)),
    record("CartPole-v1", 3, balance),
    record("MountainCar-v0", 4, random_policy(3)),
    record("MountainCar-v0", 5, swing),
]}))
