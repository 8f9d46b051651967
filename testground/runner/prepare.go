package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	authv1 "k8s.io/api/authentication/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// processSpec is everything needed to start the container's program locally.
type processSpec struct {
	command []string
	env     []string
	workDir string
	mounts  []mount // longest mount path first
}

type mount struct{ path, local string }

func (p *podRun) prepare(ctx context.Context) (*processSpec, error) {
	pod := p.pod
	if len(pod.Spec.Containers) != 1 {
		return nil, fmt.Errorf("the local runner runs pods with exactly one container, this one has %d", len(pod.Spec.Containers))
	}
	c := pod.Spec.Containers[0]
	images, err := loadImages(p.r.imagesPath, p.r.repoRoot)
	if err != nil {
		return nil, err
	}
	image, ok := lookupImage(images, c.Image)
	if !ok || len(image.Command) == 0 {
		return nil, fmt.Errorf("no local program for image %q in %s", c.Image, p.r.imagesPath)
	}
	if err := os.MkdirAll(filepath.Join(p.dir, "tmp"), 0o755); err != nil {
		return nil, err
	}
	if err := p.assignPorts(c); err != nil {
		return nil, err
	}
	if err := p.annotatePorts(ctx); err != nil {
		return nil, fmt.Errorf("annotating ports: %w", err)
	}
	spec := &processSpec{workDir: p.dir}
	if spec.mounts, err = p.materializeVolumes(ctx, c); err != nil {
		return nil, err
	}
	env, err := p.environment(ctx, c, image, spec)
	if err != nil {
		return nil, err
	}
	spec.env = env
	spec.command = append([]string{}, image.Command...)
	for _, a := range c.Args {
		spec.command = append(spec.command, p.rewrite(spec, expandEnv(a, env)))
	}
	if c.WorkingDir != "" {
		spec.workDir = p.localPath(spec, c.WorkingDir)
		_ = os.MkdirAll(spec.workDir, 0o755)
	}
	return spec, nil
}

func (p *podRun) assignPorts(c corev1.Container) error {
	p.ports = map[string]int{}
	for _, cp := range c.Ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		port := l.Addr().(*net.TCPAddr).Port
		_ = l.Close()
		p.ports[strconv.Itoa(int(cp.ContainerPort))] = port
		if cp.Name != "" {
			p.ports[cp.Name] = port
		}
	}
	return nil
}

// environment builds the process env: host basics, in-cluster settings pointed at loopback,
// assigned ports, the image's env, then the container's env (which wins), DJL kept offline.
func (p *podRun) environment(ctx context.Context, c corev1.Container, image ImageConfig, spec *processSpec) ([]string, error) {
	env := map[string]string{}
	for _, k := range []string{"PATH", "HOME", "JAVA_HOME", "LANG", "AUTONOMY_CACHE"} {
		if v, ok := os.LookupEnv(k); ok {
			env[k] = v
		}
	}
	env["TMPDIR"] = filepath.Join(p.dir, "tmp")
	env["HOSTNAME"] = p.pod.Name
	host, port := apiServerHostPort(p.r.restConfig.Host)
	env["KUBERNETES_SERVICE_HOST"], env["KUBERNETES_SERVICE_PORT"] = host, port
	env["KUBERNETES_MASTER"] = p.r.restConfig.Host
	env["KUBERNETES_NAMESPACE"] = p.pod.Namespace
	if sa := p.serviceAccountDir(spec); sa != "" {
		env["KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN"] = filepath.Join(sa, "token")
		env["KUBERNETES_CERTS_CA_FILE"] = filepath.Join(sa, "ca.crt")
	}
	var names []string
	for name := range p.ports {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		env["PORT_"+envName(name)] = strconv.Itoa(p.ports[name])
	}
	if len(c.Ports) > 0 {
		env["PORT"] = strconv.Itoa(p.ports[strconv.Itoa(int(c.Ports[0].ContainerPort))])
	}
	// Only values that come from the image or the pod are rewritten: the runner's own (local paths
	// such as TMPDIR or the token file) already point at this machine.
	for k, v := range image.Env {
		env[k] = p.rewrite(spec, os.Expand(v, func(n string) string { return env[n] }))
	}
	for _, from := range c.EnvFrom {
		data, err := p.envFromSource(ctx, from)
		if err != nil {
			return nil, err
		}
		for k, v := range data {
			env[from.Prefix+k] = p.rewrite(spec, v)
		}
	}
	for _, e := range c.Env {
		v, err := p.envValue(ctx, e)
		if err != nil {
			return nil, err
		}
		env[e.Name] = p.rewrite(spec, expandEnv(v, mapToList(env)))
	}
	env["DJL_OFFLINE"], env["OPT_OUT_TRACKING"] = "true", "true"
	return mapToList(env), nil
}

func (p *podRun) envFromSource(ctx context.Context, from corev1.EnvFromSource) (map[string]string, error) {
	ns := p.pod.Namespace
	switch {
	case from.ConfigMapRef != nil:
		cm, err := p.r.client.CoreV1().ConfigMaps(ns).Get(ctx, from.ConfigMapRef.Name, metav1.GetOptions{})
		if err != nil {
			return optional(from.ConfigMapRef.Optional, err)
		}
		return cm.Data, nil
	case from.SecretRef != nil:
		s, err := p.r.client.CoreV1().Secrets(ns).Get(ctx, from.SecretRef.Name, metav1.GetOptions{})
		if err != nil {
			return optional(from.SecretRef.Optional, err)
		}
		out := map[string]string{}
		for k, v := range s.Data {
			out[k] = string(v)
		}
		return out, nil
	}
	return nil, nil
}

func (p *podRun) envValue(ctx context.Context, e corev1.EnvVar) (string, error) {
	if e.ValueFrom == nil {
		return e.Value, nil
	}
	ns, vf := p.pod.Namespace, e.ValueFrom
	switch {
	case vf.ConfigMapKeyRef != nil:
		cm, err := p.r.client.CoreV1().ConfigMaps(ns).Get(ctx, vf.ConfigMapKeyRef.Name, metav1.GetOptions{})
		if err != nil {
			_, err = optional(vf.ConfigMapKeyRef.Optional, err)
			return "", err
		}
		v, ok := cm.Data[vf.ConfigMapKeyRef.Key]
		if !ok && !isTrue(vf.ConfigMapKeyRef.Optional) {
			return "", fmt.Errorf("env %s: key %q not in ConfigMap %s", e.Name, vf.ConfigMapKeyRef.Key, cm.Name)
		}
		return v, nil
	case vf.SecretKeyRef != nil:
		s, err := p.r.client.CoreV1().Secrets(ns).Get(ctx, vf.SecretKeyRef.Name, metav1.GetOptions{})
		if err != nil {
			_, err = optional(vf.SecretKeyRef.Optional, err)
			return "", err
		}
		v, ok := s.Data[vf.SecretKeyRef.Key]
		if !ok && !isTrue(vf.SecretKeyRef.Optional) {
			return "", fmt.Errorf("env %s: key %q not in Secret %s", e.Name, vf.SecretKeyRef.Key, s.Name)
		}
		return string(v), nil
	case vf.FieldRef != nil:
		return p.fieldValue(vf.FieldRef.FieldPath), nil
	case vf.ResourceFieldRef != nil:
		return "", nil
	}
	return "", nil
}

func (p *podRun) fieldValue(path string) string {
	pod := p.pod
	switch path {
	case "metadata.name":
		return pod.Name
	case "metadata.namespace":
		return pod.Namespace
	case "metadata.uid":
		return string(pod.UID)
	case "spec.nodeName":
		return pod.Spec.NodeName
	case "spec.serviceAccountName":
		return pod.Spec.ServiceAccountName
	case "status.podIP", "status.hostIP":
		return "127.0.0.1"
	}
	if m := regexp.MustCompile(`^metadata\.(labels|annotations)\['(.+)'\]$`).FindStringSubmatch(path); m != nil {
		if m[1] == "labels" {
			return pod.Labels[m[2]]
		}
		return pod.Annotations[m[2]]
	}
	return ""
}

// materializeVolumes writes each mounted volume into the pod's directory.
func (p *podRun) materializeVolumes(ctx context.Context, c corev1.Container) ([]mount, error) {
	volumes := map[string]corev1.Volume{}
	for _, v := range p.pod.Spec.Volumes {
		volumes[v.Name] = v
	}
	var mounts []mount
	done := map[string]string{}
	for _, vm := range c.VolumeMounts {
		v, ok := volumes[vm.Name]
		if !ok {
			return nil, fmt.Errorf("volume mount %s names no volume", vm.Name)
		}
		local, ok := done[vm.Name]
		if !ok {
			var err error
			if local, err = p.materialize(ctx, v); err != nil {
				return nil, fmt.Errorf("volume %s: %w", vm.Name, err)
			}
			done[vm.Name] = local
		}
		mounts = append(mounts, mount{path: filepath.Clean(vm.MountPath), local: filepath.Join(local, vm.SubPath)})
	}
	sort.Slice(mounts, func(i, j int) bool { return len(mounts[i].path) > len(mounts[j].path) })
	return mounts, nil
}

func (p *podRun) materialize(ctx context.Context, v corev1.Volume) (string, error) {
	dir := filepath.Join(p.dir, "volumes", v.Name)
	ns := p.pod.Namespace
	switch {
	case v.PersistentVolumeClaim != nil:
		// Claims outlive pods: a replacement pod sees what the last one wrote.
		dir = filepath.Join(p.r.workDir, "pvc", ns, v.PersistentVolumeClaim.ClaimName)
	case v.ConfigMap != nil:
		if err := p.writeConfigMap(ctx, dir, v.ConfigMap.Name, v.ConfigMap.Items, v.ConfigMap.Optional); err != nil {
			return "", err
		}
	case v.Secret != nil:
		if err := p.writeSecret(ctx, dir, v.Secret.SecretName, v.Secret.Items, v.Secret.Optional); err != nil {
			return "", err
		}
	case v.Projected != nil:
		for _, src := range v.Projected.Sources {
			var err error
			switch {
			case src.ServiceAccountToken != nil:
				err = p.writeToken(ctx, filepath.Join(dir, src.ServiceAccountToken.Path), src.ServiceAccountToken)
			case src.ConfigMap != nil:
				err = p.writeConfigMap(ctx, dir, src.ConfigMap.Name, src.ConfigMap.Items, src.ConfigMap.Optional)
			case src.Secret != nil:
				err = p.writeSecret(ctx, dir, src.Secret.Name, src.Secret.Items, src.Secret.Optional)
			case src.DownwardAPI != nil:
				for _, item := range src.DownwardAPI.Items {
					if item.FieldRef != nil {
						err = writeFile(filepath.Join(dir, item.Path), []byte(p.fieldValue(item.FieldRef.FieldPath)))
					}
				}
			}
			if err != nil {
				return "", err
			}
		}
	case v.EmptyDir != nil, v.HostPath != nil, v.Ephemeral != nil:
		// Each becomes a private directory; a host path is never exposed.
	default:
		return "", fmt.Errorf("volume type not supported by the local runner")
	}
	return dir, os.MkdirAll(dir, 0o755)
}

func (p *podRun) writeConfigMap(ctx context.Context, dir, name string, items []corev1.KeyToPath, opt *bool) error {
	cm, err := p.r.client.CoreV1().ConfigMaps(p.pod.Namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		_, err = optional(opt, err)
		return err
	}
	data := map[string][]byte{}
	for k, v := range cm.Data {
		data[k] = []byte(p.rewrite(nil, v))
	}
	for k, v := range cm.BinaryData {
		data[k] = v
	}
	return writeKeys(dir, data, items)
}

func (p *podRun) writeSecret(ctx context.Context, dir, name string, items []corev1.KeyToPath, opt *bool) error {
	s, err := p.r.client.CoreV1().Secrets(p.pod.Namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		_, err = optional(opt, err)
		return err
	}
	return writeKeys(dir, s.Data, items)
}

func (p *podRun) writeToken(ctx context.Context, path string, src *corev1.ServiceAccountTokenProjection) error {
	sa := p.pod.Spec.ServiceAccountName
	if sa == "" {
		sa = "default"
	}
	req := &authv1.TokenRequest{Spec: authv1.TokenRequestSpec{ExpirationSeconds: src.ExpirationSeconds,
		BoundObjectRef: &authv1.BoundObjectReference{Kind: "Pod", APIVersion: "v1", Name: p.pod.Name, UID: p.pod.UID}}}
	if src.Audience != "" {
		req.Spec.Audiences = []string{src.Audience}
	}
	tok, err := p.r.client.CoreV1().ServiceAccounts(p.pod.Namespace).CreateToken(ctx, sa, req, metav1.CreateOptions{})
	if err != nil {
		return fmt.Errorf("token for service account %s: %w", sa, err)
	}
	return writeFile(path, []byte(tok.Status.Token))
}

// serviceAccountDir is the local directory behind the pod's service-account mount, if any.
func (p *podRun) serviceAccountDir(spec *processSpec) string {
	const saPath = "/var/run/secrets/kubernetes.io/serviceaccount"
	for _, m := range spec.mounts {
		if m.path == saPath {
			if ca := p.r.restConfig.CAData; len(ca) > 0 {
				_ = writeFile(filepath.Join(m.local, "ca.crt"), ca)
			} else if p.r.restConfig.CAFile != "" {
				if ca, err := os.ReadFile(p.r.restConfig.CAFile); err == nil {
					_ = writeFile(filepath.Join(m.local, "ca.crt"), ca)
				}
			}
			return m.local
		}
	}
	return ""
}

func writeKeys(dir string, data map[string][]byte, items []corev1.KeyToPath) error {
	if len(items) == 0 {
		for k, v := range data {
			if err := writeFile(filepath.Join(dir, k), v); err != nil {
				return err
			}
		}
		return nil
	}
	for _, it := range items {
		if err := writeFile(filepath.Join(dir, it.Path), data[it.Key]); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

func optional(opt *bool, err error) (map[string]string, error) {
	if isTrue(opt) {
		return nil, nil
	}
	return nil, err
}

func isTrue(b *bool) bool { return b != nil && *b }

func envName(s string) string {
	return strings.ToUpper(regexp.MustCompile(`[^A-Za-z0-9]`).ReplaceAllString(s, "_"))
}

func mapToList(env map[string]string) []string {
	out := make([]string, 0, len(env))
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// expandEnv applies Kubernetes' $(VAR) expansion.
func expandEnv(s string, env []string) string {
	vars := map[string]string{}
	for _, kv := range env {
		if i := strings.IndexByte(kv, '='); i > 0 {
			vars[kv[:i]] = kv[i+1:]
		}
	}
	return regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*)\)`).ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := vars[m[2:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

func apiServerHostPort(hostURL string) (string, string) {
	h := strings.TrimPrefix(strings.TrimPrefix(hostURL, "https://"), "http://")
	if host, port, err := net.SplitHostPort(h); err == nil {
		return host, port
	}
	return h, "443"
}
