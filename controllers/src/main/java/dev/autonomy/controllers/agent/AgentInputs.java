package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.Policy;
import java.util.List;
import java.util.Optional;

/**
 * Everything the Agent's children are built from, observed once per reconcile: the Agent, the
 * objects it is bound to, and operator settings. The factories are pure functions of it.
 *
 * @param image the planner image (spec.image or the operator's default)
 * @param runLocal label planner pods for the test ground's local runner
 */
public record AgentInputs(Agent agent, Optional<MemoryStore> memoryStore, List<Policy> policies, String image,
    boolean runLocal) {}
