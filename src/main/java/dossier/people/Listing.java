package dossier.people;

import java.util.List;

/** One page of a longer list with the exact total, printed as {@code {"total":N,"offset":N,"hits":[…]}} like searches. */
public record Listing<T>(long total, int offset, List<T> hits) {
    public Listing {
        hits = List.copyOf(hits);
    }

    public static <T> Listing<T> empty() {
        return new Listing<>(0, 0, List.of());
    }
}
