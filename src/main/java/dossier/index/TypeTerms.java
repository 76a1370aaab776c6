package dossier.index;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The terms under which {@code type:} finds a file: its extension, its media type, and a family a reader would say
 * ({@code pdf}, {@code word}, {@code excel}, {@code powerpoint}, {@code image}, {@code text}, {@code email},
 * {@code archive}). The family is also the type facet.
 */
public final class TypeTerms {
    private TypeTerms() {}

    /** All terms for a file name and media type. */
    public static Set<String> of(String name, String contentType) {
        Set<String> out = new LinkedHashSet<>();
        String ext = extension(name);
        if (!ext.isEmpty()) out.add(ext);
        String media = mediaType(contentType);
        if (!media.isEmpty()) out.add(media);
        out.add(family(name, contentType));
        return out;
    }

    /** The reader's word for the kind of file. */
    public static String family(String name, String contentType) {
        String m = mediaType(contentType);
        String ext = extension(name);
        if (m.equals("message/rfc822") || ext.equals("eml") || ext.equals("msg")) return "email";
        if (m.contains("pdf") || ext.equals("pdf")) return "pdf";
        if (m.contains("wordprocessing") || m.contains("msword") || m.contains("opendocument.text") || m.contains("rtf")
                || ext.matches("docx?|odt|rtf|wpd")) return "word";
        if (m.contains("spreadsheet") || m.contains("excel") || ext.matches("xlsx?|ods|csv")) return "excel";
        if (m.contains("presentation") || m.contains("powerpoint") || ext.matches("pptx?|odp")) return "powerpoint";
        if (m.startsWith("image/")) return "image";
        if (m.startsWith("audio/") || m.startsWith("video/")) return "media";
        if (m.contains("zip") || m.contains("tar") || m.contains("compress") || m.contains("x-7z") || m.contains("gzip")) return "archive";
        if (m.equals("text/html") || m.contains("xhtml")) return "html";
        if (m.startsWith("text/")) return "text";
        return "other";
    }

    static String extension(String name) {
        if (name == null) return "";
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) return "";
        String ext = base.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.length() <= 10 && ext.chars().allMatch(Character::isLetterOrDigit) ? ext : "";
    }

    static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
