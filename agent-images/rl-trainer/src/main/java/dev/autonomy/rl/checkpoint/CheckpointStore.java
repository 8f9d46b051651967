package dev.autonomy.rl.checkpoint;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checkpoints on a volume: {@code <dir>/<id>/{model.params, optimizer.params, state.json}}, written
 * to {@code .tmp-<id>} and renamed into place, so any directory with a readable state.json is
 * complete. Ids sort by step: {@code g<generation>-s<step, 10 digits>}.
 */
public final class CheckpointStore {
  static final String MODEL = "model.params";
  static final String OPTIMIZER = "optimizer.params";
  static final String STATE = "state.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public CheckpointStore(Path dir) {
    this.dir = dir;
  }

  public static String id(long generation, long step) {
    return String.format("g%d-s%010d", generation, step);
  }

  public Path dir() {
    return dir;
  }

  /** Writes a checkpoint atomically; an existing one with the same id is replaced. */
  public void write(CheckpointMeta meta, NDList model, NDList optimizer) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(".tmp-" + meta.id());
      deleteTree(tmp);
      Files.createDirectories(tmp);
      writeSynced(tmp.resolve(MODEL), model.encode());
      writeSynced(tmp.resolve(OPTIMIZER), optimizer.encode());
      writeSynced(tmp.resolve(STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
      Path target = dir.resolve(meta.id());
      deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + meta.id() + " to " + dir, e);
    }
  }

  /** Valid checkpoints whose id starts with {@code prefix}, oldest first. */
  public List<CheckpointMeta> list(String prefix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<CheckpointMeta> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && !name.startsWith(".")) {
          read(name).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
    found.sort(Comparator.comparingLong(CheckpointMeta::step));
    return found;
  }

  public Optional<CheckpointMeta> newest(String prefix) {
    List<CheckpointMeta> all = list(prefix);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The checkpoint's metadata, or empty when it is missing or incomplete. */
  public Optional<CheckpointMeta> read(String id) {
    Path state = dir.resolve(id).resolve(STATE);
    if (!Files.isRegularFile(state) || !Files.isRegularFile(dir.resolve(id).resolve(MODEL))) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(state.toFile(), CheckpointMeta.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public NDList loadModel(String id, NDManager manager) {
    return load(id, MODEL, manager);
  }

  public NDList loadOptimizer(String id, NDManager manager) {
    return load(id, OPTIMIZER, manager);
  }

  private NDList load(String id, String file, NDManager manager) {
    try {
      return NDList.decode(manager, Files.readAllBytes(dir.resolve(id).resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " of checkpoint " + id, e);
    }
  }

  /**
   * Rewinds to checkpoint {@code id}: deletes the newer ones with {@code prefix} (a diverged branch),
   * never one in {@code keep}; returns the deleted ids. Empty when {@code id} is not a valid checkpoint.
   */
  public Optional<List<String>> rewindTo(String prefix, String id, Set<String> keep) {
    Optional<CheckpointMeta> target = read(id).filter(m -> m.id().startsWith(prefix));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    List<String> removed = new ArrayList<>();
    for (CheckpointMeta m : list(prefix)) {
      if (m.step() > target.get().step() && !keep.contains(m.id())) {
        deleteTree(dir.resolve(m.id()));
        removed.add(m.id());
      }
    }
    return Optional.of(removed);
  }

  /** Deletes all but the newest {@code keepLast} with {@code prefix}, never one in {@code keep}. */
  public List<String> prune(String prefix, int keepLast, Set<String> keep) {
    List<CheckpointMeta> all = list(prefix);
    List<String> removed = new ArrayList<>();
    for (int i = 0; i < all.size() - keepLast; i++) {
      String id = all.get(i).id();
      if (!keep.contains(id)) {
        deleteTree(dir.resolve(id));
        removed.add(id);
      }
    }
    return removed;
  }

  private static void writeSynced(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(java.nio.ByteBuffer.wrap(bytes));
      channel.force(true);
    }
  }

  private static void deleteTree(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
