package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/util/retry"
)

const (
	portsAnnotation = "autonomy.dev/local-ports"
	maxBackoff      = 60 * time.Second
)

// podRun is the life of one pod: its process, restarts, probes and status.
type podRun struct {
	r     *runner
	pod   *corev1.Pod
	dir   string
	ports map[string]int

	stopOnce sync.Once
	stopCh   chan struct{}
	deleted  bool // the pod is being deleted (vs. vanished or runner shutdown)
	done     chan struct{}

	mu     sync.Mutex
	status corev1.ContainerStatus
}

func newPodRun(r *runner, pod *corev1.Pod) *podRun {
	restarts := int32(0)
	if len(pod.Status.ContainerStatuses) > 0 {
		restarts = pod.Status.ContainerStatuses[0].RestartCount
	}
	c := pod.Spec.Containers[0]
	return &podRun{r: r, pod: pod.DeepCopy(), dir: filepath.Join(r.workDir, pod.Namespace+"_"+pod.Name+"_"+string(pod.UID)[:8]),
		stopCh: make(chan struct{}), done: make(chan struct{}),
		status: corev1.ContainerStatus{Name: c.Name, Image: c.Image, ImageID: "local://" + repository(c.Image), RestartCount: restarts}}
}

func (p *podRun) requestStop(pod *corev1.Pod) {
	p.stopOnce.Do(func() {
		if pod != nil {
			p.deleted = true
			p.pod.DeletionGracePeriodSeconds = pod.DeletionGracePeriodSeconds
		}
		close(p.stopCh)
	})
}

func (p *podRun) stopped() bool {
	select {
	case <-p.stopCh:
		return true
	default:
		return false
	}
}

func (p *podRun) logf(format string, args ...any) {
	log.Printf("%s/%s: %s", p.pod.Namespace, p.pod.Name, fmt.Sprintf(format, args...))
}

func (p *podRun) loop(ctx context.Context) {
	defer close(p.done)
	spec, err := p.prepare(ctx)
	if err != nil {
		p.logf("cannot start: %v", err)
		p.fail(ctx, "CreateContainerConfigError", err.Error())
		p.waitForDeletion(ctx)
		return
	}
	backoff := time.Second
	for {
		startedAt := time.Now()
		exitCode, reason, err := p.runOnce(ctx, spec)
		if err != nil {
			p.logf("start failed: %v", err)
			p.fail(ctx, "StartError", err.Error())
			p.waitForDeletion(ctx)
			return
		}
		if p.stopped() {
			if p.deleted {
				finishDeletion(ctx, p.r.client, p.pod)
			}
			return
		}
		term := corev1.ContainerStateTerminated{ExitCode: int32(exitCode), Reason: reason,
			StartedAt: metav1.NewTime(startedAt), FinishedAt: metav1.Now()}
		policy := p.pod.Spec.RestartPolicy
		if policy == corev1.RestartPolicyNever || (policy == corev1.RestartPolicyOnFailure && exitCode == 0) {
			p.terminate(ctx, term)
			p.waitForDeletion(ctx)
			return
		}
		if time.Since(startedAt) > 10*time.Minute {
			backoff = time.Second
		}
		p.logf("exited with %d, restarting in %s", exitCode, backoff)
		p.update(ctx, func(st *corev1.ContainerStatus) {
			st.Ready, st.Started = false, ptr(false)
			st.LastTerminationState = corev1.ContainerState{Terminated: &term}
			st.State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff",
				Message: fmt.Sprintf("back-off %s restarting failed container %s", backoff, st.Name)}}
		})
		select {
		case <-time.After(backoff):
		case <-p.stopCh:
			if p.deleted {
				finishDeletion(ctx, p.r.client, p.pod)
			}
			return
		}
		backoff = min(2*backoff, maxBackoff)
		p.mu.Lock()
		p.status.RestartCount++
		p.mu.Unlock()
	}
}

// runOnce starts the process, probes it, and waits for it to exit or for a stop request.
func (p *podRun) runOnce(ctx context.Context, spec *processSpec) (int, string, error) {
	cmd := exec.Command(spec.command[0], spec.command[1:]...)
	cmd.Env, cmd.Dir = spec.env, spec.workDir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	logFile, err := os.OpenFile(filepath.Join(p.dir, p.status.Name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return 0, "", err
	}
	defer logFile.Close()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return 0, "", err
	}
	p.logf("started pid %d: %v", cmd.Process.Pid, spec.command)
	container := p.pod.Spec.Containers[0]
	p.update(ctx, func(st *corev1.ContainerStatus) {
		st.Started, st.Ready = ptr(true), container.ReadinessProbe == nil
		st.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.Now()}}
	})
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	probeCtx, cancelProbes := context.WithCancel(ctx)
	defer cancelProbes()
	go p.probe(probeCtx, container, spec, cmd.Process.Pid)

	var waitErr error
	select {
	case waitErr = <-exited:
	case <-p.stopCh:
		grace := int64(30)
		if p.pod.DeletionGracePeriodSeconds != nil {
			grace = *p.pod.DeletionGracePeriodSeconds
		} else if p.pod.Spec.TerminationGracePeriodSeconds != nil {
			grace = *p.pod.Spec.TerminationGracePeriodSeconds
		}
		p.logf("stopping pid %d (grace %ds)", cmd.Process.Pid, grace)
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case waitErr = <-exited:
		case <-time.After(time.Duration(grace) * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			waitErr = <-exited
		}
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // leftovers of the process group
	code, reason := 0, "Completed"
	var exitErr *exec.ExitError
	if errors.As(waitErr, &exitErr) {
		code, reason = exitErr.ExitCode(), "Error"
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			code = 128 + int(ws.Signal())
			if ws.Signal() == syscall.SIGKILL {
				reason = "OOMKilled" // the closest kubelet word for a SIGKILLed container
			}
		}
	}
	p.logf("pid %d exited with %d (%s)", cmd.Process.Pid, code, reason)
	return code, reason, nil
}

func (p *podRun) terminate(ctx context.Context, term corev1.ContainerStateTerminated) {
	p.update(ctx, func(st *corev1.ContainerStatus) {
		st.Ready, st.Started = false, ptr(false)
		st.State = corev1.ContainerState{Terminated: &term}
	})
}

func (p *podRun) fail(ctx context.Context, reason, message string) {
	p.update(ctx, func(st *corev1.ContainerStatus) {
		st.State = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 128, Reason: reason,
			Message: message, FinishedAt: metav1.Now()}}
	})
}

// waitForDeletion keeps a finished pod until it is deleted, then removes it like a kubelet.
func (p *podRun) waitForDeletion(ctx context.Context) {
	select {
	case <-p.stopCh:
		if p.deleted {
			finishDeletion(ctx, p.r.client, p.pod)
		}
	case <-ctx.Done():
	}
}

func (p *podRun) setReady(ctx context.Context, ready bool) {
	p.mu.Lock()
	changed := p.status.Ready != ready && p.status.State.Running != nil
	p.mu.Unlock()
	if changed {
		p.update(ctx, func(st *corev1.ContainerStatus) { st.Ready = ready })
	}
}

// update changes the container status and writes the whole pod status derived from it.
func (p *podRun) update(ctx context.Context, change func(*corev1.ContainerStatus)) {
	p.mu.Lock()
	change(&p.status)
	cs := *p.status.DeepCopy()
	p.mu.Unlock()
	err := retry.RetryOnConflict(retry.DefaultBackoff, func() error {
		pod, err := p.r.client.CoreV1().Pods(p.pod.Namespace).Get(ctx, p.pod.Name, metav1.GetOptions{})
		if err != nil {
			return err
		}
		if pod.UID != p.pod.UID {
			return apierrors.NewNotFound(corev1.Resource("pods"), p.pod.Name)
		}
		podStatus(pod, cs)
		_, err = p.r.client.CoreV1().Pods(pod.Namespace).UpdateStatus(ctx, pod, metav1.UpdateOptions{})
		return err
	})
	if err != nil && !apierrors.IsNotFound(err) && ctx.Err() == nil {
		p.logf("status update failed: %v", err)
	}
}

// podStatus derives the pod's phase and conditions from its one container, as a kubelet would.
func podStatus(pod *corev1.Pod, cs corev1.ContainerStatus) {
	now := metav1.Now()
	st := &pod.Status
	st.ContainerStatuses = []corev1.ContainerStatus{cs}
	st.HostIP, st.PodIP = "127.0.1.1", "127.0.0.1"
	st.HostIPs, st.PodIPs = []corev1.HostIP{{IP: st.HostIP}}, []corev1.PodIP{{IP: st.PodIP}}
	if st.StartTime == nil {
		st.StartTime = &now
	}
	switch {
	case cs.State.Terminated != nil && cs.State.Terminated.ExitCode == 0:
		st.Phase = corev1.PodSucceeded
	case cs.State.Terminated != nil:
		st.Phase = corev1.PodFailed
		st.Message = cs.State.Terminated.Message
	case cs.State.Running != nil || cs.LastTerminationState.Terminated != nil:
		st.Phase = corev1.PodRunning
	default:
		st.Phase = corev1.PodPending
	}
	ready := corev1.ConditionFalse
	if cs.Ready {
		ready = corev1.ConditionTrue
	}
	setCondition(st, corev1.PodScheduled, corev1.ConditionTrue, now)
	setCondition(st, corev1.PodInitialized, corev1.ConditionTrue, now)
	setCondition(st, corev1.ContainersReady, ready, now)
	setCondition(st, corev1.PodReady, ready, now)
}

func setCondition(st *corev1.PodStatus, t corev1.PodConditionType, s corev1.ConditionStatus, now metav1.Time) {
	for i := range st.Conditions {
		if st.Conditions[i].Type == t {
			if st.Conditions[i].Status != s {
				st.Conditions[i].Status, st.Conditions[i].LastTransitionTime = s, now
			}
			return
		}
	}
	st.Conditions = append(st.Conditions, corev1.PodCondition{Type: t, Status: s, LastTransitionTime: now})
}

// finishDeletion removes a pod whose deletion was requested, once its process is gone.
func finishDeletion(ctx context.Context, client kubernetes.Interface, pod *corev1.Pod) {
	uid := pod.UID
	err := client.CoreV1().Pods(pod.Namespace).Delete(ctx, pod.Name, metav1.DeleteOptions{
		GracePeriodSeconds: ptr(int64(0)), Preconditions: &metav1.Preconditions{UID: &uid}})
	if err != nil && !apierrors.IsNotFound(err) && !apierrors.IsConflict(err) {
		log.Printf("%s/%s: delete failed: %v", pod.Namespace, pod.Name, err)
	}
}

// annotatePorts publishes the loopback ports assigned to the pod's container ports.
func (p *podRun) annotatePorts(ctx context.Context) error {
	data, _ := json.Marshal(p.ports)
	patch, _ := json.Marshal(map[string]any{"metadata": map[string]any{"annotations": map[string]string{portsAnnotation: string(data)}}})
	_, err := p.r.client.CoreV1().Pods(p.pod.Namespace).Patch(ctx, p.pod.Name, types.MergePatchType, patch, metav1.PatchOptions{})
	return err
}

func ptr[T any](v T) *T { return &v }
