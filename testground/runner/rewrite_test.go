package main

import "testing"

func TestMountPathsAreRewrittenOnceEvenUnderTmp(t *testing.T) {
	p := &podRun{r: &runner{}}
	spec := &processSpec{mounts: []mount{
		{path: "/etc/autonomy/planner", local: "/tmp/state/pod/volumes/config"},
		{path: "/tmp", local: "/tmp/state/pod/volumes/tmp"},
	}}
	cases := map[string]string{
		"/etc/autonomy/planner/planner.json":        "/tmp/state/pod/volumes/config/planner.json",
		"/tmp":                                      "/tmp/state/pod/volumes/tmp",
		"--config=/etc/autonomy/planner/x,/tmp/y":   "--config=/tmp/state/pod/volumes/config/x,/tmp/state/pod/volumes/tmp/y",
		"/etc/autonomy/plannerx/file":               "/etc/autonomy/plannerx/file",
	}
	for in, want := range cases {
		if got := p.rewrite(spec, in); got != want {
			t.Errorf("rewrite(%q) = %q, want %q", in, got, want)
		}
	}
}
