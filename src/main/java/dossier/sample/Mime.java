package dossier.sample;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The RFC 5322, 2045 and 2047 encodings the renderer needs: encoded words, folding, quoted-printable, base64. */
final class Mime {
    private Mime() {}

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    private static final String SPECIALS = "()<>[]:;@\\,.\"";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String date(ZonedDateTime time) {
        return DATE.format(time);
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 126) return false;
        return true;
    }

    /** A mailbox for a header: {@code Name <addr>}, the name quoted or encoded as it needs. */
    static String mailbox(String name, String address) {
        if (name.isEmpty()) return address;
        return phrase(name) + " <" + address + ">";
    }

    static String phrase(String text) {
        if (!isAscii(text)) return encodedWords(text);
        for (int i = 0; i < text.length(); i++) {
            if (SPECIALS.indexOf(text.charAt(i)) >= 0) {
                return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return text;
    }

    /**
     * Unstructured text as RFC 2047 encoded words, each at most 75 characters: Q for mostly-Latin text (as
     * Outlook writes it), B for the rest (as Japanese mailers do). Words are separated by a space.
     */
    static String encodedWords(String text) {
        boolean latin = text.codePoints().filter(c -> c > 0x24F).count() == 0;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            StringBuilder chunk = new StringBuilder();
            int used = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                String s = new String(Character.toChars(cp));
                int cost = latin ? qLength(s) : s.getBytes(StandardCharsets.UTF_8).length;
                if (used + cost > (latin ? 62 : 45)) break;
                chunk.append(s);
                used += cost;
                i += s.length();
            }
            if (!out.isEmpty()) out.append(' ');
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            out.append(latin ? "=?UTF-8?Q?" + qEncode(bytes) + "?=" :
                    "=?UTF-8?B?" + Base64.getEncoder().encodeToString(bytes) + "?=");
        }
        return out.toString();
    }

    private static int qLength(String s) {
        return qEncode(s.getBytes(StandardCharsets.UTF_8)).length();
    }

    private static String qEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == ' ') out.append('_');
            else if (c > 32 && c < 127 && c != '=' && c != '?' && c != '_' && c != '"') out.append((char) c);
            else out.append('=').append(HEX[c >> 4]).append(HEX[c & 15]);
        }
        return out.toString();
    }

    /**
     * A header line, folded before a list item or an encoded word when the line would pass 76 characters.
     * {@code items} are joined with {@code separator} (", " for address lists, " " for words).
     */
    static String header(String name, List<String> items, String separator, String newline) {
        StringBuilder out = new StringBuilder(name).append(": ");
        int lineStart = 0;
        for (int k = 0; k < items.size(); k++) {
            String item = items.get(k) + (k < items.size() - 1 ? separator.strip() : "");
            if (k > 0) {
                if (out.length() - lineStart + 1 + item.length() > 76) {
                    out.append(newline);
                    lineStart = out.length();
                    out.append('\t');
                } else {
                    out.append(' ');
                }
            }
            out.append(item);
        }
        return out.append(newline).toString();
    }

    /** Subject or other free text: plain when ASCII, else encoded words; long lines folded between words. */
    static String textHeader(String name, String text, String newline) {
        String value = isAscii(text) ? text : encodedWords(text);
        return header(name, List.of(value.split(" ")), " ", newline);
    }

    /** Quoted-printable (RFC 2045) of text with '\n' line ends, lines at most 76 characters. */
    static String quotedPrintable(String text, Charset charset, String newline) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            byte[] bytes = lines[l].getBytes(charset);
            int column = 0;
            for (int i = 0; i < bytes.length; i++) {
                int c = bytes[i] & 0xFF;
                boolean last = i == bytes.length - 1;
                String token = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)
                        ? String.valueOf((char) c) : "=" + HEX[c >> 4] + HEX[c & 15];
                if (column + token.length() > 75) {
                    out.append('=').append(newline);
                    column = 0;
                }
                out.append(token);
                column += token.length();
            }
            if (l < lines.length - 1) out.append(newline);
        }
        return out.toString();
    }

    static String base64(byte[] bytes, String newline) {
        return Base64.getMimeEncoder(76, newline.getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes) + newline;
    }

    /** RFC 2231 extended parameter value: {@code UTF-8''caf%C3%A9.pdf}. */
    static String rfc2231(String value) {
        StringBuilder out = new StringBuilder("UTF-8''");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".-_".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
