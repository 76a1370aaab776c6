package dossier.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A container entry's name made safe to use as a locator: '/' separators, no leading '/', no drive letter, no
 * {@code .} or {@code ..} segments, no control characters (locators end up in TSV and JSON lines). Nothing is ever
 * written to disk under these names; sanitising keeps the recorded locators from pretending to point outside the
 * container.
 *
 * @param path   the sanitised path, never empty
 * @param unsafe whether the raw name tried to climb out ({@code ..}) or was absolute, which the publisher should know
 */
record EntryName(String path, boolean unsafe) {
    /** Sanitises a raw entry name; {@code fallback} names an entry whose name is nothing but separators and dots. */
    static EntryName of(String raw, String fallback) {
        String s = raw.replace('\\', '/');
        boolean unsafe = s.startsWith("/");
        if (s.length() >= 2 && s.charAt(1) == ':' && Character.isLetter(s.charAt(0))) {
            s = s.substring(2);
            unsafe = true;
        }
        List<String> kept = new ArrayList<>();
        for (String segment : s.split("/")) {
            if (segment.equals("..")) unsafe = true;
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) continue;
            kept.add(withoutControls(segment));
        }
        return new EntryName(kept.isEmpty() ? fallback : String.join("/", kept), unsafe);
    }

    private static String withoutControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
