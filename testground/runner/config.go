package main

import (
	"fmt"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

// ImageConfig maps an image repository to the local program that stands in for it.
type ImageConfig struct {
	// Command starts the program; the container's args are appended.
	Command []string `json:"command"`
	// Env is added to the container's env. ${PORT_<NAME>} and ${PORT} name the assigned ports.
	Env map[string]string `json:"env,omitempty"`
}

type imagesFile struct {
	Images map[string]ImageConfig `json:"images"`
}

// loadImages reads the image table; it is read again for every pod start, so it can change live.
func loadImages(path, repoRoot string) (map[string]ImageConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = []byte(strings.ReplaceAll(string(data), "${REPO}", repoRoot))
	var f imagesFile
	if err := yaml.UnmarshalStrict(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f.Images, nil
}

// repository strips tag and digest: "ghcr.io/x/planner:1.0" -> "ghcr.io/x/planner".
func repository(image string) string {
	if i := strings.Index(image, "@"); i >= 0 {
		image = image[:i]
	}
	if i := strings.LastIndex(image, ":"); i > strings.LastIndex(image, "/") {
		image = image[:i]
	}
	return image
}

// lookupImage matches the repository exactly or by its trailing path ("autonomy/planner"
// matches "registry.example/autonomy/planner").
func lookupImage(images map[string]ImageConfig, image string) (ImageConfig, bool) {
	repo := repository(image)
	if c, ok := images[repo]; ok {
		return c, true
	}
	for key, c := range images {
		if strings.HasSuffix(repo, "/"+key) {
			return c, true
		}
	}
	return ImageConfig{}, false
}
