// Command local-runner runs the real programs of pods labelled autonomy.dev/run-local=true as
// local processes, so that a kwok cluster can host our own images. It materialises env, args and
// volumes, assigns loopback ports, probes readiness and writes the pod's status like a kubelet.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"
)

const runLocalLabel = "autonomy.dev/run-local"

type runner struct {
	client     kubernetes.Interface
	restConfig *rest.Config
	imagesPath string
	repoRoot   string
	workDir    string
	services   cache.Indexer

	mu   sync.Mutex
	pods map[types.UID]*podRun
}

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig of the cluster")
	images := flag.String("images", "", "YAML table of images to local programs")
	repoRoot := flag.String("repo-root", ".", "repository root, ${REPO} in the image table")
	workDir := flag.String("work-dir", os.TempDir()+"/local-runner", "where pod files and logs go")
	flag.Parse()

	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		log.Fatalf("kubeconfig: %v", err)
	}
	cfg.QPS, cfg.Burst = 50, 100
	client := kubernetes.NewForConfigOrDie(cfg)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	factory := informers.NewSharedInformerFactory(client, 10*time.Minute)
	podFactory := informers.NewSharedInformerFactoryWithOptions(client, 10*time.Minute,
		informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.LabelSelector = runLocalLabel + "=true" }))
	r := &runner{client: client, restConfig: cfg, imagesPath: *images, repoRoot: *repoRoot,
		workDir: *workDir, services: factory.Core().V1().Services().Informer().GetIndexer(),
		pods: map[types.UID]*podRun{}}
	podInformer := podFactory.Core().V1().Pods().Informer()
	_, _ = podInformer.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { r.observe(ctx, obj.(*corev1.Pod)) },
		UpdateFunc: func(_, obj any) { r.observe(ctx, obj.(*corev1.Pod)) },
		DeleteFunc: func(obj any) {
			if tomb, ok := obj.(cache.DeletedFinalStateUnknown); ok {
				obj = tomb.Obj
			}
			if pod, ok := obj.(*corev1.Pod); ok {
				r.forget(pod.UID)
			}
		},
	})
	factory.Start(ctx.Done())
	podFactory.Start(ctx.Done())
	factory.WaitForCacheSync(ctx.Done())
	log.Printf("local runner watching pods labelled %s=true", runLocalLabel)
	<-ctx.Done()
	r.stopAll()
}

// observe starts a run for a newly scheduled pod and tells a running one about deletion.
func (r *runner) observe(ctx context.Context, pod *corev1.Pod) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if run, ok := r.pods[pod.UID]; ok {
		if pod.DeletionTimestamp != nil {
			run.requestStop(pod)
		}
		return
	}
	if pod.Spec.NodeName == "" || pod.DeletionTimestamp != nil ||
		pod.Status.Phase == corev1.PodSucceeded || pod.Status.Phase == corev1.PodFailed {
		if pod.DeletionTimestamp != nil && pod.Spec.NodeName != "" {
			go finishDeletion(ctx, r.client, pod) // never started here (e.g. runner restarted)
		}
		return
	}
	run := newPodRun(r, pod)
	r.pods[pod.UID] = run
	go func() {
		run.loop(ctx)
		r.mu.Lock()
		delete(r.pods, pod.UID)
		r.mu.Unlock()
	}()
}

func (r *runner) forget(uid types.UID) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if run, ok := r.pods[uid]; ok {
		run.requestStop(nil)
	}
}

func (r *runner) stopAll() {
	r.mu.Lock()
	runs := make([]*podRun, 0, len(r.pods))
	for _, run := range r.pods {
		runs = append(runs, run)
	}
	r.mu.Unlock()
	for _, run := range runs {
		run.requestStop(nil)
	}
	for _, run := range runs {
		<-run.done
	}
}
