package se.utskick.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.register.SampleRegister;

/**
 * Guards that an audience rule reaches exactly the right people, on the sample register (with some
 * members made LEFT, BOUNCED and unsubscribed): counts for every combination of roles ×
 * associations × regions equal counts from independently written SQL; each person once; only
 * active members with an OK address; unsubscribers left out of the members' letter only; the
 * left-out counts by reason add up.
 */
class AudienceResolutionTest {
    static Database db;
    static Audiences audiences;

    @BeforeAll
    static void register() {
        db = TestDatabase.fresh();
        SampleRegister.load(db, SampleRegister.DEFAULT_MEMBERS, SampleRegister.DEFAULT_SEED);
        db.withConnection(c -> {
            c.createStatement().executeUpdate("UPDATE member SET status = 'LEFT', left_on = CURDATE() WHERE MOD(id, 53) = 0");
            c.createStatement().executeUpdate("UPDATE member SET email_status = 'BOUNCED' WHERE email_status = 'OK' AND MOD(id, 41) = 0");
            return c.createStatement().executeUpdate("UPDATE member SET unsubscribed_at = NOW(3) WHERE MOD(id, 37) = 0");
        });
        audiences = new Audiences(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void countsForEveryRoleAssociationRegionCombinationEqualIndependentSql() {
        List<Set<String>> roleSets = List.of(Set.of(), Set.of("CHAIR"), Set.of("CHAIR", "BOARD_MEMBER", "MEMBERSHIP_OFFICER"),
                Set.of("DISTRICT_BOARD"), Set.of("TREASURER", "EXECUTIVE_COMMITTEE"));
        List<Set<Integer>> assocSets = List.of(Set.of(), Set.of(1), Set.of(2, 5));
        List<Set<String>> regionSets = List.of(Set.of(), Set.of("NORTH"), Set.of("SOUTH"));
        int checked = 0;
        for (Set<String> roles : roleSets) {
            for (Set<Integer> assocs : assocSets) {
                for (Set<String> regions : regionSets) {
                    for (boolean members : new boolean[] {false, true}) {
                        Rule rule = new Rule(roles, assocs, regions, Set.of(), Set.of());
                        int expected = AudienceFixture.count(db, independentCount(roles, assocs, regions, members));
                        Resolution r = audiences.resolve(rule, members);
                        assertEquals(expected, r.recipients(), rule.format() + " members=" + members);
                        assertEquals(expected, recipientIds(rule, members).size(), "rows of " + rule.format());
                        checked++;
                    }
                }
            }
        }
        assertEquals(90, checked);
        assertTrue(audiences.resolve(Rule.ofRoles("CHAIR"), false).recipients() >= 25, "the sample has a chair per association");
        assertTrue(audiences.resolve(Rule.ofRoles("DISTRICT_BOARD"), false).recipients() > 0);
        assertTrue(audiences.resolve(Rule.allMembers().inRegions(List.of("NORTH")), true).recipients() > 0);
    }

    /** The same question asked another way: EXISTS over roles instead of a grouped join. */
    private static String independentCount(Set<String> roles, Set<Integer> assocs, Set<String> regions, boolean members) {
        String assocExpr = roles.isEmpty() ? "m.association_id" : "IFNULL(r.association_id, m.association_id)";
        String where = (assocs.isEmpty() ? "" : " AND " + assocExpr + " IN (" + join(assocs) + ")")
                + (regions.isEmpty() ? "" : " AND (SELECT region FROM association WHERE id = " + assocExpr + ") IN (" + quoted(regions) + ")");
        String base = "SELECT COUNT(*) FROM member m WHERE m.status = 'ACTIVE' AND m.email_status = 'OK'"
                + (members ? " AND m.unsubscribed_at IS NULL" : "");
        if (roles.isEmpty()) {
            return base + where;
        }
        return base + " AND EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = m.id AND r.role IN (" + quoted(roles) + ")" + where + ")";
    }

    @Test
    void everyRecipientAppearsOnceEvenWithSeveralRoles() {
        long id = AudienceFixture.person(db, "X1", "Märta", "Flerroll", 3, "ACTIVE", "OK", false,
                "CHAIR", "BOARD_MEMBER", "MEMBERSHIP_OFFICER", "DISTRICT_BOARD");
        List<Long> ids = recipientIds(BuiltInList.ALL_BOARDS.rule(), false);
        assertEquals(ids.size(), Set.copyOf(ids).size(), "duplicates in all boards");
        assertEquals(1, ids.stream().filter(i -> i == id).count());
        assertEquals(1, recipientIds(Rule.ofRoles("CHAIR", "DISTRICT_BOARD"), false).stream().filter(i -> i == id).count());
    }

    @Test
    void leftMemberBouncedAddressAndUnsubscriberAreLeftOutWhereTheyShouldBe() {
        long left = AudienceFixture.person(db, "X2", "Göran", "Gått", 1, "LEFT", "OK", false, "CHAIR");
        long bounced = AudienceFixture.person(db, "X3", "Ella", "Studs", 1, "ACTIVE", "BOUNCED", false, "BOARD_MEMBER");
        long unsubscribed = AudienceFixture.person(db, "X4", "Sören", "Avanmäld", 1, "ACTIVE", "OK", true, "CHAIR");
        List<Long> boards = recipientIds(BuiltInList.ALL_BOARDS.rule(), false);
        List<Long> everyone = recipientIds(Rule.allMembers(), true);
        assertFalse(boards.contains(left));
        assertFalse(everyone.contains(left));
        assertFalse(boards.contains(bounced));
        assertFalse(everyone.contains(bounced));
        assertFalse(everyone.contains(unsubscribed), "unsubscribed from the members' letter");
        List<Audiences.LeftOutPerson> out = audiences.leftOut(Rule.allMembers(), true, 100_000);
        assertTrue(out.contains(new Audiences.LeftOutPerson("X2", "Göran", "Gått", LeftOut.LEFT)), out::toString);
        assertTrue(out.contains(new Audiences.LeftOutPerson("X3", "Ella", "Studs", LeftOut.BOUNCED)));
        assertTrue(out.contains(new Audiences.LeftOutPerson("X4", "Sören", "Avanmäld", LeftOut.UNSUBSCRIBED)));
        assertEquals(audiences.resolve(Rule.allMembers(), true).leftOut().values().stream().mapToInt(Integer::intValue).sum(), out.size());
        assertTrue(boards.contains(unsubscribed), "an unsubscribed board member still gets the board letter");
    }

    @Test
    void leftOutCountsByReasonEqualIndependentCounts() {
        Resolution r = audiences.resolve(Rule.allMembers(), true);
        assertEquals(AudienceFixture.count(db, "SELECT COUNT(*) FROM member WHERE status = 'LEFT'"), r.leftOut(LeftOut.LEFT));
        for (String s : List.of("MISSING", "INVALID", "BOUNCED")) {
            assertEquals(AudienceFixture.count(db, "SELECT COUNT(*) FROM member WHERE status = 'ACTIVE' AND email_status = '" + s + "'"),
                    r.leftOut(LeftOut.valueOf(s)), s);
        }
        assertEquals(AudienceFixture.count(db, "SELECT COUNT(*) FROM member WHERE status = 'ACTIVE' AND email_status = 'OK' "
                + "AND unsubscribed_at IS NOT NULL"), r.leftOut(LeftOut.UNSUBSCRIBED));
        int total = r.recipients() + r.leftOut().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(AudienceFixture.count(db, "SELECT COUNT(*) FROM member"), total);
        assertEquals(0, audiences.resolve(Rule.allMembers(), false).leftOut(LeftOut.UNSUBSCRIBED));
    }

    @Test
    void boardRecipientCarriesTheAssociationTheyAnswerFor() {
        long id = AudienceFixture.person(db, "X5", "Ida", "Pendlare", 1, "ACTIVE", "OK", false);
        db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO member_role (member_id, role, association_id) VALUES (" + id + ", 'CHAIR', 2)"));
        Map<Long, Long> assoc = new HashMap<>();
        audiences.forEachRecipient(BuiltInList.ALL_CHAIRS.rule(), false, m -> assoc.put(m.memberId(), m.associationId()));
        assertEquals(2L, assoc.get(id), "chair of association 2, member of association 1");
        Map<Long, Long> own = new HashMap<>();
        audiences.forEachRecipient(Rule.allMembers(), false, m -> own.put(m.memberId(), m.associationId()));
        assertEquals(1L, own.get(id));
    }

    @Test
    void excludedRolesAndAssociationsAreLeftOut() {
        Rule boards = BuiltInList.ALL_BOARDS.rule();
        Rule rule = boards.excluding(List.of("DISTRICT_BOARD"), List.of(1));
        List<Long> ids = recipientIds(rule, false);
        int expected = AudienceFixture.count(db, "SELECT COUNT(*) FROM member m WHERE m.status = 'ACTIVE' AND m.email_status = 'OK' "
                + "AND EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = m.id AND r.role IN ('CHAIR','BOARD_MEMBER','MEMBERSHIP_OFFICER') "
                + "AND r.association_id <> 1) AND NOT EXISTS (SELECT 1 FROM member_role d WHERE d.member_id = m.id AND d.role = 'DISTRICT_BOARD')");
        assertEquals(expected, ids.size());
        assertTrue(expected > 0);
    }

    @Test
    void ruleSurvivesItsTextualForm() {
        Rule r = new Rule(Set.of("CHAIR", "POLICY_LEAD"), Set.of(3, 1), Set.of("NORTH"), Set.of("OMBUDSMAN"), Set.of(7));
        assertEquals(r, Rule.parse(r.format()));
        assertEquals(Rule.allMembers(), Rule.parse(""));
    }

    @Test
    void sampleChairsWhoAreAlsoBoardMembersGetOneMessage() {
        int twoRoles = AudienceFixture.count(db, "SELECT COUNT(*) FROM member m WHERE m.status = 'ACTIVE' AND m.email_status = 'OK' "
                + "AND EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = m.id AND r.role = 'CHAIR') "
                + "AND EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = m.id AND r.role = 'BOARD_MEMBER')");
        assertTrue(twoRoles > 0, "the sample's chairs also sit on the board");
        List<Long> ids = recipientIds(BuiltInList.ALL_BOARDS.rule(), false);
        assertEquals(ids.size(), Set.copyOf(ids).size());
    }

    @Test
    void swedishRoleNamesAreUnderstood() {
        assertEquals("CHAIR", Rule.roleName("Ordförande"));
        assertEquals("MEMBERSHIP_OFFICER", Rule.roleName("medlemsansvarig"));
        assertEquals("BOARD_MEMBER", Rule.roleName("board-member"));
    }

    @Test
    void knownRolesAreExactlyTheRolesOfTheSchema() {
        String type = db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COLUMN_TYPE FROM information_schema.COLUMNS "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'member_role' AND COLUMN_NAME = 'role'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        Set<String> schema = java.util.Arrays.stream(type.replaceAll("^enum\\(|\\)$", "").split(","))
                .map(s -> s.replace("'", "")).collect(Collectors.toSet());
        assertEquals(schema, Rule.KNOWN_ROLES);
    }

    private static List<Long> recipientIds(Rule rule, boolean members) {
        List<Long> ids = new ArrayList<>();
        audiences.forEachRecipient(rule, members, m -> ids.add(m.memberId()));
        return ids;
    }

    private static String join(Set<Integer> s) {
        return s.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String quoted(Set<String> s) {
        return s.stream().map(x -> "'" + x + "'").collect(Collectors.joining(","));
    }
}
