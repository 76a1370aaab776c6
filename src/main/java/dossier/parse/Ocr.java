package dossier.parse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether and how text is read from images and from PDF pages without a text layer, with Tesseract through Tika.
 *
 * <pre>{@code
 * Ocr ocr = Ocr.tesseract().isPresent() ? Ocr.on("eng+deu") : Ocr.OFF;
 * }</pre>
 *
 * @param enabled   whether OCR runs at all
 * @param languages Tesseract's language list, {@code eng} or {@code eng+deu}
 * @param timeout   how long Tesseract may take on one image or page before it is stopped (a problem, the run goes on)
 */
public record Ocr(boolean enabled, String languages, Duration timeout) {
    /** No OCR: images give their metadata only, scanned PDFs no text. */
    public static final Ocr OFF = new Ocr(false, "eng", Duration.ofSeconds(120));

    /** OCR in the given languages with the default time limit. */
    public static Ocr on(String languages) {
        return new Ocr(true, languages, Duration.ofSeconds(120));
    }

    /** How many of Tesseract's time limits one input that goes to OCR may take in all (see {@link #budget}). */
    private static final int BUDGET_TIMEOUTS = 5;

    /**
     * How long one input that goes to OCR (see {@link #mayNeedOcr}) may take in all when OCR is on: five of Tesseract's
     * time limits, ten minutes by default. A single image is bounded by {@link #timeout} alone; a scanned PDF is read
     * page by page, seconds each at 200 DPI, so a report of some dozens of pages fits. The parser's deadline for such
     * an input is the larger of this and {@code Limits.timePerFile()}: a hang still ends, only later.
     */
    public Duration budget() {
        return timeout.multipliedBy(BUDGET_TIMEOUTS);
    }

    /**
     * How the settings travel to an extraction worker's command line: {@code off}, or the languages and the time limit
     * in seconds, {@code eng+deu/120}. {@link #fromArgument} reads it back.
     */
    public String toArgument() {
        return enabled ? languages + "/" + Math.max(1, timeout.toSeconds()) : "off";
    }

    /** The settings {@link #toArgument} wrote. */
    public static Ocr fromArgument(String argument) {
        if (argument.equals("off")) return OFF;
        int slash = argument.lastIndexOf('/');
        if (slash < 1) throw new IllegalArgumentException("OCR argument must be off or LANGS/SECONDS: " + argument);
        return new Ocr(true, argument.substring(0, slash),
                Duration.ofSeconds(Long.parseLong(argument.substring(slash + 1))));
    }

    /**
     * Whether a file may need OCR: an image or a PDF (which may be scanned), by magic bytes. The ingest sends these to
     * their own workers, so slow OCR never occupies every parse worker.
     */
    public static boolean mayNeedOcr(byte[] b) {
        return starts(b, 0x89, 'P', 'N', 'G') || starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 'I', 'I', 0x2A, 0)
                || starts(b, 'M', 'M', 0, 0x2A) || starts(b, 'G', 'I', 'F', '8') || starts(b, 'B', 'M')
                || starts(b, '%', 'P', 'D', 'F');
    }

    /**
     * Sides shorter than this many pixels hold no letter Tesseract can read: spacer GIFs (1 x 1), bullets (5 x 6). 43
     * images of Enron + SpamAssassin took 0.1 s of Tesseract each, 10 of them this small.
     */
    static final int MIN_SIDE = 8;

    /**
     * Whether an image is too small to hold text, by the size its header declares ({@link ImageSize}): such an image
     * is read without OCR (its metadata only), on or off. False for anything else, PDFs included.
     */
    public static boolean tooSmallToRead(byte[] b) {
        return tooSmallToRead(ImageSize.of(b));
    }

    static boolean tooSmallToRead(ImageSize s) {
        return s != null && (s.width() < MIN_SIDE || s.height() < MIN_SIDE);
    }

    /**
     * Images of fewer pixels than this are web graphics (logos, banners, screenshots), read upright; from this size on
     * an image may be a scanned or photographed page (a letter page at 200 DPI has 3.7 million pixels), which may lie
     * sideways, and Tesseract first detects its orientation.
     */
    static final long SCAN_PIXELS = 1_000_000;

    /** Whether an image, by its declared size, is {@link #SCAN_PIXELS smaller than a scanned page}. */
    static boolean smallerThanAScan(ImageSize s) {
        return s != null && s.width() < SCAN_PIXELS && s.height() < SCAN_PIXELS // the product cannot overflow then
                && s.width() * s.height() < SCAN_PIXELS;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xff) != magic[i]) return false;
        return true;
    }

    /** The tesseract program on the PATH, if any. */
    public static Optional<Path> tesseract() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "tesseract");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The languages the installed Tesseract knows ({@code tesseract --list-langs}), empty when it cannot say. */
    public static List<String> installedLanguages(Path tesseract) {
        List<String> langs = new ArrayList<>();
        try {
            Process p = new ProcessBuilder(tesseract.toString(), "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            for (String line : out.split("\\R")) {
                String l = line.strip();
                // The first line names the data folder ("List of available languages in ...:").
                if (!l.isEmpty() && !l.contains(" ") && !l.endsWith(":")) langs.add(l);
            }
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        return langs;
    }
}
