package se.utskick.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.TestSecret;
import se.utskick.Utskick;
import se.utskick.audience.AudienceMember;
import se.utskick.audience.Rule;
import se.utskick.db.Database;
import se.utskick.register.AddressRule;
import se.utskick.register.EmailStatus;
import se.utskick.register.MemberStatus;
import se.utskick.register.MemberView;

/**
 * The register owns what a usable address is; audience, reminders and delivery ask it in their own
 * SQL. For every {@link EmailStatus} (and an active and a left member in each), on a real database
 * through {@link Utskick#wire}: the members' audience and a role's audience include exactly the usable
 * members, the reminders list exactly the ones that need fixing and count a role holder as reachable
 * exactly when usable, delivery's resend of failed rows queues exactly the usable ones, and the
 * register's own list of addresses to fix agrees. A new address state, or a feature that writes its
 * own rule, makes one of these differ.
 */
class AddressRuleAgreementTest {
    private final Database db = TestDatabase.fresh();
    private final Utskick app = Utskick.wire(Config.of(Map.of("security.secret", TestSecret.VALUE,
            "smtp.host", "127.0.0.1", "mail.domain", "varmland.example.org")), db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void audienceRemindersAndDeliveryAgreeWithTheRegisterOnEveryAddressState() {
        long association = association();
        Map<String, Long> ids = new HashMap<>();
        for (EmailStatus email : EmailStatus.values()) {
            for (MemberStatus status : MemberStatus.values()) {
                ids.put(number(email, status), member(association, email, status));
            }
        }
        long letter = sentLetterWithEveryoneFailed(ids.values());

        Set<Long> membersAudience = new HashSet<>();
        app.audiences().forEachRecipient(Rule.allMembers(), false, m -> membersAudience.add(m.memberId()));
        Set<Long> chairsAudience = app.audiences().firstRecipients(Rule.ofRoles("CHAIR"), false, 1000).stream()
                .map(AudienceMember::memberId).collect(Collectors.toSet());
        ReminderStore reminders = new ReminderStore(db, app.register()::associationNames);
        Set<String> toFix = reminders.problems(association).stream().map(ReminderStore.Problem::number).collect(Collectors.toSet());
        Set<Long> reachableChairs = reminders.holders("CHAIR", association).stream().filter(ReminderStore.Holder::usable)
                .map(ReminderStore.Holder::memberId).collect(Collectors.toSet());
        Set<String> registerToFix = app.register().missingEmail(Optional.empty()).stream().map(MemberView::number)
                .collect(Collectors.toSet());
        int queued = app.delivery().resendFailed(letter);
        Set<Long> resent = new HashSet<>(longs("SELECT member_id FROM delivery WHERE letter_id = " + letter + " AND state = 'QUEUED'"));

        int usable = 0;
        for (EmailStatus email : EmailStatus.values()) {
            for (MemberStatus status : MemberStatus.values()) {
                String n = number(email, status);
                long id = ids.get(n);
                boolean rule = AddressRule.usable(status, email);
                boolean fix = AddressRule.needsFixing(status, email);
                usable += rule ? 1 : 0;
                assertEquals(rule, membersAudience.contains(id), "audience (members' letter) on " + n);
                assertEquals(rule, chairsAudience.contains(id), "audience (a role's letter) on " + n);
                assertEquals(rule, reachableChairs.contains(id), "reminders (who can be told) on " + n);
                assertEquals(rule, resent.contains(id), "delivery (resend failed) on " + n);
                assertEquals(fix, toFix.contains(n), "reminders (what needs fixing) on " + n);
                assertEquals(fix, registerToFix.contains(n), "register (addresses to fix) on " + n);
                assertEquals(status == MemberStatus.ACTIVE, rule ^ fix, "usable and needs fixing split the active members: " + n);
            }
        }
        assertEquals(usable, queued);
        // the audience's counts by reason (what the letter pages show) know every state too
        assertEquals(usable, app.audiences().resolve(Rule.allMembers(), false).recipients());
        assertEquals(1, usable, "only OK is usable today; a new usable state is a decision, change this line with it");
    }

    private static String number(EmailStatus email, MemberStatus status) {
        return email.name() + "-" + status.name();
    }

    private long association() {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO district (id, name) VALUES (1, 'Vänsterpartiet Värmland')");
                s.executeUpdate("INSERT INTO association (district_id, name, region) VALUES (1, 'Karlstad', 'SOUTH')",
                        Statement.RETURN_GENERATED_KEYS);
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    /** A member in this state, chair of the association; the address is there unless MISSING. */
    private long member(long association, EmailStatus email, MemberStatus status) {
        String n = number(email, status);
        String address = email == EmailStatus.MISSING ? null : n.toLowerCase() + "@example.org";
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email, email_raw, "
                    + "email_status, email_status_since, association_id, status) VALUES (?, 'Åsa', 'Ström', ?, ?, ?, NOW(3), ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, n);
                ps.setString(2, address);
                ps.setString(3, address);
                ps.setString(4, email.name());
                ps.setLong(5, association);
                ps.setString(6, status.name());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_role (member_id, role, association_id) VALUES (?, 'CHAIR', ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, association);
                ps.executeUpdate();
            }
            return id;
        });
    }

    /** A SENT letter whose run finished with every member's delivery FAILED. */
    private long sentLetterWithEveryoneFailed(java.util.Collection<Long> members) {
        return db.inTransaction(c -> {
            long letter;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO letter (kind, state, subject, audience_name, audience_rule) "
                        + "VALUES ('TARGETED', 'SENT', 'Årsmöte', 'alla', 'all')", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    letter = k.getLong(1);
                }
                s.executeUpdate("INSERT INTO send_run (letter_id, list_id, state, recipients, started_at, finished_at) VALUES ("
                        + letter + ", 'Brev <l.varmland.example.org>', 'FINISHED', " + members.size() + ", NOW(3), NOW(3))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery (letter_id, member_id, email, first_name, last_name, "
                    + "state, attempts, due_at, queued_at) VALUES (?, ?, 'old@example.org', 'Åsa', 'Ström', 'FAILED', 3, NOW(3), NOW(3))")) {
                for (long m : members) {
                    ps.setLong(1, letter);
                    ps.setLong(2, m);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return letter;
        });
    }

    private List<Long> longs(String sql) {
        return db.withConnection(c -> {
            List<Long> out = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }
}
