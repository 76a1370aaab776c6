package dossier.parse.isolation;

import dossier.parse.Ocr;
import dossier.parse.TextExtractor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of an extraction worker process: reads requests from stdin, runs Tika on each, writes responses to
 * stdout ({@link Frames}). Started by {@link ProcessExtractor} with a small heap and {@code -XX:+ExitOnOutOfMemoryError},
 * so a file that eats the heap ends this process, never the ingest. Exits at the end of stdin, and on its own when
 * the ingest that started it is gone (a kill -9 runs no shutdown hook, and a hung parser never reads stdin again).
 *
 * <p>Arguments: the ingest's process id, and its OCR settings ({@link Ocr#toArgument}, {@code off} when absent), so
 * that every file is read with the same Tesseract languages and time limit as in process.
 */
public final class ExtractWorker {
    private ExtractWorker() {}

    public static void main(String[] args) throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        // stdout carries the frames: a parser or library that prints must not corrupt them.
        System.setOut(System.err);
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16);
        if (args.length > 0) watchParent(Long.parseLong(args[0]));
        Ocr ocr = args.length > 1 ? Ocr.fromArgument(args[1]) : Ocr.OFF;
        TextExtractor.extract("warm".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "warm.txt", 10, ocr);
        Frames.writeReady(out);
        byte[] payload;
        while ((payload = Frames.read(in)) != null) {
            Frames.Request r = Frames.request(payload);
            payload = null; // the request holds its own copy: let the frame go before Tika starts
            Frames.writeResponse(out, TextExtractor.extractUncached(r.bytes(), r.name(), r.type(), r.maxChars(), ocr));
        }
        System.exit(0);
    }

    /** Ends this process within a second of its parent's end. */
    private static void watchParent(long parentPid) {
        Thread t = new Thread(() -> {
            while (true) {
                boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
                // After the parent dies, this process is adopted: its parent pid changes.
                long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                if (!alive || now != parentPid) {
                    List<ProcessHandle> kids = ProcessHandle.current().descendants().toList(); // a Tesseract run
                    kids.forEach(ProcessHandle::destroyForcibly);
                    kids.forEach(k -> k.onExit().join());
                    // The ingest cannot delete this worker's temporary folder any more: it does so itself.
                    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                    if (ProcessExtractor.isWorkerTempDir(tmp)) Worker.deleteTree(tmp); // never a shared /tmp
                    Runtime.getRuntime().halt(0);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
