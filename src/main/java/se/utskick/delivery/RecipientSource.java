package se.utskick.delivery;

import java.util.List;

/**
 * What delivery needs from the audience to freeze a letter: one set-based SELECT, which delivery
 * wraps in {@code INSERT INTO delivery (...) SELECT ...} inside the freeze transaction. Implemented
 * by the audience feature; wired in the composition root.
 */
@FunctionalInterface
public interface RecipientSource {

    /**
     * The recipients of {@code letterId}: each person once, active, with a usable (OK) address,
     * exclusions applied. The SELECT returns exactly these columns, in this order:
     * {@code member_id BIGINT, email VARCHAR, first_name VARCHAR, last_name VARCHAR,
     * association_id INT NULL} — {@code association_id} is the association the person answers for
     * (board letters) or else their own association.
     *
     * @throws se.utskick.UtskickException if the letter has no audience
     */
    Query recipientsOf(long letterId);

    /** A SELECT with {@code ?} placeholders and their values, in order. */
    record Query(String sql, List<Object> params) {
        public Query {
            params = List.copyOf(params);
        }
    }
}
