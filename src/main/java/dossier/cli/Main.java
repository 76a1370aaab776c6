package dossier.cli;

import dossier.index.Archive;
import dossier.index.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dossier} command: one subcommand per file, data on stdout, notes on stderr; exit 0 on success, 1 on
 * failure, 2 on bad usage or a bad query.
 */
@Command(name = "dossier", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Turns a dump of emails and documents into a searchable archive.",
        subcommands = {IngestCommand.class, SearchCommand.class, CountCommand.class, ShowCommand.class,
                ProblemsCommand.class, PeopleCommand.class, ConnectionsCommand.class, SampleCommand.class, DemoCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  dossier demo", "  dossier ingest --archive sony-archive /data/sony",
                "  dossier search --archive sony-archive 'from:lynton domain:rand.org'",
                "", "The archive defaults to $DOSSIER_ARCHIVE, else ./archive."})
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit statuses shared by every command. */
    public static final int OK = 0, FAILURE = 1, USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Held so the setting sticks: Lucene's notes on vector support are not the reader's business. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        dossier.parse.isolation.Logs.quietLibraries();
        dossier.parse.isolation.RunFolder.adopt();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --format JSON as --sort NEWEST
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider()); // dossier search --version
        }
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Archive.ArchiveException || e instanceof UsageError) {
                cmd.getErr().println("dossier: " + e.getMessage());
                return e instanceof UsageError ? USAGE : FAILURE;
            }
            if (causedByOutOfMemory(e)) {
                cmd.getErr().println("dossier: " + describe(e) + "\n" + "dossier: " + outOfMemory(Runtime.getRuntime().maxMemory()));
                return FAILURE;
            }
            cmd.getErr().println("dossier: " + describe(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("failure", e);
            return FAILURE;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // The command's data is unreachable by now, so there is room to say so. An ingest keeps what it committed.
            System.err.println("dossier: " + outOfMemory(Runtime.getRuntime().maxMemory()));
            return FAILURE;
        }
    }

    /** Whether the heap running out, on this thread or another, caused the failure. */
    private static boolean causedByOutOfMemory(Throwable e) {
        int depth = 0;
        for (Throwable c = e; c != null && depth++ < 10; c = c.getCause()) if (c instanceof OutOfMemoryError) return true;
        return false;
    }

    /** What to do when the heap ran out. */
    static String outOfMemory(long maxHeapBytes) {
        return "out of memory: the Java heap of " + (maxHeapBytes >> 20) + " MB is too small for this job. Run the same "
                + "command again with a larger heap, for example DOSSIER_JAVA_OPTS=-Xmx4g (README, Configuration); an "
                + "interrupted ingest keeps what it committed and goes on from there.";
    }

    /**
     * A failure's message followed by those of its causes that add to it: "cannot store blob …" alone hides that the
     * disk ran out of inodes, which the cause's "No space left on device" says.
     */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        int depth = 0;
        for (Throwable c = e.getCause(); c != null && c != e && depth++ < 10; c = c.getCause()) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (out.indexOf(m) < 0) out.append(": ").append(m);
        }
        return out.toString();
    }

    /** {@code dossier} without a command: the usage, on stderr, and the status of bad usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return USAGE;
    }

    /** Bad usage found after parsing (a missing source path, a bad query): exit 2 with the message. */
    public static final class UsageError extends RuntimeException {
        public UsageError(String message) {
            super(message);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dossier " + Version.DOSSIER};
        }
    }
}
