package se.utskick.letters;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a change made by a person is recorded (the audit log, adapted in {@code Seams}/{@code Utskick}):
 * on the connection of the transaction that makes the change, so the change and its record commit or
 * roll back together. The letters feature declares it; it knows nothing of the audit feature.
 */
@FunctionalInterface
public interface ChangeLog {
    /** Records nothing (tests and tools without an audit log). */
    ChangeLog NONE = (c, actor, action, subject, detail) -> {
    };

    /**
     * @param actor   who: a staff username or {@code cli:USER}
     * @param action  a dotted lower-case word such as {@code letter.edit}
     * @param subject what, by id: {@code letter 7}
     * @param detail  counts or states, or "" (never a person's name or address)
     */
    void record(Connection c, String actor, String action, String subject, String detail) throws SQLException;
}
