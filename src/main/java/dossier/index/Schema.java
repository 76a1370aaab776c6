package dossier.index;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import java.util.regex.Pattern;

/**
 * Every Lucene field of the archive index: its name, and how it is analysed. No field name appears as a string
 * literal anywhere else; {@link ItemDocuments} maps items to documents with these names.
 *
 * <p>Text fields are stemmed (Porter) and accent-folded so that {@code negotiating} finds {@code negotiation} and
 * {@code resume} finds {@code résumé}; {@link #EXACT} keeps the unstemmed words for wildcard and fuzzy queries, which
 * would miss against stems. Keyword fields hold lower-cased terms and are matched exactly.
 */
public final class Schema {
    private Schema() {}

    /** Bumped whenever a field changes meaning; stored in the index's commit data. */
    public static final int VERSION = 2; // 2: words split at apostrophes

    // Identity and storage.
    /** Item id: LongPoint for id: queries, doc values for sorting and lookups, stored. */
    public static final String ID = "id";
    /** Item id as a keyword term, so doc-values updates (threads) can address one item by {@code new Term(ID_TERM, "42")}. */
    public static final String ID_TERM = "idterm";
    /** email | attachment | document: keyword, and sorted-set doc values for the facet. */
    public static final String KIND = "kind";
    /** sha256 of the original bytes, hex: keyword, stored. */
    public static final String SHA256 = "sha256";
    /** Size of the original in bytes: LongPoint for larger:/smaller:, stored. */
    public static final String SIZE = "size";
    /** First location (path#locator): stored only; further locations live in manifest.tsv. */
    public static final String SOURCE = "source";
    /** Parent item id for attachments and embedded emails: LongPoint and stored. */
    public static final String PARENT = "parent";

    // Searchable content.
    /** Subject of an email or title / file name of a file: analysed like TEXT, weighted up in free text. */
    public static final String SUBJECT = "subject";
    /** Body or extracted text: analysed, stored (for show and snippets). */
    public static final String TEXT = "text";
    /** Subject and text again, unstemmed and without positions, for wildcard and fuzzy terms. */
    public static final String EXACT = "exact";
    /** File name of an attachment or document: analysed with the exact analyser. */
    public static final String FILENAME = "filename";
    /** Title to show (subject or file name): stored only. */
    public static final String TITLE = "title";

    // Email participants: keyword terms made by {@link AddressTerms} (whole address, its words, its domain, name words).
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String CC = "cc";
    public static final String BCC = "bcc";
    /**
     * The fields {@code participant:} searches together. No union field is indexed: it would repeat every address
     * term of the four (half of an email's keyword terms); schema 2 archives still have one, which nothing reads.
     */
    public static final List<String> PARTICIPANT_FIELDS = List.of(FROM, TO, CC, BCC);
    /** Every participant's domain and its parent domains (mail.rand.org, rand.org): keyword. */
    public static final String DOMAIN = "domain";

    // Filters.
    /** UTC epoch milliseconds: LongPoint for ranges, numeric doc values for sorting, stored. */
    public static final String DATE = "date";
    /** Extension, media type and family ("pdf", "application/pdf", "image"): keyword. */
    public static final String TYPE = "type";
    /** "attachment" when an email has attachments: keyword. */
    public static final String HAS = "has";
    /** ISO 639-1 language code: keyword. */
    public static final String LANG = "lang";
    /**
     * Thread id (the id of the thread's first email): numeric doc values only, present on every item (0 = none), so
     * the threading pass after an ingest can set it with {@code IndexWriter.updateNumericDocValue} without
     * reindexing. Queried with {@code NumericDocValuesField.newSlowExactQuery}.
     */
    public static final String THREAD = "thread";
    /** Message-ID without angle brackets: keyword, stored. */
    public static final String MESSAGE_ID = "messageId";
    /** The email dedup keys (Message-ID plus body hash; subject, body plus day): keyword, stored, so a resumed ingest can rebuild its map. */
    public static final String DEDUP = "dedup";
    /** In-Reply-To Message-ID without angle brackets: keyword, stored. */
    public static final String IN_REPLY_TO = "inReplyTo";

    // Stored only, for show and the item page.
    public static final String CONTENT_TYPE = "contentType";
    public static final String NAME = "name";
    /** The whole item as JSON (everything show prints that is not indexed elsewhere). */
    public static final String DETAIL = "detail";
    /**
     * Message-ID, In-Reply-To, References, subject and participants of an email as compact binary doc values: the
     * connections pass at the end of every ingest reads them for every email, which the stored detail made slow.
     */
    public static final String PEOPLE = "people";
    /** A small JSON summary as binary doc values, so result lists never read stored bodies. */
    public static final String SUMMARY = "summary";

    // Facets: sorted-set doc values.
    public static final String FACET_KIND = "f_kind";
    public static final String FACET_YEAR = "f_year";
    public static final String FACET_SENDER = "f_sender";
    public static final String FACET_RECIPIENT = "f_recipient";
    public static final String FACET_DOMAIN = "f_domain";
    public static final String FACET_TYPE = "f_type";
    public static final String FACET_LANG = "f_lang";

    /**
     * Tokens indexed for matching alone, without frequencies, positions or norms: the exact words (wildcard and fuzzy
     * queries never use the rest) and the address terms of the role fields.
     */
    static final FieldType DOCS_ONLY = docsOnly();

    private static FieldType docsOnly() {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS);
        t.setTokenized(true);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }

    /** The longest word a file name is indexed with: {@link StandardTokenizer}'s default for text. */
    static final int LONGEST_WORD = org.apache.lucene.analysis.standard.StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

    /** Stemmed, accent-folded text: subject, text, filename words. */
    public static Analyzer textAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(words(source)));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Accent-folded, lower-cased words without stemming. */
    public static Analyzer exactAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, words(source));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * The text as {@link #TEXT} and {@link #EXACT} both analyse it: each word stemmed and, when that differs, as
     * written, at one position. Snippets are marked by running the query over the stored text analysed so, which lets
     * the wildcards and fuzzy words that look in EXACT mark the words they matched, beside TEXT's stems and phrases.
     * One field holding both can disagree with the index only where a stem is itself another word as written (agre,
     * the stem of agreed, is not a word): a query for that stem would mark that word too.
     */
    public static Analyzer snippetAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new PorterStemFilter(new KeywordRepeatFilter(words(source)));
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(s));
            }
        };
    }

    /** The words of text before stemming: split at dots and apostrophes, lower-cased, accents folded. */
    private static TokenStream words(Tokenizer source) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new SplitWordsFilter(source)));
    }

    /**
     * File names split into their words at dots, dashes, underscores and the like: {@code Q3_plan.xlsx} gives q3 plan
     * xlsx. A word is cut at {@value #LONGEST_WORD} characters, as {@link StandardTokenizer} splits the words of text
     * fields: an attachment named with 36,000 letters once made Lucene refuse its email's document, which stopped the
     * whole ingest.
     */
    public static Analyzer filenameAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new PatternTokenizer(Pattern.compile("[^\\p{L}\\p{N}]+"), -1);
                TokenStream s = new TruncateTokenFilter(new ASCIIFoldingFilter(new LowerCaseFilter(source)), LONGEST_WORD);
                return new TokenStreamComponents(source, s);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The analyser for the whole index: text fields stemmed, exact fields folded, keyword fields untouched. */
    public static Analyzer analyzer() {
        Analyzer exact = exactAnalyzer();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                SUBJECT, textAnalyzer(),
                TEXT, textAnalyzer(),
                EXACT, exact,
                FILENAME, filenameAnalyzer()));
    }

    /**
     * A keyword field's term for a value, bounded to what Lucene can index ({@link dossier.enrich.Dedup#bounded}):
     * indexing and queries both go through it.
     */
    public static String term(String value) {
        return dossier.enrich.Dedup.bounded(value);
    }

    /** Lower-cases and folds a keyword the way keyword fields are indexed. */
    public static String keyword(String s) {
        return s == null ? "" : ASCIIFolding.fold(s.strip().toLowerCase(Locale.ROOT));
    }

    /** Folds accents the way {@link ASCIIFoldingFilter} does, for keyword terms. */
    static final class ASCIIFolding {
        static String fold(String s) {
            char[] in = s.toCharArray();
            char[] out = new char[in.length * 4];
            int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
            return new String(out, 0, n);
        }
    }

}
