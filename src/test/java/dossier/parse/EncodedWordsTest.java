package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {
    @Test
    void qAndBWordsAreDecoded() {
        assertEquals("Café", EncodedWords.decode("=?utf-8?Q?Caf=C3=A9?="));
        assertEquals("Привет", EncodedWords.decode("=?utf-8?B?0J/RgNC40LLQtdGC?="));
        assertEquals("André Pirard", EncodedWords.decode("=?ISO-8859-1?Q?Andr=E9?= Pirard"));
    }

    @Test
    void whitespaceBetweenAdjacentEncodedWordsIsDropped() {
        assertEquals("Café of the day", EncodedWords.decode("=?utf-8?Q?Caf=C3=A9?= =?utf-8?B?IG9mIHRoZSBkYXk=?="));
    }

    @Test
    void aCharacterSplitAcrossTwoWordsSurvives() {
        // 中 is E4 B8 AD in UTF-8; the writer cut it between two words.
        assertEquals("中文", EncodedWords.decode("=?utf-8?Q?=E4=B8?=\r\n =?utf-8?B?reaWhw==?="));
    }

    @Test
    void unknownCharsetIsDecodedByDetectionInsteadOfLeftEncoded() {
        assertEquals("José", EncodedWords.decode("=?x-unknown?Q?Jos=C3=A9?="));
        assertEquals("Ceci est café", EncodedWords.decode("Ceci est =?bogus?Q?caf=E9?="));
    }

    @Test
    void invalidCharsetNameAndLanguageSuffixAreTolerated() {
        assertEquals("Что", EncodedWords.decode("=?koi8_r?B?/tTP?="));
        assertEquals("Hello", EncodedWords.decode("=?us-ascii*en?Q?Hello?="));
    }

    @Test
    void utf7WordsAreDecoded() {
        assertEquals("Hi Mom -\u263a-!", EncodedWords.decode("=?utf-7?Q?Hi_Mom_-+Jjo--!?="));
        assertEquals("Re: 日本語", EncodedWords.decode("Re: =?UTF-7?B?K1plVm5MSXFlLQ==?="));
        assertEquals("1 + 1", EncodedWords.decode("=?utf-7?Q?1_+_1?="), "bad UTF-7 is read as if undeclared");
    }

    @Test
    void eightBitWordsDeclaredUtf16AreReadAsIfUndeclaredAndRealUtf16StaysUtf16() {
        assertEquals("Hello world", EncodedWords.decode("=?utf-16?Q?Hello_world?="));
        assertEquals("Caf\u00e9 au lait", EncodedWords.decode("=?UTF-16LE?Q?Caf=E9_au_lait?="));
        assertEquals("日本語", EncodedWords.decode("=?UTF-16?B?ZeVnLIqe?="));
    }

    @Test
    void utf16WordsWithoutAByteOrderMarkAreReadInTheOrderTheirBytesShow() {
        assertEquals("Caf\u00e9 menu", EncodedWords.decode("=?utf-16?B?QwBhAGYA6QAgAG0AZQBuAHUA?="), "little-endian");
        assertEquals("Caf\u00e9 menu", EncodedWords.decode("=?utf-16?B?AEMAYQBmAOkAIABtAGUAbgB1?="), "big-endian");
    }

    @Test
    void eightBitWordsDeclaredUtf32AreReadAsIfUndeclared() {
        assertEquals("Caf\u00e9 au lait", EncodedWords.decode("=?utf-32?Q?Caf=E9_au_lait?="));
        assertEquals("Caf\u00e9", EncodedWords.decode("=?UTF-32LE?Q?Caf=C3=A9?="));
    }

    @Test
    void brokenBase64AndPlainTextPassThrough() {
        assertEquals("Hi", EncodedWords.decode("=?utf-8?B?SGk?="));
        assertEquals("no words here", EncodedWords.decode("no words here"));
        assertEquals("=?broken", EncodedWords.decode("=?broken"));
    }
}
