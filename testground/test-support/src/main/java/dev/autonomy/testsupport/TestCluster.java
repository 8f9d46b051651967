package dev.autonomy.testsupport;

import io.fabric8.kubernetes.client.Config;

/**
 * A Kubernetes cluster tests can use.
 *
 * @param kind what it is: "kubeconfig", "k3s" or "testground"
 * @param kubeconfig the kubeconfig file's content
 * @param config a Fabric8 client configuration built from it
 */
public record TestCluster(String kind, String kubeconfig, Config config) {}
