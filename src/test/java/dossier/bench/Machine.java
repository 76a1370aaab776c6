package dossier.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine line every benchmark prints with its figures. */
final class Machine {
    private Machine() {}

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux: the core count still says enough
        }
        return String.format("%d cores (%s), %.1f GiB heap max, Java %s", Runtime.getRuntime().availableProcessors(), cpu,
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024), Runtime.version());
    }

    /** The p-th percentile (0..100) of sorted nanosecond samples, in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return 0;
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }
}
