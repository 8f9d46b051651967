package dev.autonomy.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CRDs committed at the top of {@code crds/} (what {@code kubectl apply -f crds/} and the Helm
 * chart install) must equal the ones generated from the Java model in this build.
 */
class CrdsUpToDateTest {

  private static final String HOW_TO_REFRESH = "The committed CRDs in crds/ are stale. Refresh them with\n"
      + "    ./mvnw -pl crds -am process-test-classes -Dcrds.update\n"
      + "then review and commit crds/*.yml.";

  @Test
  void committedCrdsEqualGeneratedOnes() throws IOException {
    List<Path> generated = TestFiles.yamlFiles(TestFiles.generatedCrds());
    assertThat(generated).as("generated CRDs").hasSize(4);

    List<String> problems = new ArrayList<>();
    for (Path fresh : generated) {
      Path committed = TestFiles.committedCrds().resolve(fresh.getFileName());
      if (!Files.exists(committed)) {
        problems.add("missing: crds/" + fresh.getFileName());
      } else if (!Files.readString(committed).equals(Files.readString(fresh))) {
        problems.add("differs: crds/" + fresh.getFileName() + " (first difference at line "
            + firstDifferentLine(Files.readAllLines(committed), Files.readAllLines(fresh)) + ")");
      }
    }
    for (Path committed : TestFiles.yamlFiles(TestFiles.committedCrds())) {
      if (!Files.exists(TestFiles.generatedCrds().resolve(committed.getFileName()))) {
        problems.add("not generated any more: crds/" + committed.getFileName());
      }
    }
    if (!problems.isEmpty()) {
      fail(HOW_TO_REFRESH + "\n" + String.join("\n", problems));
    }
  }

  private static int firstDifferentLine(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      if (!a.get(i).equals(b.get(i))) {
        return i + 1;
      }
    }
    return n + 1;
  }
}
