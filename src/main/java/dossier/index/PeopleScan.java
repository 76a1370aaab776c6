package dossier.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dossier.model.Address;
import dossier.model.EmailFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
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
 * streaming parser that skips bodies. Equal addresses share one {@link Address} instance, so 200,000 emails stay
 * compact. Stateless; each call reads one reader.
 */
public final class PeopleScan {
    private PeopleScan() {}

    /** One email as the connections pass sees it. */
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

    private static final JsonFactory JSON = new JsonFactory();

    /** Every live email of the reader, in id order. */
    public static List<Mail> emails(IndexReader reader) {
        Map<Address, Address> shared = new ConcurrentHashMap<>();
        // Segments are read in parallel: decompressing stored fields is most of the pass's time.
        List<Mail> out = new ArrayList<>(reader.leaves().parallelStream().flatMap(ctx -> {
            List<Mail> part = new ArrayList<>();
            try {
                read(ctx.reader(), part, shared);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the emails of the index", e);
            }
            return part.stream();
        }).toList());
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }

    private static void read(LeafReader leaf, List<Mail> out, Map<Address, Address> shared) throws IOException {
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
                out.add(decode(ids.longValue(), date, thread, people.binaryValue(), shared));
                continue;
            }
            visitor.detail = null;
            stored.document(doc, visitor);
            if (visitor.detail == null) continue;
            out.add(parse(ids.longValue(), date, thread, visitor.detail, shared));
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

    private static Mail decode(long id, long date, long thread, BytesRef b, Map<Address, Address> shared) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        String messageId = in.readString(), inReplyTo = in.readString(), subject = in.readString();
        String[] refs = new String[in.readVInt()];
        for (int i = 0; i < refs.length; i++) refs[i] = in.readString();
        List<List<Address>> roles = new ArrayList<>(4);
        for (int r = 0; r < 4; r++) {
            Address[] role = new Address[in.readVInt()];
            for (int i = 0; i < role.length; i++) role[i] = shared.computeIfAbsent(new Address(in.readString(), in.readString()), x -> x);
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

    private static Mail parse(long id, long date, long thread, String detail, Map<Address, Address> shared) throws IOException {
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
                    case "from" -> from = addresses(p, shared);
                    case "to" -> to = addresses(p, shared);
                    case "cc" -> cc = addresses(p, shared);
                    case "bcc" -> bcc = addresses(p, shared);
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

    private static List<Address> addresses(JsonParser p, Map<Address, Address> shared) throws IOException {
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
            Address a = new Address(name, address);
            out.add(shared.computeIfAbsent(a, x -> x));
        }
        return List.copyOf(out);
    }
}
