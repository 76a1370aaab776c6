package dossier.search;

import java.util.List;

/**
 * One result as lists show it, read from the summary doc values (never from stored bodies).
 *
 * @param snippet text around the matches, with each match between {@link Snippets#START} and {@link Snippets#END}
 */
public record Hit(long id, String kind, String title, String from, List<String> to, String date, String messageId,
                  String source, float score, String snippet, long size, String contentType, long parent, long thread,
                  int attachments) {}
