package dev.autonomy.rl.checkpoint;

import dev.autonomy.rl.nn.Mlp;

/**
 * What {@code state.json} holds beside the arrays: counters, lineage and the acting network's
 * shape (so a server can load it without the Policy spec).
 */
public record CheckpointMeta(String id, long step, long updates, long episodes, double meanReward, String parent,
    String time, String algorithm, String environment, int[] actorSizes, Mlp.Activation actorActivation,
    int actorArrays) {}
