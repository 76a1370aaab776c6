package dossier.bench;

import dossier.model.Limits;
import dossier.source.SourceFile;
import dossier.source.Sources;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists a dump as an ingest does ({@link Sources#list}, every file's display path and size) several times and prints,
 * per run, the files, an order checksum (equal checksums: the same order), the time, the CPU time of the process, and
 * the heap in use halfway through the listing, after a full collection: what listing holds.
 *
 * <pre>{@code bench/listing /tmp/s200k     # or: bench/listing ROUNDS SOURCE...}</pre>
 */
public final class ListingBench {
    private ListingBench() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: bench/listing [ROUNDS] SOURCE...");
            System.exit(2);
        }
        int first = args.length > 1 && args[0].matches("\\d+") ? 1 : 0;
        int rounds = first == 1 ? Integer.parseInt(args[0]) : 3;
        List<Path> roots = new ArrayList<>();
        for (int i = first; i < args.length; i++) roots.add(Path.of(args[i]));
        System.out.println("machine: " + Machine.describe());
        Sources sources = new Sources(Limits.DEFAULT);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long total = 0;
        for (SourceFile f : sources.list(roots, p -> {})) total++;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime(), cpu0 = os.getProcessCpuTime(), files = 0, checksum = 0, heldMb = -1;
            for (SourceFile f : sources.list(roots, p -> {})) {
                files++;
                checksum = checksum * 31 + f.display().hashCode() + f.size();
                if (files == total / 2) heldMb = heapInUse() >> 20;
            }
            System.out.printf(Locale.ROOT, "run %d: %,d files, order checksum %016x, %.2f s, CPU %.2f s, heap in use halfway %d MiB%n",
                    r, files, checksum, (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9, heldMb);
        }
    }

    /** Bytes in use after a full collection (the time this takes is left in the figures: one GC per run). */
    private static long heapInUse() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
