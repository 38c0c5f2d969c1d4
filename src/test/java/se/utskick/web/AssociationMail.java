package se.utskick.web;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * For the association page tests: sends a real targeted mailing with a feedback question to some
 * associations' boards through the fixture's outbox and GreenMail, and reads the page links out of
 * the messages that arrived.
 */
final class AssociationMail {
    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/forening/[a-z2-7]{24})");

    private AssociationMail() {
    }

    /** The first {@code n} associations' names, by id. */
    static List<String> associations(WebFixture fx, int n) {
        return fx.db.withConnection(c -> {
            List<String> names = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT name FROM association ORDER BY id LIMIT " + n)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    static long associationId(WebFixture fx, String name) {
        return fx.app.register().associationNames().entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst()
                .orElseThrow().getKey();
    }

    /** Sends a targeted mailing asking for feedback to the boards of {@code names}; returns the letter. */
    static Letter sendQuestion(WebFixture fx, List<String> names, String question, LocalDate deadline) throws Exception {
        Letter letter = fx.app.letters().create(LetterKind.TARGETED, null, names, null);
        fx.app.letters().setSubject(letter.id(), "Valplanering i föreningarna");
        fx.app.letters().addItemText(letter.id(), "Hur går det?", "Berätta om era planer.");
        fx.app.letters().setFeedbackRequest(letter.id(), question);
        fx.app.letters().setDeadline(letter.id(), deadline);
        int before = fx.mail.getReceivedMessages().length;
        fx.app.letters().approve(letter.id());
        int frozen = fx.app.delivery().send(letter.id());
        if (!fx.mail.waitForIncomingEmail(60_000, before + frozen)) {
            throw new AssertionError("expected " + frozen + " messages");
        }
        long end = System.nanoTime() + 30_000_000_000L;
        while (fx.app.letters().get(letter.id()).state() != LetterState.SENT && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return letter;
    }

    /** Per association name, the path of the page link in the first arrived message to one of its board members. */
    static Map<String, String> links(WebFixture fx, List<String> names) throws Exception {
        Map<String, String> associationOf = fx.db.withConnection(c -> {
            Map<String, String> m = new HashMap<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT m.email, a.name FROM member m JOIN association a ON a.id = m.association_id WHERE m.email IS NOT NULL")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
            return m;
        });
        Map<String, String> out = new HashMap<>();
        for (MimeMessage m : fx.mail.getReceivedMessages()) {
            String to = ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
            String a = associationOf.get(to);
            if (names.contains(a) && !out.containsKey(a)) {
                Matcher x = LINK.matcher(text(m));
                if (x.find()) {
                    out.put(a, x.group(1));
                }
            }
        }
        return out;
    }

    /** The text/plain part of a message. */
    static String text(MimeMessage m) throws Exception {
        Object c = m.getContent();
        if (c instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.isMimeType("text/plain")) {
                    return (String) p.getContent();
                }
            }
        }
        return String.valueOf(c);
    }

    /** Counts rows of a query with one long parameter. */
    static long count(WebFixture fx, String sql, long param) {
        return fx.db.withConnection(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setLong(1, param);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static String nextMonthAt(int day, int hour) {
        return LocalDateTime.now().plusMonths(1).withDayOfMonth(day).withHour(hour).withMinute(0).withSecond(0).withNano(0).toString()
                .substring(0, 16);
    }
}
