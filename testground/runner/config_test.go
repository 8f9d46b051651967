package main

import "testing"

func TestRepositoryStripsTagAndDigest(t *testing.T) {
	cases := map[string]string{
		"autonomy/planner":                   "autonomy/planner",
		"autonomy/planner:0.1.0":             "autonomy/planner",
		"registry:5000/autonomy/planner:1":   "registry:5000/autonomy/planner",
		"autonomy/planner@sha256:abc":        "autonomy/planner",
		"autonomy/planner:1@sha256:abcdef12": "autonomy/planner",
	}
	for in, want := range cases {
		if got := repository(in); got != want {
			t.Errorf("repository(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLookupImageBySuffix(t *testing.T) {
	images := map[string]ImageConfig{"autonomy/planner": {Command: []string{"x"}}}
	if _, ok := lookupImage(images, "ghcr.io/acme/autonomy/planner:2"); !ok {
		t.Fatal("suffix match expected")
	}
	if _, ok := lookupImage(images, "ghcr.io/acme/other-planner:2"); ok {
		t.Fatal("no match expected")
	}
}
