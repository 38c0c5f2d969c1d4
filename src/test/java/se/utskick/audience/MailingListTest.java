package se.utskick.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/** Guards saved and built-in lists: names, unknown roles/associations/regions refused with the bad value named. */
class MailingListTest {
    static Database db;
    static Audiences audiences;

    @BeforeAll
    static void register() {
        db = TestDatabase.fresh();
        AudienceFixture.generate(db, 200, 3);
        audiences = new Audiences(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void savedListIsFoundByNameWithItsRule() {
        Rule rule = Rule.ofRoles("CHAIR").inAssociations(audiences.associationIds(List.of("Säffle", "åmål")));
        audiences.create("ordforande-soder", "Ordförande i söder", rule);
        NamedList l = audiences.list("ordforande-soder");
        assertEquals(rule, l.rule());
        assertTrue(audiences.lists().stream().anyMatch(x -> x.name().equals("ordforande-soder")));
        assertTrue(audiences.describe(rule).contains("Säffle, Åmål"), audiences.describe(rule));
    }

    @Test
    void builtInListsAreThere() {
        assertEquals(Set.of("all-boards", "all-chairs", "all-membership-officers", "district-board", "executive-committee", "all-members"),
                Set.copyOf(audiences.lists().stream().filter(NamedList::builtIn).map(NamedList::name).toList()));
    }

    @Test
    void unknownRoleIsRefusedNamingIt() {
        var e = assertThrows(AudienceException.class, () -> Rule.ofRoles(Rule.roleName("skattmästare")));
        assertTrue(e.getMessage().contains("unknown role 'SKATTMÄSTARE'"), e.getMessage());
        assertTrue(e.getMessage().contains("board-member"), e.getMessage());
    }

    @Test
    void unknownAssociationIsRefusedNamingIt() {
        var e = assertThrows(AudienceException.class, () -> audiences.associationIds(List.of("Karlstad", "Atlantis")));
        assertTrue(e.getMessage().contains("unknown association 'Atlantis'"), e.getMessage());
    }

    @Test
    void unknownRegionIsRefused() {
        var e = assertThrows(AudienceException.class, () -> Rule.allMembers().inRegions(List.of(Rule.regionName("väst"))));
        assertTrue(e.getMessage().contains("unknown region"), e.getMessage());
        assertEquals("NORTH", Rule.regionName("Norr"));
    }

    @Test
    void badOrTakenListNamesAreRefused() {
        assertThrows(AudienceException.class, () -> audiences.create("Styrelser i norr", "", Rule.allMembers()));
        assertThrows(AudienceException.class, () -> audiences.create("all-boards", "", Rule.allMembers()));
        audiences.create("dubbel", "", Rule.allMembers());
        var e = assertThrows(AudienceException.class, () -> audiences.create("dubbel", "", Rule.allMembers()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        var missing = assertThrows(AudienceException.class, () -> audiences.list("finns-inte"));
        assertTrue(missing.getMessage().contains("no list named 'finns-inte'"), missing.getMessage());
    }
}
