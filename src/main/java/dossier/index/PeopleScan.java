package dossier.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dossier.model.Address;
import dossier.model.EmailFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Reads what threading and the people directory need from every email in the index, in one pass: id, date, current
 * thread, Message-ID, In-Reply-To, References, subject and the participants, from the compact {@link Schema#PEOPLE}
 * doc values ({@link #encode}), or for emails indexed before that field existed from the stored detail JSON with a
 * streaming parser that skips bodies. Each email is decoded into a {@link Mail} and at once folded into the compact
 * {@link Mails}, so only that is held. Stateless; each call reads one reader.
 */
public final class PeopleScan {
    private PeopleScan() {}

    /** One email as decoded from the index, held only until it is added to {@link Mails}. */
    public record Mail(long id, long date, long thread, String messageId, String inReplyTo, List<String> references,
                       String subject, List<Address> from, List<Address> to, List<Address> cc, List<Address> bcc) {
        /** No Date header could be read. */
        public static final long NO_DATE = Long.MIN_VALUE;

        /** Every recipient: to, cc and bcc. */
        public List<Address> recipients() {
            List<Address> all = new ArrayList<>(to.size() + cc.size() + bcc.size());
            all.addAll(to);
            all.addAll(cc);
            all.addAll(bcc);
            return all;
        }
    }

    private static final JsonFactory JSON = ArchiveJson.factory();

    /** Every live email of the reader, segment after segment. */
    public static Mails emails(IndexReader reader) {
        // One segment after another into arrays sized up front: reading segments in parallel was little faster once
        // reading got cheap, and joining their parts held every email twice.
        int count = 0;
        for (LeafReaderContext ctx : reader.leaves()) count += count(ctx.reader());
        Mails.Builder mails = new Mails.Builder(count);
        for (LeafReaderContext ctx : reader.leaves()) {
            try {
                read(ctx.reader(), mails::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the emails of the index", e);
            }
        }
        return mails.build();
    }

    /** How many live emails a segment holds, from the postings alone. */
    private static int count(LeafReader leaf) {
        try {
            PostingsEnum emails = leaf.postings(new Term(Schema.KIND, "email"), PostingsEnum.NONE);
            if (emails == null) return 0;
            Bits live = leaf.getLiveDocs();
            int n = 0;
            for (int doc = emails.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = emails.nextDoc()) {
                if (live == null || live.get(doc)) n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emails of the index", e);
        }
    }

    /** Every live email of one segment, in document order. */
    static void read(LeafReader leaf, Consumer<Mail> out) throws IOException {
        PostingsEnum emails = leaf.postings(new Term(Schema.KIND, "email"), PostingsEnum.NONE);
        if (emails == null) return;
        Bits live = leaf.getLiveDocs();
        NumericDocValues ids = leaf.getNumericDocValues(Schema.ID);
        NumericDocValues dates = leaf.getNumericDocValues(Schema.DATE);
        NumericDocValues threads = leaf.getNumericDocValues(Schema.THREAD);
        BinaryDocValues people = leaf.getBinaryDocValues(Schema.PEOPLE);
        StoredFields stored = leaf.storedFields();
        DetailVisitor visitor = new DetailVisitor();
        for (int doc = emails.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = emails.nextDoc()) {
            if (live != null && !live.get(doc)) continue;
            if (ids == null || !ids.advanceExact(doc)) continue;
            long date = dates != null && dates.advanceExact(doc) ? dates.longValue() : Mail.NO_DATE;
            long thread = threads != null && threads.advanceExact(doc) ? threads.longValue() : 0;
            if (people != null && people.advanceExact(doc)) {
                out.accept(decode(ids.longValue(), date, thread, people.binaryValue()));
                continue;
            }
            visitor.detail = null;
            stored.document(doc, visitor);
            if (visitor.detail == null) continue;
            out.accept(parse(ids.longValue(), date, thread, visitor.detail));
        }
    }

    /** What the pass reads of an email, for the {@link Schema#PEOPLE} doc values: strings as length and UTF-8. */
    static BytesRef encode(EmailFields e) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeString(e.messageId());
            out.writeString(e.inReplyTo());
            out.writeString(e.subject());
            out.writeVInt(e.references().size());
            for (String r : e.references()) out.writeString(r);
            for (List<Address> role : List.of(e.from(), e.to(), e.cc(), e.bcc())) {
                out.writeVInt(role.size());
                for (Address a : role) {
                    out.writeString(a.name());
                    out.writeString(a.address());
                }
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x); // writing to memory
        }
        return new BytesRef(out.toArrayCopy());
    }

    private static Mail decode(long id, long date, long thread, BytesRef b) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        String messageId = in.readString(), inReplyTo = in.readString(), subject = in.readString();
        String[] refs = new String[in.readVInt()];
        for (int i = 0; i < refs.length; i++) refs[i] = in.readString();
        List<List<Address>> roles = new ArrayList<>(4);
        for (int r = 0; r < 4; r++) {
            Address[] role = new Address[in.readVInt()];
            for (int i = 0; i < role.length; i++) role[i] = new Address(in.readString(), in.readString());
            roles.add(List.of(role));
        }
        return new Mail(id, date, thread, messageId, inReplyTo, List.of(refs), subject, roles.get(0), roles.get(1),
                roles.get(2), roles.get(3));
    }

    /** Loads only the detail field. */
    private static final class DetailVisitor extends StoredFieldVisitor {
        String detail;

        @Override
        public Status needsField(FieldInfo field) {
            if (detail != null) return Status.STOP;
            return field.name.equals(Schema.DETAIL) ? Status.YES : Status.NO;
        }

        @Override
        public void stringField(FieldInfo field, String value) {
            detail = value;
        }
    }

    private static Mail parse(long id, long date, long thread, String detail) throws IOException {
        String messageId = "", inReplyTo = "", subject = "";
        List<String> refs = List.of();
        List<Address> from = List.of(), to = List.of(), cc = List.of(), bcc = List.of();
        try (JsonParser p = JSON.createParser(detail)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("detail of item " + id + " is not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "messageId" -> messageId = p.getValueAsString("");
                    case "inReplyTo" -> inReplyTo = p.getValueAsString("");
                    case "subject" -> subject = p.getValueAsString("");
                    case "references" -> refs = strings(p);
                    case "from" -> from = addresses(p);
                    case "to" -> to = addresses(p);
                    case "cc" -> cc = addresses(p);
                    case "bcc" -> bcc = addresses(p);
                    default -> p.skipChildren();
                }
            }
        }
        return new Mail(id, date, thread, messageId, inReplyTo, refs, subject, from, to, cc, bcc);
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(p.getValueAsString(""));
        return out;
    }

    private static List<Address> addresses(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<Address> out = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = "", address = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("name")) name = p.getValueAsString("");
                else if (f.equals("address")) address = p.getValueAsString("");
                else p.skipChildren();
            }
            out.add(new Address(name, address));
        }
        return List.copyOf(out);
    }
}
