package main

import (
	"encoding/json"
	"log"
	"regexp"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// localAddressAnnotation on a Service names the loopback address that stands in for it
// (e.g. a test ground's PostgreSQL behind a MemoryStore's Service).
const localAddressAnnotation = "autonomy.dev/local-address"

// <service>.<namespace>[.svc[.cluster.local]]:<port>
var serviceAddress = regexp.MustCompile(`\b([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.svc(\.cluster\.local)?)?:([0-9]{1,5})\b`)

// rewrite points in-cluster Service addresses at loopback and mount paths at local directories.
func (p *podRun) rewrite(spec *processSpec, value string) string {
	value = serviceAddress.ReplaceAllStringFunc(value, func(addr string) string {
		m := serviceAddress.FindStringSubmatch(addr)
		port, _ := strconv.Atoi(m[7])
		if local, ok := p.r.resolveService(m[3], m[1], int32(port)); ok {
			return local
		}
		return addr
	})
	if spec != nil && len(spec.mounts) > 0 {
		// One pass over all mount paths (longest first), so a rewritten path is never rewritten again
		// (a local directory under /tmp must not match a container's /tmp mount).
		alternatives := make([]string, len(spec.mounts))
		local := map[string]string{}
		for i, mt := range spec.mounts {
			alternatives[i] = regexp.QuoteMeta(mt.path)
			local[mt.path] = mt.local
		}
		re := regexp.MustCompile(`(^|[=:,\s"'])(` + strings.Join(alternatives, "|") + `)(/|$|[\s,"':])`)
		value = re.ReplaceAllStringFunc(value, func(m string) string {
			g := re.FindStringSubmatch(m)
			return g[1] + local[g[2]] + g[3]
		})
	}
	return value
}

func (p *podRun) localPath(spec *processSpec, path string) string {
	return p.rewrite(spec, path)
}

// resolveService finds the loopback address behind a Service port: its annotation, or the port
// the local runner assigned to a local-run pod the Service selects.
func (r *runner) resolveService(namespace, name string, port int32) (string, bool) {
	obj, ok, _ := r.services.GetByKey(namespace + "/" + name)
	if !ok {
		return "", false
	}
	svc := obj.(*corev1.Service)
	if addr := svc.Annotations[localAddressAnnotation]; addr != "" {
		return addr, true
	}
	var sp *corev1.ServicePort
	for i := range svc.Spec.Ports {
		if svc.Spec.Ports[i].Port == port {
			sp = &svc.Spec.Ports[i]
		}
	}
	if sp == nil || len(svc.Spec.Selector) == 0 {
		return "", false
	}
	target := sp.TargetPort
	if target.Type == intstr.Int && target.IntVal == 0 {
		target = intstr.FromInt32(sp.Port)
	}
	selector := labels.SelectorFromSet(svc.Spec.Selector)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, run := range r.pods {
		if run.pod.Namespace != namespace || !selector.Matches(labels.Set(run.pod.Labels)) {
			continue
		}
		ports := run.ports
		if ports == nil {
			ports = annotatedPorts(run.pod)
		}
		if local, ok := ports[target.String()]; ok {
			return "127.0.0.1:" + strconv.Itoa(local), true
		}
	}
	log.Printf("service %s/%s:%d selects no started local pod; address left as is", namespace, name, port)
	return "", false
}

func annotatedPorts(pod *corev1.Pod) map[string]int {
	var ports map[string]int
	_ = json.Unmarshal([]byte(pod.Annotations[portsAnnotation]), &ports)
	return ports
}
