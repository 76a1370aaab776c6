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
    void aNulInAnAddressOrAnEncodedNameNeverReachesTheAddresses() {
        List<Address> from = Addresses.parse("a\0b@example.com, =?utf-8?q?Ann=00Lee?= <ann@example.com>");
        assertEquals(List.of("", "ann@example.com"), from.stream().map(Address::address).toList());
        assertEquals(List.of("a\uFFFDb@example.com", "Ann\uFFFDLee"), from.stream().map(Address::name).toList());
    }

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
                "a header holding SUB itself is read with a space for it");
    }

    /**
     * Names written raw in UTF-8 or Latin-1, as much mail has them: mime4j cut the address after a name with two or more
     * characters past ASCII ({@code 中文 <a@b.cde>} gave {@code a@b.}), since it counts a header's characters as bytes.
     */
    @Test
    void rawNamesPastAsciiKeepTheirAddressesWhole() {
        assertEquals(List.of(new Address("中文", "a@b.cde")), Addresses.parse("中文 <a@b.cde>"));
        assertEquals(List.of(new Address("\u00ff\u00fe weird", "a@b.c")), Addresses.parse("\u00ff\u00fe weird <a@b.c>"));
        assertEquals(List.of(new Address("x", "a@b.cde"), new Address("éé", "c@d.ef")), Addresses.parse("x <a@b.cde> , éé <c@d.ef>"));
        assertEquals(List.of(new Address("Müller, Heinz", "hm@b.de"), new Address("", "jörg@bücher.de")),
                Addresses.parse("\"Müller, Heinz\" <hm@b.de>, jörg@bücher.de"));
        assertEquals(List.of(new Address("Jörg Müller", "j@m.de"), new Address("山田 太郎", "taro@example.jp")),
                Addresses.parse("=?utf-8?q?J=C3=B6rg?= Müller <j@m.de>, 山田 太郎 <taro@example.jp>"));
        assertEquals(List.of(new Address("Heinz", "h@x.de")), Addresses.parse("Heinz (Köln) <h@x.de>"));
        assertEquals(List.of(new Address("Esc  éé", "e@x.de")), Addresses.parse("\"Esc\u001b éé\" <e@x.de>"),
                "a header's own ESC is read as a space");
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
