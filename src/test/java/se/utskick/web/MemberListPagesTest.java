package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The member list through {@code Utskick.wire} and the real server: an association larger than a
 * page shows its true total and pages through all its members (no member twice, none missing);
 * the association, region, role and address filters give the totals SQL counts; an unknown filter
 * value answers 404.
 */
class MemberListPagesTest {
    static WebFixture fx;
    static Http h;

    @BeforeAll
    static void start() {
        fx = new WebFixture(3000);
        h = fx.signedIn();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static int count(String sql) {
        return fx.db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static int shown(String body) {
        Matcher m = Pattern.compile("href=\"/register/medlem/").matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aLargeAssociationShowsItsTrueTotalAndPagesThroughEveryMember() {
        int id = count("SELECT association_id FROM member WHERE association_id IS NOT NULL GROUP BY association_id ORDER BY COUNT(*) DESC LIMIT 1");
        int total = count("SELECT COUNT(*) FROM member WHERE association_id = " + id);
        assertTrue(total > RegisterPages.PAGE, "the sample's largest association has more than a page: " + total);
        int pages = (total + RegisterPages.PAGE - 1) / RegisterPages.PAGE;
        String first = h.get("/register?forening=" + id).body();
        assertTrue(first.contains(total + " medlemmar.") && first.contains("Sida 1 av " + pages + "."), first);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int p = 1; p <= pages; p++) {
            String body = h.get("/register?forening=" + id + "&sida=" + p).body();
            Matcher m = Pattern.compile("href=\"/register/medlem/(\\d+)\"").matcher(body);
            while (m.find()) {
                assertTrue(seen.add(m.group(1)), "member " + m.group(1) + " twice");
            }
            assertEquals(p < pages, body.contains("rel=\"next\""), "page " + p);
        }
        assertEquals(total, seen.size());
    }

    @Test
    void filtersGiveTheTotalsTheDatabaseCounts() {
        String missing = h.get("/register?adress=MISSING").body();
        int n = count("SELECT COUNT(*) FROM member WHERE email_status = 'MISSING'");
        assertTrue(n > 0 && missing.contains(n + " medlemmar."), missing);
        assertEquals(Math.min(n, RegisterPages.PAGE), shown(missing));

        String chairsNorth = h.get("/register?uppdrag=CHAIR&region=NORTH&aktiva=ja").body();
        int chairs = count("SELECT COUNT(*) FROM member m JOIN association a ON a.id = m.association_id WHERE m.status = 'ACTIVE'"
                + " AND a.region = 'NORTH' AND EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = m.id AND r.role = 'CHAIR')");
        assertTrue(chairs > 0 && chairsNorth.contains(chairs + " medlemmar."), chairsNorth);
        assertTrue(chairsNorth.contains("<option value=\"CHAIR\" selected>Ordförande</option>"), "the filter stays chosen, in Swedish");

        String unsubscribed = h.get("/register?adress=UNSUBSCRIBED").body();
        int u = count("SELECT COUNT(*) FROM member WHERE unsubscribed_at IS NOT NULL");
        assertTrue(unsubscribed.contains(u + " medlemmar.") || u == 0 && unsubscribed.contains("Ingen medlem matchar"), unsubscribed);

        assertEquals(404, h.get("/register?uppdrag=KING").statusCode());
        assertEquals(404, h.get("/register?adress=GONE").statusCode());
        assertFalse(h.get("/register").body().contains("/register/medlem/"), "no filter lists nobody");
    }
}
