package se.utskick.reminders;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;
import se.utskick.register.AddressRule;

/** The reminders' named queries ({@code sql/reminders.sql}), with the register's address rules filled in. */
final class ReminderSql {
    static final NamedQueries QUERIES = NamedQueries.load("reminders",
            Map.of("needs_fixing", AddressRule.NEEDS_FIXING, "usable", AddressRule.USABLE));
    static final Sql PROBLEM_COUNTS = QUERIES.get("reminders.problem_counts");
    static final Sql PROBLEMS = QUERIES.get("reminders.problems");
    static final Sql HOLDERS = QUERIES.get("reminders.holders");
    static final Sql LETTER_FOR_PERIOD = QUERIES.get("reminders.letter_for_period");
    static final Sql LETTER_ABOUT = QUERIES.get("reminders.letter_about");
    static final Sql RECORD = QUERIES.get("reminders.record");
    static final Sql PURPOSE_OF = QUERIES.get("reminders.purpose_of");
    static final Sql ADD_RECIPIENT = QUERIES.get("reminders.add_recipient");
    static final Sql ADD_THREADED_RECIPIENTS = QUERIES.get("reminders.add_threaded_recipients");
    static final Sql FORGET = QUERIES.get("reminders.forget");
    static final Sql RECIPIENTS_OF = QUERIES.get("reminders.recipients_of");
    static final Sql ERASE_MEMBER = QUERIES.get("reminders.erase_member");

    private ReminderSql() {
    }
}
