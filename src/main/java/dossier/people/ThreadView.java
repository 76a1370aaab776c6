package dossier.people;

import java.util.List;

/**
 * A thread as a tree, flattened in reading order: each node names its parent (0 for a top email) and its depth, so a
 * page indents by depth without recursion, and a JSON client can rebuild the tree. Top emails and siblings are in
 * date order.
 *
 * @param id the thread id (its lowest email id)
 */
public record ThreadView(long id, String subject, int size, String first, String last, List<Node> nodes) {
    /**
     * One email of the thread.
     *
     * @param excerpt the start of the body without quoted text ("> …", "-----Original Message-----" and below)
     */
    public record Node(long id, long parent, int depth, String title, String from, String date, String excerpt) {}
}
