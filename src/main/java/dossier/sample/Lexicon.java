package dossier.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The word lists and topic templates in {@code /sample/*.txt}, read once. Lists keep file order, so a seed
 * always draws the same words. Immutable and safe to share.
 */
final class Lexicon {
    /** One topic: the departments that talk about it, the attachments it brings, the partner kind, its lines. */
    record Topic(String id, List<String> departments, List<String> attachmentKinds, String partnerKind,
            List<String> subjects, List<String> bodies, List<String> replies) {}

    private final Map<String, List<String>> lists;
    private final List<Topic> topics;

    private Lexicon(Map<String, List<String>> lists, List<Topic> topics) {
        this.lists = lists;
        this.topics = topics;
    }

    private static final Lexicon DEFAULT = new Lexicon(readLists("names.txt"), readTopics("topics.txt"));

    static Lexicon get() {
        return DEFAULT;
    }

    List<String> list(String name) {
        List<String> list = lists.get(name);
        if (list == null) throw new IllegalArgumentException("no word list " + name);
        return list;
    }

    String pick(String name, SplittableRandom random) {
        return pick(list(name), random);
    }

    static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    List<Topic> topics() {
        return topics;
    }

    Topic topic(String id) {
        for (Topic topic : topics) if (topic.id().equals(id)) return topic;
        throw new IllegalArgumentException("no topic " + id);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream("/sample/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource /sample/" + resource);
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> readLists(String resource) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(resource)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                lists.put(line.substring(1, line.length() - 1), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        lists.replaceAll((name, list) -> List.copyOf(list));
        return Map.copyOf(lists);
    }

    private static List<Topic> readTopics(String resource) {
        List<Topic> topics = new ArrayList<>();
        String[] head = null;
        List<String> subjects = new ArrayList<>(), bodies = new ArrayList<>(), replies = new ArrayList<>();
        for (String line : lines(resource)) {
            int space = line.indexOf(' ');
            String key = line.substring(0, space), rest = line.substring(space + 1);
            switch (key) {
                case "topic" -> {
                    if (head != null) topics.add(topic(head, subjects, bodies, replies));
                    head = rest.split(" ");
                    subjects = new ArrayList<>();
                    bodies = new ArrayList<>();
                    replies = new ArrayList<>();
                }
                case "subject" -> subjects.add(rest);
                case "body" -> bodies.add(rest);
                case "reply" -> replies.add(rest);
                default -> throw new IllegalStateException("bad line in " + resource + ": " + line);
            }
        }
        if (head != null) topics.add(topic(head, subjects, bodies, replies));
        return List.copyOf(topics);
    }

    private static Topic topic(String[] head, List<String> subjects, List<String> bodies, List<String> replies) {
        return new Topic(head[0], List.of(head[1].split(",")), List.of(head[2].split(",")), head[3],
                List.copyOf(subjects), List.copyOf(bodies), List.copyOf(replies));
    }
}
