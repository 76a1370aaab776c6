package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.model.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Address headers as {@link Addresses} reads them: mime4j splits the list, and Dossier's own {@link EncodedWords}
 * decodes the names (mime4j is shown no encoded word: its charset lookups of made-up names cost 1.5 ms each).
 */
class AddressesTest {
    @Test
    void encodedNamesAreDecodedAndTheAddressesKeptWhole() {
        assertEquals(List.of(new Address("André Pirard", "pirard@example.org"), new Address("Keld Jørn Simonsen", "keld@example.dk")),
                Addresses.parse("=?ISO-8859-1?Q?Andr=E9?= Pirard <pirard@example.org>, "
                        + "\"=?utf-8?B?S2VsZCBKw7hybiBTaW1vbnNlbg==?=\" <keld@example.dk>"));
    }

    /** A byte left raw inside a Q word (nasty-mime's m2004): mime4j made it a '?', Dossier reads it in the word's charset. */
    @Test
    void aRawByteInsideAnEncodedWordIsReadInItsCharset() {
        assertEquals(List.of(new Address("Heinz Müller", "mueller@example.com")),
                Addresses.parse("Heinz =?iso-8859-1?Q?M\u00fcller?= <mueller@example.com>"));
    }

    /** What stands for "=?" while mime4j reads is put back: in an address, in a name that is no encoded word. */
    @Test
    void anEqualsAndQuestionMarkThatAreNoEncodedWordStayAsWritten() {
        assertEquals(List.of(new Address("Odd =? Name", "odd=?box@example.org")),
                Addresses.parse("\"Odd =? Name\" <odd=?box@example.org>"));
        assertEquals("s@example.org", Addresses.parse("\"Sub\u001a =?x?Q?y?=\" <s@example.org>").get(0).address(),
                "a header holding SUB itself is read unmasked");
    }

    /** Thousands of encoded words in made-up charsets: each name decoded, each address kept, in order. */
    @Test
    void manyWordsInMadeUpCharsetsAreRead() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            if (i > 0) header.append(", ");
            header.append("=?x-made-up-").append(i % 7).append("?B?QQ==?= <p").append(i).append("@example.org>");
        }
        List<Address> read = Addresses.parse(header.toString());
        assertEquals(3000, read.size());
        assertEquals(new Address("A", "p2999@example.org"), read.get(2999));
    }
}
