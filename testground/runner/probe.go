package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// probe runs the container's probes against the local process like a kubelet: the startup probe
// first (killing a process that never starts), then readiness and liveness.
func (p *podRun) probe(ctx context.Context, c corev1.Container, spec *processSpec, pid int) {
	if c.StartupProbe != nil && !p.untilStarted(ctx, c.StartupProbe, spec) {
		if ctx.Err() == nil {
			p.logf("startup probe failed: killing pid %d", pid)
			_ = syscall.Kill(-pid, syscall.SIGKILL)
		}
		return
	}
	if c.ReadinessProbe != nil {
		go p.probeLoop(ctx, c.ReadinessProbe, spec, true, func(ok bool) { p.setReady(ctx, ok) })
	}
	if c.LivenessProbe != nil {
		go p.probeLoop(ctx, c.LivenessProbe, spec, false, func(ok bool) {
			if !ok {
				p.logf("liveness probe failed: killing pid %d", pid)
				_ = syscall.Kill(-pid, syscall.SIGKILL)
			}
		})
	}
}

// untilStarted polls the startup probe until it succeeds, or until failureThreshold × period passed.
func (p *podRun) untilStarted(ctx context.Context, pr *corev1.Probe, spec *processSpec) bool {
	period := time.Duration(max(pr.PeriodSeconds, 1)) * time.Second
	deadline := time.Now().Add(time.Duration(pr.InitialDelaySeconds)*time.Second + time.Duration(max(pr.FailureThreshold, 3))*period)
	timeout := time.Duration(max(pr.TimeoutSeconds, 1)) * time.Second
	for time.Now().Before(deadline) {
		if p.check(ctx, pr, spec, timeout) == nil {
			return true
		}
		select {
		case <-time.After(250 * time.Millisecond):
		case <-ctx.Done():
			return false
		}
	}
	return false
}

// probeLoop reports a result each time the success or failure threshold is crossed. Readiness is
// polled faster than its period (tests should not wait on production periods); liveness keeps its
// period, so a slow moment is not mistaken for a dead process.
func (p *podRun) probeLoop(ctx context.Context, pr *corev1.Probe, spec *processSpec, fast bool, report func(bool)) {
	period := time.Duration(max(pr.PeriodSeconds, 1)) * time.Second
	if fast {
		period = min(period, 2*time.Second)
	}
	timeout := time.Duration(max(pr.TimeoutSeconds, 1)) * time.Second
	success, failure := max(pr.SuccessThreshold, 1), max(pr.FailureThreshold, 3)
	select {
	case <-time.After(time.Duration(pr.InitialDelaySeconds) * time.Second):
	case <-ctx.Done():
		return
	}
	var ok, bad int32
	for {
		if err := p.check(ctx, pr, spec, timeout); err == nil {
			ok, bad = ok+1, 0
			if ok == success {
				report(true)
			}
		} else {
			ok, bad = 0, bad+1
			if bad == failure {
				report(false)
			}
		}
		next := period
		if fast {
			next = min(period, 500*time.Millisecond*time.Duration(1+ok+bad))
		}
		select {
		case <-time.After(next):
		case <-ctx.Done():
			return
		}
	}
}

func (p *podRun) check(ctx context.Context, pr *corev1.Probe, spec *processSpec, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	switch {
	case pr.HTTPGet != nil:
		port, err := p.localPort(pr.HTTPGet.Port)
		if err != nil {
			return err
		}
		scheme := "http"
		if pr.HTTPGet.Scheme == corev1.URISchemeHTTPS {
			scheme = "https"
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s://127.0.0.1:%d%s", scheme, port, pr.HTTPGet.Path), nil)
		client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode >= 400 {
			return fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		return nil
	case pr.TCPSocket != nil, pr.GRPC != nil:
		var target intstr.IntOrString
		if pr.TCPSocket != nil {
			target = pr.TCPSocket.Port
		} else {
			target = intstr.FromInt32(pr.GRPC.Port)
		}
		port, err := p.localPort(target)
		if err != nil {
			return err
		}
		conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err == nil {
			conn.Close()
		}
		return err
	case pr.Exec != nil && len(pr.Exec.Command) > 0:
		cmd := exec.CommandContext(ctx, pr.Exec.Command[0], pr.Exec.Command[1:]...)
		cmd.Env, cmd.Dir = spec.env, spec.workDir
		return cmd.Run()
	}
	return nil
}

func (p *podRun) localPort(port intstr.IntOrString) (int, error) {
	if local, ok := p.ports[port.String()]; ok {
		return local, nil
	}
	return 0, fmt.Errorf("port %s is not a declared container port", port.String())
}
