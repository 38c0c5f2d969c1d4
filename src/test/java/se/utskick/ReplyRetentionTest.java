package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.db.Database;

/**
 * Issue 12, finding 8 (reply senders and texts outlived replies.retention: the purge removed only the
 * raw message): through the composition root's {@code purge-replies} job, on a fixed clock, a message
 * older than the retention keeps no sender, subject, text, excerpt, Message-ID or bounce address,
 * but keeps its kind, letter and association (the feedback counts); a younger one is untouched.
 */
class ReplyRetentionTest {
    private final Database db = TestDatabase.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void purgeForgetsSenderAndTextOfMessagesOlderThanTheRetention() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
        Utskick app = Utskick.wire(Config.of(Map.of("security.secret", se.utskick.TestSecret.VALUE, "replies.retention", "180d")), db, clock);
        insert(1, "2026-09-01 12:00:00", "REPLY");        // 181 days before
        insert(2, "2026-09-03 12:00:00", "HARD_BOUNCE");  // 179 days before
        assertEquals("1 raw messages purged", app.jobs().stream().filter(j -> j.name().equals("purge-replies"))
                .findFirst().orElseThrow().run());
        assertEquals(List.of("1|REPLY|7|3|null|null|null|null|null|null|null|null",
                        "2|HARD_BOUNCE|7|3|Åsa <asa@example.org>|Re: brevet|Hej, vi kommer.|Hej|<m2@x>|asa@example.org|550 no|raw"),
                rows("SELECT uid, kind, letter_id, association_id, sender, subject, body_text, excerpt, message_id,"
                        + " bounce_recipient, bounce_diagnostic, CAST(raw_message AS CHAR) FROM inbound_message ORDER BY uid"));
    }

    private void insert(int uid, String received, String kind) {
        db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO inbound_message (mailbox, uid_validity, uid,"
                + " received_at, processed_at, kind, correlation, letter_id, association_id, sender, subject, body_text, excerpt,"
                + " message_id, bounce_recipient, bounce_diagnostic, raw_message) VALUES ('INBOX', 1, " + uid + ", '" + received
                + "', '" + received + "', '" + kind + "', 'TOKEN', 7, 3, 'Åsa <asa@example.org>', 'Re: brevet', 'Hej, vi kommer.',"
                + " 'Hej', '<m" + uid + "@x>', 'asa@example.org', '550 no', 'raw')"));
    }

    private List<String> rows(String sql) {
        return db.withConnection(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        b.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
            return out;
        });
    }
}
