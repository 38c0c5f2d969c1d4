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
     * (board letters) or else their own association. A {@linkplain Query#threaded threaded} query
     * returns a sixth column, {@code in_reply_to VARCHAR NULL}: the Message-ID (with angle brackets)
     * of an earlier message this one answers, sent as {@code In-Reply-To} and {@code References}
     * (RFC 5322 §3.6.4). {@code member_id} may be NULL for an address outside the register.
     *
     * @throws se.utskick.UtskickException if the letter has no audience
     */
    Query recipientsOf(long letterId);

    /**
     * A SELECT with {@code ?} placeholders and their values, in order.
     *
     * @param threaded true when the SELECT has the sixth column {@code in_reply_to}
     */
    record Query(String sql, List<Object> params, boolean threaded) {
        public Query {
            params = List.copyOf(params);
        }

        /** The usual five columns, no threading. */
        public Query(String sql, List<Object> params) {
            this(sql, params, false);
        }
    }
}
