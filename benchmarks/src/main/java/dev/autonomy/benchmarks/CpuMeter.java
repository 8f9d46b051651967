package dev.autonomy.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from /proc over a window: the whole machine and named processes (the operator, this
 * driver, kube-apiserver, etcd), as average cores busy. Linux only; missing processes read 0.
 */
public final class CpuMeter {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux/x86

  private final Map<String, List<Long>> pids;
  private final long startNanos;
  private final long[] machineStart;
  private final Map<String, Double> processStart;

  private CpuMeter(Map<String, List<Long>> pids) {
    this.pids = pids;
    this.startNanos = System.nanoTime();
    this.machineStart = machineTicks();
    this.processStart = processSeconds(pids);
  }

  /** Starts measuring the given processes plus kube-apiserver and etcd (found by name). */
  public static CpuMeter start(Map<String, Long> processes) {
    Map<String, List<Long>> pids = new LinkedHashMap<>();
    processes.forEach((name, pid) -> pids.put(name, List.of(pid)));
    pids.put("kube_apiserver", byName("kube-apiserver"));
    pids.put("etcd", byName("etcd"));
    return new CpuMeter(pids);
  }

  /** Average cores busy since start: "machine" and one entry per process, plus "window_s". */
  public Map<String, Double> stop() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long[] machineEnd = machineTicks();
    Map<String, Double> end = processSeconds(pids);
    Map<String, Double> cores = new LinkedHashMap<>();
    cores.put("window_s", seconds);
    long busy = machineEnd[0] - machineStart[0];
    cores.put("machine", busy / TICKS_PER_SECOND / seconds);
    end.forEach((name, s) -> cores.put(name, (s - processStart.get(name)) / seconds));
    return cores;
  }

  private static Map<String, Double> processSeconds(Map<String, List<Long>> pids) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    pids.forEach((name, list) -> seconds.put(name, list.stream().mapToDouble(CpuMeter::processSeconds).sum()));
    return seconds;
  }

  /** Average cores busy on the whole machine over the next {@code millis}. */
  public static double machineBusy(long millis) throws InterruptedException {
    long[] a = machineTicks();
    long t = System.nanoTime();
    Thread.sleep(millis);
    long[] b = machineTicks();
    return (b[0] - a[0]) / TICKS_PER_SECOND / ((System.nanoTime() - t) / 1e9);
  }

  /** utime + stime of a process, in seconds; 0 when it is gone. */
  static double processSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // fields 14 and 15
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** {busy, total} ticks of all CPUs from /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static List<Long> byName(String comm) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
        try {
          return Files.readString(p.resolve("comm")).strip().equals(comm);
        } catch (IOException e) {
          return false;
        }
      }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
