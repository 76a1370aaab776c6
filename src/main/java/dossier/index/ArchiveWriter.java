package dossier.index;

import dossier.enrich.Dedup;
import dossier.model.Address;
import dossier.model.EmailFields;
import dossier.model.Item;
import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Adds parsed items to an archive: deduplicates, numbers them in arrival order, stores originals, appends the
 * manifest and problem log, and indexes. Commits only at file boundaries, recording in the Lucene commit the next id
 * and the committed length of every log, so that a crash at any moment rolls back to a state a re-run continues
 * exactly. What grows with the archive, the keys it deduplicates by and the files it has ingested, lives off the heap
 * ({@link IngestKeys}), so the heap this writer needs does not grow with the archive. Not thread-safe: one ingest
 * thread owns it.
 */
public final class ArchiveWriter implements Closeable {
    private static final String NEXT_ID = "nextId", AWAITING = "awaitingText", BLIND_COPIES = "blindCopies";
    /** Commit data key of the committed length of ingested.txt. */
    static final String FILES = "filesBytes";
    /**
     * Commit data key of where the escaped lines of ingested.txt begin ({@link IngestKeys#loadIngested}). Archives
     * written before paths were escaped there lack it, and their lines up to the committed length are raw.
     */
    static final String FILES_ESCAPED_FROM = "filesEscapedFrom";
    /** Commit data key of the schema version the index was written with. */
    static final String SCHEMA = "schema";
    /** Commit data keys of the committed log lengths, which readers also use ({@link Archive#openCommitted}). */
    static final String MANIFEST = "manifestBytes", PROBLEMS = "problemsBytes";
    /** Cumulative counts kept in the commit, so archive.json is right after a resume. */
    public static final List<String> COUNTS = List.of("files", "items", "emails", "attachments", "documents", "duplicates", "problems");

    private final Archive archive;
    private final IndexWriter writer;
    /** Analysing and adding documents is most of an ingest's work; it runs beside the ordered numbering. */
    private final ParallelIndexing indexing;
    /** Indexing work not yet handed to the pool: handed over in runs, so its threads wake once per run, not per item. */
    private final ParallelIndexing.Run pending;
    private final BlobStore blobs;
    private final AppendLog manifest, problems, files;
    private final IngestKeys tables;
    /** Of {@link #tables}: item id by sha256, first item id by email key, and the ingested files (a set: values 0). */
    private final KeyTable bySha, byEmailKey, ingested;
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private final Map<String, Long> run = new LinkedHashMap<>();
    private long nextId;
    /** The offset in ingested.txt from which its lines are escaped; 0 but in an archive written before that. */
    private final long filesEscapedFrom;
    /**
     * Files numbered by {@link #addAwaitingText} and not yet {@link #complete complete}, by id in the order they were
     * numbered. A commit records them, so a resumed ingest reads them again ({@link #resumedAwaitingText}).
     */
    private final Map<Long, AwaitingText> awaiting = new LinkedHashMap<>();
    /**
     * The Bcc of each copy of an email that was found a duplicate of an item by its Message-ID or content, by that
     * item's id, in the order the copies came: {@link #mergeBlindCopies} adds what the item lacks. A commit records
     * them until then, so an interrupted ingest loses none. Only copies with a Bcc header are here: few, since a
     * sender's own copy is the only one that has it.
     */
    private final Map<Long, List<Address>> blindCopies = new TreeMap<>();

    /**
     * How much the index may hold in memory before it writes a segment: 256 MB, or a quarter of a smaller heap (at
     * least 16 MB), so that an ingest in {@code -Xmx384m} on a small machine does not spend its heap on the buffer.
     */
    static double ramBufferMB(long maxHeapBytes) {
        return Math.max(16, Math.min(256, maxHeapBytes / 4 / (1 << 20)));
    }

    private ArchiveWriter(Archive archive, IngestKeys keys) throws IOException {
        this.archive = archive;
        this.tables = keys;
        bySha = keys.bySha();
        byEmailKey = keys.byEmailKey();
        ingested = keys.ingested();
        // What was opened before a failure is closed again, the key tables' files included (release).
        try {
            IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMB(Runtime.getRuntime().maxMemory()))
                    .setCommitOnClose(false);
            writer = new IndexWriter(FSDirectory.open(archive.indexDir()), config);
            Map<String, String> commit = new HashMap<>();
            if (DirectoryReader.indexExists(writer.getDirectory())) {
                try (DirectoryReader r = DirectoryReader.open(writer.getDirectory())) {
                    commit.putAll(r.getIndexCommit().getUserData());
                    keys.load(r);
                }
            }
            String schema = commit.getOrDefault(SCHEMA, Integer.toString(Schema.VERSION));
            if (!schema.equals(Integer.toString(Schema.VERSION))) {
                throw new Archive.ArchiveException("the index has schema " + schema + " but this Dossier writes schema " + Schema.VERSION);
            }
            archive.upgradeFormat(); // holding the index's write lock, before anything new is added
            nextId = Long.parseLong(commit.getOrDefault(NEXT_ID, "1"));
            for (String c : COUNTS) {
                totals.put(c, Long.parseLong(commit.getOrDefault("count." + c, "0")));
                run.put(c, 0L);
            }
            blobs = new BlobStore(archive.blobsDir());
            blobs.removeLeftovers();
            restoreAwaiting(commit.get(AWAITING));
            restoreBlindCopies(commit.get(BLIND_COPIES));
            indexing = new ParallelIndexing(Math.max(1, Runtime.getRuntime().availableProcessors()));
            pending = indexing.run();
            boolean newManifest = !Files.exists(archive.manifest());
            manifest = new AppendLog(archive.manifest(), Long.parseLong(commit.getOrDefault(MANIFEST, "0")));
            if (manifest.length() == 0) manifest.append(Manifest.HEADER);
            problems = new AppendLog(archive.problems(), Long.parseLong(commit.getOrDefault(PROBLEMS, "0")));
            String filesBytes = commit.getOrDefault(FILES, "0");
            files = new AppendLog(archive.ingestedFiles(), Long.parseLong(filesBytes));
            filesEscapedFrom = Long.parseLong(commit.getOrDefault(FILES_ESCAPED_FROM, filesBytes));
            keys.loadIngested(archive.ingestedFiles(), filesEscapedFrom); // once cut back to its committed length
            if (newManifest) commit();
        } catch (IOException | RuntimeException | Error e) {
            release(e);
            throw e;
        }
    }

    /** Opens the archive's index for writing, rolling every log back to the last commit. */
    public static ArchiveWriter open(Archive archive) {
        IngestKeys keys = IngestKeys.create(); // the constructor closes them if it fails
        try {
            return new ArchiveWriter(archive, keys);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            // Lucene's lock is the operating system's: a killed ingest leaves none, so this one is alive.
            throw new Archive.ArchiveException("another ingest is writing to " + archive.dir()
                    + " (the index is locked); let it finish, then run this one");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index of " + archive.dir() + ": " + e.getMessage(), e);
        }
    }

    /** True when this top-level file was already ingested (and committed). */
    public boolean alreadyIngested(String display) {
        return ingested.get(display) >= 0;
    }

    /**
     * An item tree with the hashes deduplication needs. Hashing is most of the work of deduplicating, so parse threads
     * do it ({@link #of}) and the one thread that numbers items only looks the hashes up.
     */
    public record Hashed(Parsed item, String sha256, Dedup.Body body, List<Hashed> children) {
        /** Hashes an item and everything in it. */
        public static Hashed of(Parsed p) {
            return of(p, Dedup.sha256(p.bytes()));
        }

        /** Hashes everything in an item whose own bytes have the sha256 {@code sha}, already computed. */
        public static Hashed of(Parsed p, String sha) {
            List<Hashed> children = new ArrayList<>(p.children().size());
            for (Parsed c : p.children()) children.add(of(c));
            Dedup.Body body = p.email() == null ? null : Dedup.body(p.email().plainBody() + p.email().htmlBody(),
                    children.stream().map(Hashed::sha256).toList());
            return new Hashed(p, sha, body, children);
        }
    }

    /** Adds an item tree; returns the id it got (or the id of the item it duplicates). */
    public long add(Parsed item) {
        return add(Hashed.of(item));
    }

    /** Adds an item tree hashed beforehand; returns the id it got (or the id of the item it duplicates). */
    public long add(Hashed item) {
        return add(item, List.of());
    }

    /**
     * Adds an item tree hashed beforehand with the problems its parse met, which are recorded unless it duplicates an
     * item: a location that holds an item already is listed in the manifest only, whatever reading its copy found.
     * So an ingest that reads a copy gives the same archive as one that skips it ({@link #addCopy}). Returns the id
     * it got (or the id of the item it duplicates).
     */
    public long add(Hashed item, List<Problem> problems) {
        return add(item, problems, List.of(), a -> {});
    }

    /**
     * {@link #add(Hashed, List)} for a tree some of whose files were left {@code unread} for OCR (scans attached to
     * mail): each is numbered, stored and listed in order like the rest of the tree, and handed to {@code awaiting}
     * to be read and then {@link #complete completed}, as a file of its own that goes to OCR is
     * ({@link #addAwaitingText}). A file that duplicates an item, or whose tree does, is not handed over.
     */
    public long add(Hashed item, List<Problem> problems, List<Parsed> unread, Consumer<AwaitingText> awaiting) {
        return add(item.item(), item, 0, problems, this::index, Later.of(unread, awaiting));
    }

    /** The files of a tree left unread (by identity), and where each goes once numbered. */
    private record Later(Set<Parsed> unread, Consumer<AwaitingText> awaiting) {
        static final Later NONE = new Later(Set.of(), a -> {});

        /** Most trees have none: then no set is made (this runs for every email). */
        static Later of(List<Parsed> unread, Consumer<AwaitingText> awaiting) {
            if (unread.isEmpty()) return NONE;
            Set<Parsed> set = Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(unread);
            return new Later(set, awaiting);
        }
    }

    /**
     * Lists a location whose bytes, of sha256 {@code sha}, an earlier input of the run had, so it was not read: in
     * the manifest as a further location of that input's item and kind, like a duplicate {@link #add} would. When the
     * earlier input gave no item (its parse failed outright), this one is recorded as a problem instead.
     */
    public void addCopy(String source, String sha, long size) {
        long item = bySha.get(sha);
        if (item < 0) {
            problem(new Problem(source, Problem.PARSE, "not read: an earlier input with the same bytes could not be read"));
            return;
        }
        manifest.append(new Manifest.Entry(IngestKeys.id(item), IngestKeys.kind(item).label(), sha, size, source).line());
        bump("duplicates");
    }

    /** A file numbered and stored whose document waits for its text: see {@link #addAwaitingText}. */
    public record AwaitingText(ItemDocuments.NewItem item) {}

    /**
     * Numbers a file whose text is still being read (a scan, by OCR), stores its original and writes its manifest
     * line, in order like {@link #add}; its document is indexed by {@link #complete}. A commit in between records it
     * as waiting ({@link #resumedAwaitingText}). {@code h} is a single document ({@link dossier.parse.Parser#unread}). Returns null when the file
     * duplicates an item: there is nothing to read then.
     */
    public AwaitingText addAwaitingText(Hashed h) {
        Parsed p = h.item();
        if (p.kind() != Kind.DOCUMENT || !h.children().isEmpty()) {
            throw new IllegalArgumentException("only a single document can wait for its text: " + p.source());
        }
        ItemDocuments.NewItem[] numbered = new ItemDocuments.NewItem[1];
        add(p, h, 0, List.of(), n -> numbered[0] = n, Later.NONE);
        return numbered[0] == null ? null : awaits(numbered[0]);
    }

    private AwaitingText awaits(ItemDocuments.NewItem n) {
        AwaitingText a = new AwaitingText(n);
        awaiting.put(n.id(), a);
        return a;
    }

    /**
     * The files the last commit recorded as still waiting for their text, in the order they were numbered: an ingest
     * resumed after an interruption reads them again before anything else, from their stored originals.
     */
    public List<AwaitingText> resumedAwaitingText() {
        return List.copyOf(awaiting.values());
    }

    private void restoreAwaiting(String json) throws IOException {
        if (json == null) return;
        for (var n : ItemDocuments.JSON.readTree(json)) {
            long id = n.path("id").asLong();
            String sha = n.path("sha256").asText();
            RawInput in = new RawInput(n.path("source").asText(), n.path("name").asText(), RawInput.Hint.FILE, blobs.read(sha));
            // An attachment (a scan attached to mail) also records its kind, email and date; a document, only the rest.
            Kind kind = n.has("kind") ? Kind.parse(n.path("kind").asText()) : Kind.DOCUMENT;
            Parsed p = kind == Kind.DOCUMENT ? dossier.parse.Parser.unread(in)
                    : dated(dossier.parse.Parser.unreadAttachment(in), n.has("date") ? Instant.ofEpochMilli(n.path("date").asLong()) : null);
            long parent = n.path("parent").asLong(0);
            awaiting.put(id, new AwaitingText(new ItemDocuments.NewItem(id, parent, p, sha, List.of(), List.of(), 0)));
            bySha.put(sha, IngestKeys.item(id, kind)); // not in the index yet, so the maps loaded from it lack it
        }
    }

    private String awaitingJson() {
        var array = ItemDocuments.JSON.createArrayNode();
        for (AwaitingText a : awaiting.values()) {
            Parsed p = a.item().parsed();
            var o = array.addObject().put("id", a.item().id()).put("sha256", a.item().sha256())
                    .put("source", p.source()).put("name", p.name());
            if (p.kind() != Kind.DOCUMENT) {
                o.put("kind", p.kind().label()).put("parent", a.item().parent());
                if (p.date() != null) o.put("date", p.date().toEpochMilli());
            }
        }
        return array.toString();
    }

    private void restoreBlindCopies(String json) throws IOException {
        if (json == null) return;
        for (var n : ItemDocuments.JSON.readTree(json)) {
            List<Address> bcc = new ArrayList<>();
            n.path("bcc").forEach(a -> bcc.add(new Address(a.path("name").asText(), a.path("address").asText())));
            blindCopies.put(n.path("id").asLong(), bcc);
        }
    }

    private String blindCopiesJson() {
        var array = ItemDocuments.JSON.createArrayNode();
        blindCopies.forEach((id, bcc) -> {
            var list = array.addObject().put("id", id).putArray("bcc");
            for (Address a : bcc) list.addObject().put("name", a.name()).put("address", a.address());
        });
        return array.toString();
    }

    /**
     * Gives each email the Bcc recipients that its later copies named and it lacks, so that {@code bcc:} finds them
     * and the people pass counts them whichever copy was read first: in a dump of mailboxes the recipients' copies,
     * which have no Bcc header, are often read before the sender's (inbox sorts before sent). An address already there
     * (in any case), or a name without one already there, is not added again. The item's own header block is left as
     * it was read; the copy's is in its location's original. {@code limits} are the run's, for what the document holds
     * of the email's HTML ({@link ItemDocuments#rebuilt}). Run before {@link PeoplePass}; the next commit records it.
     * Returns how many emails changed.
     */
    public int mergeBlindCopies(Limits limits) {
        if (blindCopies.isEmpty()) return 0;
        IndexWriter w = indexWriter();
        int changed = 0;
        try (DirectoryReader reader = DirectoryReader.open(w)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (Map.Entry<Long, List<Address>> copies : blindCopies.entrySet()) {
                Term id = new Term(Schema.ID_TERM, Long.toString(copies.getKey()));
                TopDocs found = searcher.search(new TermQuery(id), 1);
                if (found.scoreDocs.length == 0) throw new IllegalStateException("no item " + copies.getKey() + " to add a Bcc to");
                int doc = found.scoreDocs[0].doc;
                var stored = searcher.storedFields().document(doc);
                Item item = ItemDocuments.fromDocument(stored, null, thread(reader, doc));
                EmailFields e = item.email();
                List<Address> bcc = union(e.bcc(), copies.getValue());
                if (bcc.size() == e.bcc().size()) continue;
                EmailFields merged = new EmailFields(e.messageId(), e.from(), e.to(), e.cc(), bcc, e.replyTo(),
                        e.inReplyTo(), e.references(), e.subject(), e.rawHeaders(), e.plainBody(), e.htmlBody(),
                        e.originalZone());
                w.updateDocument(id, ItemDocuments.rebuilt(stored, item, merged, blobs.read(item.sha256()), limits));
                changed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the Bcc of copies", e);
        }
        blindCopies.clear();
        return changed;
    }

    private static long thread(DirectoryReader reader, int doc) throws IOException {
        var leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        NumericDocValues threads = leaf.reader().getNumericDocValues(Schema.THREAD);
        return threads != null && threads.advanceExact(doc - leaf.docBase) ? threads.longValue() : 0;
    }

    /** {@code kept}, then each address of {@code more} not yet among them, in order. */
    static List<Address> union(List<Address> kept, List<Address> more) {
        List<Address> out = new ArrayList<>(kept);
        Set<Address> seen = new HashSet<>();
        for (Address a : kept) seen.add(sameness(a));
        for (Address a : more) if (seen.add(sameness(a))) out.add(a);
        return out;
    }

    /** Addresses are the same in any case (Address lowers them) and whatever the name; one without is known by its name. */
    private static Address sameness(Address a) {
        return a.address().isEmpty() ? a : new Address("", a.address());
    }

    /** Indexes a file that {@link #addAwaitingText} numbered, with what reading it gave ({@code read}: same bytes). */
    public void complete(AwaitingText a, Parsed read) {
        ItemDocuments.NewItem n = a.item();
        // A file that goes to OCR is always one document, so the numbered item's shape is kept; only what was read
        // (text, title, dates, type, language) comes from the reading. An attachment keeps its title and date as an
        // attachment read with its email has them: its name, and its email's date.
        Parsed was = n.parsed();
        boolean document = was.kind() == Kind.DOCUMENT;
        Parsed p = new Parsed(was.kind(), was.source(), was.name(), was.bytes(), document ? read.title() : was.title(),
                document ? read.date() : was.date(), read.text(), read.contentType(), read.language(), null, read.meta(),
                List.of(), "");
        ItemDocuments.NewItem done = new ItemDocuments.NewItem(n.id(), n.parent(), p, n.sha256(), n.dedupKeys(),
                n.attachments(), n.thread());
        pending.add(() -> writer.addDocument(ItemDocuments.toDocument(done)), p.bytes().length);
        awaiting.remove(n.id());
    }

    private void index(ItemDocuments.NewItem item) {
        pending.add(() -> writer.addDocument(ItemDocuments.toDocument(item)), item.parsed().bytes().length);
    }

    /**
     * Adds {@code p}, which is {@code h.item()} or that item dated like its parent, records {@code problems} unless it
     * duplicates an item, and hands its document to {@code index} unless it does.
     */
    private long add(Parsed p, Hashed h, long parent, List<Problem> problems, Consumer<ItemDocuments.NewItem> index,
            Later later) {
        String sha = h.sha256();
        // Writing a blob is a few file system calls; off this thread they overlap with numbering the next items.
        // Blobs are content-addressed and written before the commit that records them (commit waits for the pool).
        byte[] bytes = p.bytes();
        long same = bySha.get(sha); // -1: none, here and below
        if (same < 0) pending.add(() -> blobs.put(sha, bytes), bytes.length);
        long existing = same < 0 ? -1 : IngestKeys.id(same);
        Kind kind = same < 0 ? p.kind() : IngestKeys.kind(same); // a duplicate's location is listed as what its item is
        Dedup.Body body = h.body();
        List<String> keys = emailKeys(p, body);
        for (String k : keys) if (existing < 0) existing = byEmailKey.get(k);
        if (existing < 0 && body != null) {
            for (int shift : new int[] {-1, 1}) {
                String k = Dedup.contentKey(p.date(), p.email().subject(), body, shift);
                if (existing < 0 && k != null) existing = byEmailKey.get(k);
            }
        }
        if (existing >= 0) {
            // A copy with other bytes may know recipients its item does not: the sender's copy alone has the Bcc.
            if (same < 0 && p.email() != null && !p.email().bcc().isEmpty()) {
                blindCopies.computeIfAbsent(existing, k -> new ArrayList<>()).addAll(p.email().bcc());
            }
            manifest.append(new Manifest.Entry(existing, kind.label(), sha, p.bytes().length, p.source()).line());
            bump("duplicates");
            bySha.putIfAbsent(sha, IngestKeys.item(existing, kind)); // by email key: an email, like this one
            return existing;
        }
        problems.forEach(this::problem);
        long id = nextId++;
        bySha.put(sha, IngestKeys.item(id, p.kind()));
        for (String k : keys) byEmailKey.putIfAbsent(k, id);
        manifest.append(new Manifest.Entry(id, p.kind().label(), sha, p.bytes().length, p.source()).line());
        List<Long> children = new ArrayList<>(p.children().size());
        for (Hashed c : h.children()) {
            Consumer<ItemDocuments.NewItem> then = later.unread().contains(c.item())
                    ? n -> later.awaiting().accept(awaits(n)) : this::index;
            children.add(add(datedLike(c.item(), p), c, id, List.of(), then, later));
        }
        index.accept(new ItemDocuments.NewItem(id, parent, p, sha, keys, children, 0));
        bump("items");
        bump(p.kind() == Kind.EMAIL ? "emails" : p.kind() == Kind.ATTACHMENT ? "attachments" : "documents");
        return id;
    }

    /**
     * An attachment without a date of its own takes its email's, so that date filters, sorting and the histogram
     * place it where a reader would look for it.
     */
    private static Parsed datedLike(Parsed child, Parsed parent) {
        return child.date() != null || parent.date() == null ? child : dated(child, parent.date());
    }

    private static Parsed dated(Parsed p, Instant date) {
        return new Parsed(p.kind(), p.source(), p.name(), p.bytes(), p.title(), date, p.text(), p.contentType(),
                p.language(), p.email(), p.meta(), p.children(), p.htmlText());
    }

    /** The keys under which an email is the same as another: Message-ID plus body, and subject, body plus day. */
    private static List<String> emailKeys(Parsed p, Dedup.Body body) {
        if (body == null) return List.of();
        List<String> keys = new ArrayList<>(2);
        String byId = Dedup.emailKey(p.email().messageId(), body);
        if (byId != null) keys.add(byId);
        String byContent = Dedup.contentKey(p.date(), p.email().subject(), body, 0);
        if (byContent != null) keys.add(byContent);
        return keys;
    }

    /** Records a problem. */
    public void problem(Problem p) {
        problems.append(Problems.line(p));
        bump("problems");
    }

    /**
     * Records a problem the listing found (a symlink, an unreadable folder) once per archive: the path is kept with the
     * ingested files, so re-running the command, after an interruption or to add more, does not record it again.
     */
    public void listingProblem(Problem p) {
        if (ingested.putIfAbsent(p.path(), 0) >= 0) return;
        problem(p);
        files.append(Manifest.escape(p.path()));
    }

    /**
     * Marks a top-level file as fully ingested; it is skipped by later runs once committed. Its display path is
     * written escaped as in the manifest: a name may hold a newline, and {@code new\nline.txt} written raw read back
     * as the two paths {@code new} and {@code line.txt}.
     *
     * <p>Only top-level display paths go in ingested.txt, never a path with a locator: a file named {@code x.zip#a.txt}
     * and the entry {@code a.txt} of {@code x.zip} share a source in the manifest, but only the first is ever looked up
     * here, and the zip as {@code x.zip}, so neither can make a run skip the other.
     */
    public void fileDone(String display) {
        files.append(Manifest.escape(display));
        ingested.put(display, 0);
        bump("files");
    }

    /**
     * Makes everything added so far durable: the blobs ({@link BlobStore#sync}), the logs, then the index commit that
     * records their lengths.
     */
    public void commit() {
        pending.submit();
        indexing.flush(writer);
        // The originals this commit records reach the disk before it does: after a power cut, every committed item
        // has its whole blob, and the files not committed are read and stored again by the next run. The flush runs
        // beside Lucene's preparing the commit (writing and syncing the new segments), which takes about as long.
        var blobsOnDisk = blobs.syncInBackground();
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA, Integer.toString(Schema.VERSION));
        data.put(NEXT_ID, Long.toString(nextId));
        data.put(MANIFEST, Long.toString(manifest.sync()));
        data.put(PROBLEMS, Long.toString(problems.sync()));
        data.put(FILES, Long.toString(files.sync()));
        data.put(FILES_ESCAPED_FROM, Long.toString(filesEscapedFrom));
        totals.forEach((k, v) -> data.put("count." + k, Long.toString(v)));
        if (!awaiting.isEmpty()) data.put(AWAITING, awaitingJson());
        if (!blindCopies.isEmpty()) data.put(BLIND_COPIES, blindCopiesJson());
        writer.setLiveCommitData(data.entrySet());
        try {
            writer.prepareCommit(); // a crash from here to commit() leaves only a pending commit, which Lucene ignores
            blobsOnDisk.join();
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }

    /**
     * The Lucene writer, once every document added so far is in it, for passes that update what was added (threads);
     * they never commit themselves.
     */
    IndexWriter indexWriter() {
        if (!awaiting.isEmpty()) throw new IllegalStateException(awaiting.size() + " files still wait for their text");
        pending.submit();
        indexing.flush(writer);
        return writer;
    }

    /** Commits and writes archive.json with the totals; every file must have its text by now. */
    public void finish() {
        if (!awaiting.isEmpty()) throw new IllegalStateException(awaiting.size() + " files still wait for their text");
        pending.submit();
        indexing.awaitAll();
        commit();
        Archive.Info info = archive.info();
        archive.writeInfo(new Archive.Info(info.name(), new LinkedHashMap<>(totals), null));
    }

    /** Counts of this run only. */
    public Map<String, Long> runCounts() {
        return Map.copyOf(run);
    }

    /** Counts of the whole archive. */
    public Map<String, Long> totals() {
        return Map.copyOf(totals);
    }

    private void bump(String counter) {
        totals.merge(counter, 1L, Long::sum);
        run.merge(counter, 1L, Long::sum);
    }

    /**
     * Closes without committing: anything after the last commit is rolled back by the next open. The key tables'
     * files are deleted.
     */
    @Override
    public void close() throws IOException {
        try {
            indexing.close();
            try {
                manifest.close();
                problems.close();
                files.close();
            } finally {
                writer.rollback();
            }
        } finally {
            tables.close();
        }
    }

    /**
     * Closes what the constructor had opened when it failed with {@code failure} (fields it did not reach are still
     * null), adding any further failure to it.
     */
    private void release(Throwable failure) {
        List<Closeable> opened = new ArrayList<>();
        if (indexing != null) opened.add(indexing::close);
        for (AppendLog log : new AppendLog[] {manifest, problems, files}) if (log != null) opened.add(log);
        if (writer != null) opened.add(writer::rollback);
        opened.add(tables);
        for (Closeable c : opened) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
