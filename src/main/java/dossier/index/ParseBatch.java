package dossier.index;

import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.Terminal;
import dossier.parse.Deadline;
import dossier.parse.Parser;
import dossier.source.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of consecutive steps of the reader (inputs, the problems it met, file ends), parsed by one task so that
 * threads hand work over once per batch instead of once per input. A parse thread claims the inputs one by one and
 * also hashes what it parsed ({@link ArchiveWriter.Hashed}); the ingest's thread waits for the whole batch
 * ({@link #await}) and then takes the steps in order.
 *
 * <p>A parse that outlives its patience is abandoned: it gets the timed-out outcome, its thread is interrupted and
 * left to finish or hang on its own, and a new thread in the pool carries on with the rest of the batch. Thread-safe.
 */
final class ParseBatch implements Ingest.Handoff {
    /** One step of the ordered stream from the reader to the writer. */
    sealed interface Step {}
    /** The {@code index}-th input of the batch. */
    record Input(int index) implements Step {}
    /**
     * An input whose bytes, of sha256 {@code sha}, an earlier input of the run had: it is not read, and its location
     * is listed as that input's item ({@link ArchiveWriter#addCopy}).
     */
    record Copy(String source, String sha, long size) implements Step {}
    record Trouble(Problem problem) implements Step {}
    record FileEnd(SourceFile file) implements Step {}

    /**
     * What parsing one input gave: its item tree hashed (null when nothing could be read), its problems, and the files
     * in the tree left {@code unread} for OCR ({@link Parser#parse(RawInput, boolean)}: scans attached to mail). An
     * input that {@link Parser#goesToOcr goes to OCR} itself is not read in an in-order batch: it {@code awaitsOcr},
     * its item is {@link Parser#unread} (numbered and stored in order), and {@link OcrQueue} reads it in a batch of its
     * own, as it reads the unread files in a tree.
     */
    record Outcome(ArchiveWriter.Hashed item, List<Problem> problems, boolean awaitsOcr, List<Parsed> unread) {
        Outcome(ArchiveWriter.Hashed item, List<Problem> problems, boolean awaitsOcr) {
            this(item, problems, awaitsOcr, List.of());
        }

        /** The outcome of parsing {@code in}, whose sha256 is {@code sha}. */
        static Outcome of(ParseResult r, RawInput in, String sha) {
            if (r.item() == null) return new Outcome(null, r.problems(), false);
            Parsed p = r.item();
            return new Outcome(p.bytes() == in.bytes() ? ArchiveWriter.Hashed.of(p, sha) : ArchiveWriter.Hashed.of(p),
                    r.problems(), false, r.unread());
        }

        static Outcome awaitingOcr(RawInput in, String sha) {
            return new Outcome(ArchiveWriter.Hashed.of(Parser.unread(in), sha), List.of(), true);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ParseBatch.class);

    private final List<Step> steps = new ArrayList<>();
    private final List<RawInput> inputs = new ArrayList<>();
    private final List<String> shas = new ArrayList<>();
    private final List<Duration> limits = new ArrayList<>();
    private final ThreadPoolExecutor pool;
    private final Parser parser;
    private final boolean deferOcr;
    private long bytes;
    private int permits;
    // Set once the batch is submitted.
    private final AtomicInteger next = new AtomicInteger();
    /** The heap ran out while parsing: the run stops (see {@link #work}). */
    private final AtomicReference<OutOfMemoryError> outOfMemory = new AtomicReference<>();
    private AtomicLongArray started;
    private AtomicReferenceArray<Thread> runners;
    private AtomicReferenceArray<Outcome> outcomes;
    private CountDownLatch done;

    /**
     * A batch parsed on {@code pool}. With {@code deferOcr} (the ingest's in-order batches) inputs that go to OCR, and
     * scans attached to mail, are only hashed and left to {@link OcrQueue}; without it (the OCR queue's own batches)
     * they are read, OCR included.
     */
    ParseBatch(ThreadPoolExecutor pool, Parser parser, boolean deferOcr) {
        this.pool = pool;
        this.parser = parser;
        this.deferOcr = deferOcr;
    }

    /** Adds an input to parse, whose bytes have the sha256 {@code sha}. */
    void add(RawInput in, String sha, int inputPermits) {
        steps.add(new Input(inputs.size()));
        inputs.add(in);
        shas.add(sha);
        limits.add(parser.timeLimit(in));
        bytes += in.bytes().length;
        permits += inputPermits;
    }

    void add(Step step) {
        steps.add(step);
    }

    List<Step> steps() {
        return steps;
    }

    int inputs() {
        return inputs.size();
    }

    /** Bytes of the inputs: the batch is handed over before it holds too many. */
    long bytes() {
        return bytes;
    }

    /** Permits of the ingest's in-flight bound that the inputs hold until the batch is written. */
    int permits() {
        return permits;
    }

    RawInput input(int index) {
        return inputs.get(index);
    }

    /** Starts parsing on the pool; no step may be added after. */
    void submit() {
        int n = inputs.size();
        started = new AtomicLongArray(n);
        runners = new AtomicReferenceArray<>(n);
        outcomes = new AtomicReferenceArray<>(n);
        done = new CountDownLatch(n);
        if (n > 0) pool.execute(this::work);
    }

    /** Parses the inputs nobody has claimed yet; more than one thread may run this once an input is abandoned. */
    private void work() {
        try {
            for (int i; (i = next.getAndIncrement()) < inputs.size(); ) {
                runners.set(i, Thread.currentThread());
                started.set(i, System.nanoTime());
                Outcome o;
                try {
                    RawInput in = inputs.get(i);
                    String sha = shas.get(i);
                    o = deferOcr && parser.goesToOcr(in) ? Outcome.awaitingOcr(in, sha)
                            : Outcome.of(parser.parse(in, deferOcr), in, sha);
                } catch (OutOfMemoryError e) {
                    if (!mayExhaustTheHeap(inputs.get(i))) throw e; // the heap is too small for the run: see below
                    // One input big enough to ask for more than the heap (a hostile 400 MB email decoded): its data is
                    // garbage now, and stopping would stop every later run at the same file.
                    o = new Outcome(null, List.of(new Problem(inputs.get(i).source(), Problem.PARSE, Problem.reasonOf(e))), false);
                } catch (Throwable t) { // the parser records what it can; anything else is the input's problem too
                    o = new Outcome(null, List.of(new Problem(inputs.get(i).source(), Problem.PARSE, Problem.reasonOf(t))), false);
                }
                runners.set(i, null);
                Thread.interrupted(); // an interrupt meant for an abandoned parse must not reach the next input
                finish(i, o);
            }
        } catch (OutOfMemoryError e) {
            // A heap too small for the run, not one small input's fault (documents parse in worker processes). Recorded
            // as the input's problem, the email would be lost for good, since a later run skips a file it has read; and
            // the thread, dead before it could record even that, left its batch waiting out the time limit, input after
            // input. So the run stops and says why; the same command with a larger heap goes on from the last commit.
            outOfMemory.compareAndSet(null, e);
            while (done.getCount() > 0) done.countDown();
        }
    }

    /**
     * Whether an input alone could exhaust the heap: one of a sixteenth of it or more, since decoding and indexing take
     * a few times its size. Below that an out-of-memory error means the heap is too small for the run.
     */
    private static boolean mayExhaustTheHeap(RawInput in) {
        return in.bytes().length >= Runtime.getRuntime().maxMemory() / 16;
    }

    private boolean finish(int i, Outcome o) {
        if (!outcomes.compareAndSet(i, null, o)) return false;
        done.countDown();
        return true;
    }

    /** The outcome of the {@code index}-th input, once {@link #await} has returned. */
    Outcome outcome(int index) {
        return outcomes.get(index);
    }

    /**
     * Waits until every input has an outcome, abandoning any parse past its patience (the input's time limit plus a
     * grace, see {@link Ingest.Isolation#patience}) counted from the moment it started: an input still queued behind
     * others is not late.
     */
    void await(Ingest.Isolation isolation) throws InterruptedException {
        while (!done.await(abandonLate(isolation), TimeUnit.NANOSECONDS)) {
            // woken by the nearest deadline: look again
        }
        OutOfMemoryError e = outOfMemory.get();
        if (e != null) throw new IllegalStateException("parsing ran out of memory", e);
    }

    /** Abandons the parses past their patience; returns how long to wait before the next could be. */
    private long abandonLate(Ingest.Isolation isolation) {
        long now = System.nanoTime(), wait = Long.MAX_VALUE;
        for (int i = 0; i < inputs.size(); i++) {
            if (outcomes.get(i) != null) continue;
            long patience = isolation.patience(limits.get(i)).toNanos();
            long s = started.get(i);
            if (s == 0) {
                wait = Math.min(wait, patience);
            } else if (now - s >= patience) {
                abandon(i);
            } else {
                wait = Math.min(wait, s + patience - now);
            }
        }
        return Math.max(1, wait);
    }

    /**
     * Gives up on a parse: its thread is interrupted, which stops our mail parsing at its next read or part
     * ({@code dossier.parse.Interruption}) but not Tika running in this JVM, so it is left to finish or hang on its
     * own, and a new thread takes its place in the pool and carries on with the rest of the batch.
     */
    private void abandon(int i) {
        Thread runner = runners.get(i);
        RawInput in = inputs.get(i);
        if (!finish(i, Outcome.of(Parser.timedOut(in, limits.get(i)), in, shas.get(i)))) return; // it finished just now
        if (runner != null && runners.get(i) == runner) runner.interrupt();
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
        LOG.warn("{}: {}; its parse thread is abandoned", Terminal.line(in.source()), Deadline.timedOut(limits.get(i)));
        pool.execute(this::work);
    }
}
