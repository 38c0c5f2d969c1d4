package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Guards the import as a synchronisation: every spreadsheet variant of one export gives the same
 * register, a file with errors changes nothing and names every bad line, a second import of the
 * same file changes nothing, members missing from a full export are marked LEFT.
 */
class RegisterImportTest {
    private final RegisterFixture fx = new RegisterFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void everyEncodingAndDelimiterVariantGivesTheSameRegister() {
        List<String> first = null;
        int n = 0;
        for (Object[] v : new Object[][] {
                {StandardCharsets.UTF_8, ';', true}, {StandardCharsets.UTF_8, ',', false},
                {ExportFile.WINDOWS_1252, ';', false}, {StandardCharsets.UTF_8, '\t', false}}) {
            try (RegisterFixture own = new RegisterFixture()) {
                Path file = own.dir.resolve("variant" + n++ + ".csv");
                SampleRegister.writeCsv(file, 400, 7, (java.nio.charset.Charset) v[0], (char) v[1], (boolean) v[2]);
                ImportReport r = own.importFile(file);
                assertEquals(v[0], r.encoding(), "detected encoding");
                assertEquals((char) v[1], r.delimiter(), "detected delimiter");
                List<String> snapshot = own.snapshot();
                if (first == null) {
                    first = snapshot;
                    assertTrue(snapshot.stream().anyMatch(s -> s.matches(".*[åäöÅÄÖ].*")), "Swedish letters in the register");
                } else {
                    assertEquals(first, snapshot, "variant " + v[0] + " / '" + v[1] + "'");
                }
            }
        }
    }

    @Test
    void fileWithThreeBadLinesNamesAllThreeAndChangesNothing() {
        fx.importFile(fx.file("good.csv", "1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;2020-01-01;Ordförande"));
        List<String> before = fx.snapshot();
        Path bad = fx.file("bad.csv",
                "1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;2020-01-01;Ordförande",
                "1002;;Berg;b@example.org;;Karlstad;Söder;;",
                "1003;Nils;Ek;n@example.org;;Karlstad;Söder;första maj;",
                "1004;Per;Lind;p@example.org;;Karlstad;Söder;;Kung",
                "1005;Eva;Ny;e@example.org;;Arvika;Norr;;");
        ImportException e = assertThrows(ImportException.class, () -> fx.importFile(bad));
        assertEquals(List.of(3, 4, 5), e.errors().stream().map(LineError::line).toList(), e.getMessage());
        assertEquals(List.of("Förnamn", "Inträdesdatum", "Uppdrag"), e.errors().stream().map(LineError::column).toList());
        assertTrue(e.getMessage().contains("line 5, column Uppdrag: unknown role 'Kung'"), e.getMessage());
        assertEquals(before, fx.snapshot());
    }

    @Test
    void duplicateMemberNumberAndContradictoryRegionAreReported() {
        Path bad = fx.file("dup.csv",
                "1001;Åsa;Öberg;;;Karlstad;Söder;;",
                "1001;Åsa;Öberg;;;Karlstad;Norr;;");
        ImportException e = assertThrows(ImportException.class, () -> fx.importFile(bad));
        assertEquals(2, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().contains("the same member number as line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("contradicts line 2"), e.getMessage());
    }

    @Test
    void headerWithoutARequiredColumnIsRefusedNamingTheConfigKey() {
        Path bad = fx.write("nohead.csv", "Medlemsnummer;Förnamn;Efternamn;Förening\n1;A;B;Kil\n", StandardCharsets.UTF_8);
        ImportException e = assertThrows(ImportException.class, () -> fx.importFile(bad));
        assertTrue(e.getMessage().contains("register.columns.email"), e.getMessage());
    }

    @Test
    void newAssociationWithoutRegionIsRefused() {
        Path bad = fx.file("noregion.csv", "1001;Åsa;Öberg;;;Ny förening;;;");
        ImportException e = assertThrows(ImportException.class, () -> fx.importFile(bad));
        assertEquals(2, e.errors().get(0).line());
    }

    @Test
    void sameFileTwiceChangesNothingTheSecondTime() {
        Path file = fx.dir.resolve("sample.csv");
        SampleRegister.writeCsv(file, 600, 3);
        ImportReport first = fx.importFile(file);
        assertEquals(600, first.added());
        List<String> after = fx.snapshot();
        String updatedAt = fx.one("SELECT MAX(updated_at) FROM member");
        ImportReport second = fx.importFile(file);
        assertTrue(second.noChanges(), second.summary());
        assertEquals(600, second.unchanged());
        assertEquals(after, fx.snapshot());
        assertEquals(updatedAt, fx.one("SELECT MAX(updated_at) FROM member"));
    }

    @Test
    void memberDroppedFromFullExportIsMarkedLeftButNotFromPartialExport() {
        fx.importFile(fx.file("all.csv",
                "1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;;Ordförande",
                "1002;Göran;Ågren;goran@example.org;;Karlstad;Söder;;"));
        ImportReport partial = fx.register.importFile(fx.file("some.csv", "1002;Göran;Ågren;goran@example.org;;Karlstad;Söder;;"),
                ImportOptions.defaults().withPartial(true));
        assertEquals(0, partial.left());
        assertEquals("ACTIVE", fx.one("SELECT status FROM member WHERE member_number = '1001'"));

        ImportReport full = fx.register.importFile(fx.file("full.csv", "1002;Göran;Ågren;goran@example.org;;Karlstad;Söder;;"),
                ImportOptions.defaults().withAllowMassLeave(true));
        assertEquals(1, full.left());
        assertEquals(1, full.roleChanges());
        assertEquals("LEFT", fx.one("SELECT status FROM member WHERE member_number = '1001'"));
        assertEquals(List.of(), fx.rows("SELECT role FROM member_role r JOIN member m ON m.id = r.member_id WHERE m.member_number = '1001'"));

        ImportReport back = fx.importFile(fx.file("back.csv",
                "1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;;Ordförande",
                "1002;Göran;Ågren;goran@example.org;;Karlstad;Söder;;"));
        assertEquals(1, back.updated());
        assertEquals("ACTIVE|null", fx.one("SELECT status, left_on FROM member WHERE member_number = '1001'"));
    }

    @Test
    void dryRunReportsChangesAndWritesNothing() {
        fx.importFile(fx.file("v1.csv",
                "1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;;Ordförande",
                "1002;Göran;Ågren;goran@example.org;;Karlstad;Söder;;"));
        List<String> before = fx.snapshot();
        ImportReport r = fx.register.importFile(fx.file("v2.csv",
                "1001;Åsa;Öberg;asa.oberg@example.org;;Karlstad;Söder;;Kassör",
                "1003;Östen;Lund;;;Arvika;Norr;;"), ImportOptions.defaults().withDryRun(true));
        assertEquals(1, r.added());
        assertEquals(1, r.updated());
        assertEquals(1, r.left());
        assertEquals(1, r.roleChanges());
        assertEquals(1, r.associationsAdded());
        assertTrue(r.changes().stream().anyMatch(s -> s.startsWith("roles   1001: Ordförande -> Kassör")), r.changes()::toString);
        assertEquals(before, fx.snapshot());
    }

    @Test
    void rolesAreReplacedAndDistrictRolesBelongToNoAssociation() {
        fx.importFile(fx.file("r1.csv", "1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;;"
                + "\"Ordförande, Distriktsstyrelse, Politikansvarig: feminism\""));
        assertEquals(List.of("CHAIR|Karlstad|", "DISTRICT_BOARD|null|", "POLICY_LEAD|null|feminism"),
                fx.rows("SELECT r.role, a.name, r.policy_area FROM member_role r LEFT JOIN association a ON a.id = r.association_id ORDER BY r.role"));
        ImportReport r = fx.importFile(fx.file("r2.csv", "1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;;VU"));
        assertEquals(1, r.roleChanges());
        assertEquals(List.of("EXECUTIVE_COMMITTEE"), fx.rows("SELECT role FROM member_role"));
    }

    @Test
    void sampleDistrictHasTheAdvertisedShape() {
        ImportReport r = SampleRegister.load(fx.db, SampleRegister.DEFAULT_MEMBERS, SampleRegister.DEFAULT_SEED);
        RegisterSummary s = fx.register.summary();
        assertEquals(30, s.associations());
        assertEquals(3000, s.activeMembers());
        assertTrue(r.missingEmail() > 200 && r.missingEmail() < 300, "about 8% missing: " + r.missingEmail());
        assertTrue(r.invalidEmail() > 35 && r.invalidEmail() < 90, "about 2% malformed: " + r.invalidEmail());
        for (Role role : List.of(Role.CHAIR, Role.MEMBERSHIP_OFFICER, Role.TREASURER)) {
            assertEquals(30, s.roles().get(role), role.name());
        }
        assertEquals(9, s.roles().get(Role.DISTRICT_BOARD));
        assertEquals(4, s.roles().get(Role.EXECUTIVE_COMMITTEE));
        assertEquals(List.of("0"), fx.rows("SELECT COUNT(*) FROM member_role r JOIN member m ON m.id = r.member_id"
                + " WHERE m.email_status <> 'OK'"), "every role holder has a usable address");
        assertFalse(fx.rows("SELECT email FROM member WHERE email LIKE '%@xn--%'").isEmpty(), "some IDN domains");
        assertTrue(fx.rows("SELECT DISTINCT SUBSTRING_INDEX(email, '@', -1) FROM member WHERE email IS NOT NULL").stream()
                .allMatch(d -> d.equals("example") || d.endsWith(".example") || d.matches("example\\.(org|com|net)")),
                "only reserved example domains");
    }

    @Test
    void swedishNamesRoundTripThroughExportUnchanged() {
        Path original = fx.dir.resolve("original.csv");
        SampleRegister.writeCsv(original, 500, 11);
        fx.importFile(original);
        fx.register.importFile(fx.file("names.csv", "900001;Åsa-Märta;Öberg Ågren;\"åsa@Föreningen.example\";;Säffle;Söder;;Kassör"),
                ImportOptions.defaults().withAllowMassLeave(true));
        Path exported = fx.dir.resolve("exported.csv");
        assertEquals(1, fx.register.export(exported));
        assertTrue(fx.importFile(exported).noChanges(), "export of a partial import is itself the register");

        fx.register.importFile(original, ImportOptions.defaults().withAllowMassLeave(true));
        int n = fx.register.export(exported);
        assertEquals(500, n);
        try (RegisterFixture other = new RegisterFixture()) {
            other.importFile(exported);
            assertEquals(fx.snapshot().stream().filter(r -> !r.endsWith("|LEFT")).toList(), other.snapshot());
        }
        assertTrue(fx.importFile(exported).noChanges());
    }

    @Test
    void windows1252FileImportedAsUtf8ByExplicitEncodingIsRefusedNotMangled() {
        Path file = fx.write("ansi.csv", RegisterFixture.HEADER + "\n1001;Åsa;Öberg;asa@example.org;;Karlstad;Söder;2020-01-01;\n",
                ExportFile.WINDOWS_1252);
        ImportException e = assertThrows(ImportException.class,
                () -> fx.register.importFile(file, ImportOptions.defaults().withEncoding(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertEquals(List.of(), fx.rows("SELECT first_name FROM member"), "nothing imported");
    }
}
