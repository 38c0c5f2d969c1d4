package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.audit.AuditEntry;

/**
 * The register import in the browser, through {@code Utskick.wire} and the real server: a file with
 * a bad line is refused (422) with the line's number and a Swedish reason and changes nothing; the
 * fixed file shows the dry run as a diff (added, address change, leaving) and still changes nothing;
 * the confirmation applies it whole, once, and the audit log has who and the counts, no names or
 * addresses; a file that would mark most members as left needs the extra confirmation.
 */
class RegisterImportPagesTest {
    private static final Pattern TOKEN = Pattern.compile("action=\"/register/import/([A-Za-z0-9_-]+)\"");
    static WebFixture fx;
    static Http h;

    @BeforeAll
    static void start() {
        fx = new WebFixture(300);
        h = fx.signedIn();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static List<String> export() throws IOException {
        Path f = Files.createTempFile("export", ".csv");
        fx.app.register().export(f);
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        Files.delete(f);
        return lines;
    }

    private static byte[] csv(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> upload(List<String> lines) {
        return h.postFile("/register/import", "file", "medlemmar.csv", csv(lines), "csrf", h.csrf("/register/import"));
    }

    private static String token(String body) {
        Matcher m = TOKEN.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static int members() {
        return fx.db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM member")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void aBadLineIsRefusedWithItsNumberThenTheFixedFileIsShownAsADiffAndApplied() throws IOException {
        List<String> lines = export();
        List<String> header = Arrays.asList(lines.getFirst().split(";", -1));
        int email = header.indexOf("E-post");
        int number = header.indexOf("Medlemsnummer");
        int joined = header.indexOf("Inträdesdatum");
        int first = header.indexOf("Förnamn");
        // a member with a plain line (no quotes) gets a new address; another leaves; one is new
        int changed = 1;
        while (lines.get(changed).contains("\"") || lines.get(changed).split(";", -1)[email].isEmpty()) {
            changed++;
        }
        String[] c = lines.get(changed).split(";", -1);
        c[email] = "ny.adress." + c[number] + "@exempel.se";
        lines.set(changed, String.join(";", c));
        String leaving = lines.remove(changed + 1).split(";", -1)[number];
        String[] n = c.clone();
        n[number] = "NY900001";
        n[first] = "Nyfiken";
        n[email] = "nyfiken@exempel.se";
        lines.add(String.join(";", n));
        String[] bad = n.clone();
        bad[number] = "NY900002";
        bad[joined] = "2026-13-45";
        lines.add(String.join(";", bad));
        int badLine = lines.size();
        int before = members();

        HttpResponse<String> refused = upload(lines);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("rad " + badLine + "</td><td>Inträdesdatum</td><td>”2026-13-45” är inget datum på formen yyyy-MM-dd."),
                refused.body());
        assertTrue(refused.body().contains("Inget har ändrats"), refused.body());
        assertEquals(before, members(), "nothing of the refused file was imported");

        bad[joined] = "2026-01-15";
        lines.set(badLine - 1, String.join(";", bad));
        HttpResponse<String> dry = upload(lines);
        assertEquals(200, dry.statusCode(), dry.body());
        String page = dry.body();
        assertTrue(page.contains("Inget är ändrat än"), page);
        assertTrue(page.contains("Tillkommer</strong> (2)"), page);
        assertTrue(page.contains("NY900001 Nyfiken"), page);
        assertTrue(page.contains("Ändrad e-postadress</strong> (1)"), page);
        assertTrue(page.contains(c[number] + ": e-postadress (giltig)"), page);
        assertTrue(page.contains("Lämnar</strong> (1)") && page.contains(leaving), page);
        assertEquals(before, members(), "the dry run changed nothing");

        String token = token(page);
        HttpResponse<String> applied = h.post("/register/import/" + token, "csrf", h.csrf("/register/import"));
        assertEquals(200, applied.statusCode(), applied.body());
        assertTrue(applied.body().contains("Registret är inläst.") && applied.body().contains("2 nya, 1 ändrade och 1 markerade som utträdda."),
                applied.body());
        assertEquals(before + 2, members());
        assertTrue(fx.app.register().memberIdByNumber("NY900002").isPresent());
        AuditEntry a = fx.app.audit().recent(WebFixture.USER, "register.import", null, 1).getFirst();
        assertTrue(a.detail().contains("2 added, 1 updated, 1 left"), a.detail());
        assertFalse(a.detail().contains("Nyfiken") || a.detail().contains("@"), "counts, no personal data: " + a.detail());

        assertEquals(410, h.post("/register/import/" + token, "csrf", h.csrf("/register/import")).statusCode(), "applied once");
    }

    @Test
    void aMassLeaveNeedsItsOwnConfirmation() throws IOException {
        List<String> lines = export();
        List<String> few = new ArrayList<>(lines.subList(0, 11));
        int active = fx.app.register().summary().activeMembers();
        HttpResponse<String> dry = upload(few);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("name=\"massLeave\""), dry.body());
        String token = token(dry.body());
        HttpResponse<String> refused = h.post("/register/import/" + token, "csrf", h.csrf("/register/import"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Inget har ändrats. Bekräfta särskilt"), refused.body());
        assertEquals(active, fx.app.register().summary().activeMembers(), "nothing changed");
        HttpResponse<String> applied = h.post("/register/import/" + token, "csrf", h.csrf("/register/import"), "massLeave", "ja");
        assertEquals(200, applied.statusCode(), applied.body());
        assertEquals(10, fx.app.register().summary().activeMembers());
        assertTrue(fx.app.audit().recent(WebFixture.USER, "register.import", null, 1).getFirst().detail().contains("mass leave confirmed"));
    }

    @Test
    void anEmptyUploadIsRefusedAtTheField() {
        HttpResponse<String> r = h.postFile("/register/import", "file", "", new byte[0], "csrf", h.csrf("/register/import"));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("Välj en exportfil att ladda upp."), r.body());
    }

    /** Issue 18: at most a thousand bad lines are kept and shown, and the page says the file's true total. */
    @Test
    void moreBadLinesThanAreShownAreCountedOnThePage() throws IOException {
        List<String> lines = export();
        List<String> header = Arrays.asList(lines.getFirst().split(";", -1));
        String[] template = lines.get(1).split(";", -1);
        List<String> bad = new ArrayList<>(List.of(lines.getFirst()));
        for (int i = 0; i < 1_005; i++) {
            String[] b = template.clone();
            b[header.indexOf("Medlemsnummer")] = "FEL" + i;
            b[header.indexOf("Inträdesdatum")] = "2026-13-45";
            bad.add(String.join(";", b));
        }
        int before = members();

        HttpResponse<String> refused = upload(bad);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Filen har 1005 fel i allt; här visas de första 1000."), refused.body());
        assertTrue(refused.body().contains("rad 1001</td>"), "the thousandth bad line is shown");
        assertFalse(refused.body().contains("rad 1002</td>"), "the 1001st is counted, not shown");
        assertEquals(before, members());
        assertFalse(upload(List.of(lines.getFirst(), "x;;;;;;;;")).body().contains("errors-more"), "no total line when all are shown");
    }
}
