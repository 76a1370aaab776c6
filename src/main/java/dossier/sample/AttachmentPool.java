package dossier.sample;

import dossier.sample.Lexicon.Topic;
import dossier.sample.Message.Attachment;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed number of distinct attachments per topic and kind, each made on first use from its own seed, then
 * reused: the same budget spreadsheet travels through many threads, as in real mail, and generation stays
 * fast. Not thread-safe.
 */
final class AttachmentPool {
    private final int size;
    private final long seed;
    private final Documents documents;
    private final Attachment[][] made;

    AttachmentPool(int size, long seed, Documents documents) {
        this.size = size;
        this.seed = seed;
        this.documents = documents;
        this.made = new Attachment[Lexicon.get().topics().size() * Documents.KINDS.size()][size];
    }

    /** Distinct files per topic and kind: about one per 400 emails, between 2 and 12. */
    static int sizeFor(int emails) {
        return Math.max(2, Math.min(12, emails / 400));
    }

    Attachment get(Topic topic, String kind, SplittableRandom r) {
        List<Topic> topics = Lexicon.get().topics();
        int slot = topics.indexOf(topic) * Documents.KINDS.size() + Documents.KINDS.indexOf(kind);
        int i = r.nextInt(size);
        if (made[slot][i] == null) {
            // Its own stream: the file is the same whichever message asks for it first.
            SplittableRandom own = new SplittableRandom(seed * 1_000_003L + slot * 1_009L + i);
            made[slot][i] = documents.make(kind, topic, new Timeline(size).at(i, own).atZone(Company.HOME), own);
        }
        return made[slot][i];
    }
}
