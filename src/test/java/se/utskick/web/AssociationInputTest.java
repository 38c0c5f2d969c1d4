package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.letters.Letter;

/**
 * Bad input on every form of the association page and on the staff's material form, over real HTTP
 * on the real graph: each answer is a clear Swedish message (422) and nothing is stored; a file is
 * judged by its bytes, never its name; material of another association is not served before it is
 * approved; approved files are served as attachments with their checked type.
 */
class AssociationInputTest {
    static WebFixture fx;
    static Letter letter;
    static List<String> names;
    static Map<String, String> links;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void send() throws Exception {
        fx = new WebFixture(2000, Map.of("associations.material.max-bytes", "2048"));
        names = AssociationMail.associations(fx, 2);
        letter = AssociationMail.sendQuestion(fx, names, "Vad tycker ni om förslaget?", LocalDate.now().plusDays(7));
        links = AssociationMail.links(fx, names);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static long count(String table) {
        return AssociationMail.count(fx, "SELECT COUNT(*) FROM " + table + " WHERE id > ?", 0);
    }

    private static void refused(HttpResponse<String> r, String message) {
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains(message), "says: " + message + "\n" + r.body());
        assertFalse(r.body().contains("<script>alert"), "never echoes markup unescaped");
    }

    @Test
    void badEventsAreRefusedInSwedishAndNothingIsStored() {
        PageClient c = new PageClient(fx.base());
        String page = links.get(names.get(0));
        String csrf = c.csrf(page);
        long before = count("event");
        String starts = AssociationMail.nextMonthAt(5, 18);
        refused(c.post(page + "/arrangemang", "csrf", csrf, "title", "<script>alert(1)</script>", "kind", "TORGMOTE",
                "starts", starts, "place", "Torget"), "innehåller HTML-kod");
        refused(c.post(page + "/arrangemang", "csrf", csrf, "title", "Möte", "kind", "TORGMOTE",
                "starts", starts, "place", "<img src=x onerror=alert(1)>"), "innehåller HTML-kod");
        refused(c.post(page + "/arrangemang", "csrf", csrf, "title", "Möte", "kind", "HEMLIGT", "starts", starts, "place", "Torget"),
                "Välj vilken sorts arrangemang");
        refused(c.post(page + "/arrangemang", "csrf", csrf, "title", "Möte", "kind", "TORGMOTE", "starts", "i morgon", "place", "Torget"),
                "gick inte att läsa");
        refused(c.post(page + "/arrangemang", "csrf", csrf, "title", "Möte", "kind", "TORGMOTE", "starts", starts,
                "ends", AssociationMail.nextMonthAt(5, 17), "place", "Torget"), "slutar innan det börjar");
        refused(c.post(page + "/arrangemang", "csrf", csrf, "title", "", "kind", "TORGMOTE", "starts", starts, "place", "Torget"),
                "Fyll i rubrik");
        refused(c.post(page + "/arrangemang", "csrf", csrf, "title", "x".repeat(301), "kind", "TORGMOTE", "starts", starts,
                "place", "Torget"), "för långt");
        assertEquals(before, count("event"));
    }

    @Test
    void badAnswersAreRefusedInSwedishAndNothingIsStored() {
        PageClient c = new PageClient(fx.base());
        String page = links.get(names.get(0));
        String csrf = c.csrf(page);
        long before = count("inbound_message");
        refused(c.post(page + "/svar", "csrf", csrf, "letter", String.valueOf(letter.id()), "answer", "<script>alert(1)</script>"),
                "innehåller HTML-kod");
        refused(c.post(page + "/svar", "csrf", csrf, "letter", String.valueOf(letter.id()), "answer", "   "), "Skriv ert svar");
        refused(c.post(page + "/svar", "csrf", csrf, "letter", String.valueOf(letter.id() + 999), "answer", "Svar på fel brev"),
                "Frågan finns inte längre");
        refused(c.post(page + "/svar", "csrf", csrf, "letter", String.valueOf(letter.id()), "answer", "a\u202Eb"), "styrtecken");
        assertEquals(before, count("inbound_message"));
    }

    @Test
    void badFilesAreRefusedByTheirContentInSwedishAndNothingIsStored() throws Exception {
        PageClient c = new PageClient(fx.base());
        String page = links.get(names.get(0));
        String csrf = c.csrf(page);
        long before = count("material");
        Map<String, String> fields = Map.of("csrf", csrf, "kind", "FLYGBLAD", "title", "Flygblad om bussarna");
        refused(c.upload(page + "/material", fields, "flygblad.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), "inte en PDF, ODT, DOCX, PNG eller JPEG");
        refused(c.upload(page + "/material", fields, "bild.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)), "inte en PDF");
        refused(c.upload(page + "/material", fields, "brev.docx", "application/octet-stream", zip("evil.js")), "inte en PDF");
        byte[] big = new byte[2049];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        refused(c.upload(page + "/material", fields, "stor.pdf", "application/pdf", big), "för stor");
        refused(c.upload(page + "/material", fields, "<script>alert(1)</script>.pdf", "application/pdf", PDF), "innehåller HTML-kod");
        refused(c.upload(page + "/material", Map.of("csrf", csrf, "kind", "FLYGBLAD", "title", "<b onmouseover=alert(1)>x</b>"),
                "a.pdf", "application/pdf", PDF), "innehåller HTML-kod");
        refused(c.upload(page + "/material", Map.of("csrf", csrf, "kind", "FLYGBLAD", "title", "Tomt"), null, null, null),
                "Skriv en text eller välj en fil");
        refused(c.upload(page + "/material", Map.of("csrf", csrf, "kind", "FLYGBLAD", "title", "Text", "text", "<iframe src=x>"),
                null, null, null), "innehåller HTML-kod");
        assertEquals(before, count("material"));
        Http staff = fx.signedIn();
        assertEquals(403, staff.post("/foreningsarbete/bank", "kind", "ANNAT", "title", "Utan csrf", "text", "x").statusCode());
        assertEquals(before, count("material"));
    }

    @Test
    void anotherAssociationsMaterialIsServedOnlyOnceApprovedAndThenAsAnAttachmentOfItsCheckedType() {
        PageClient first = new PageClient(fx.base());
        String firstPage = links.get(names.get(0));
        HttpResponse<String> r = first.upload(firstPage + "/material", Map.of("csrf", first.csrf(firstPage), "kind", "MOTION",
                "title", "Motion om kollektivtrafik"), "motion.txt", "text/plain", PDF);
        assertEquals(302, r.statusCode(), r.body());
        long id = AssociationMail.count(fx, "SELECT MAX(id) FROM material WHERE id > ?", 0);
        PageClient second = new PageClient(fx.base());
        String secondPage = links.get(names.get(1));
        assertEquals(404, second.bytes(secondPage + "/material/" + id).statusCode(), "not another association's before approval");
        assertFalse(second.get(secondPage).body().contains("Motion om kollektivtrafik"));
        assertEquals(200, first.bytes(firstPage + "/material/" + id).statusCode(), "its own association may fetch it");

        fx.app.associations().bank().approve(id, "ombud");
        assertTrue(second.get(secondPage).body().contains("Motion om kollektivtrafik"), "listed for another association once approved");
        HttpResponse<byte[]> f = second.bytes(secondPage + "/material/" + id);
        assertEquals(200, f.statusCode());
        assertEquals("application/pdf", f.headers().firstValue("Content-Type").orElse(""), "the checked type, not the claimed text/plain");
        assertEquals("attachment; filename=\"material-" + id + ".pdf\"", f.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("nosniff", f.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(new String(f.body(), StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertTrue(second.get(secondPage + "?typ=FLYGBLAD").body().contains("Inget material hittades"), "search by kind");
        assertTrue(second.get(secondPage + "?sok=kollektiv").body().contains("Motion om kollektivtrafik"), "search by text");
    }

    @Test
    void aFileLargerThanTheServerTakesIsRefusedInSwedishAndNothingIsStored() {
        PageClient c = new PageClient(fx.base());
        String page = links.get(names.get(0));
        long before = count("material");
        byte[] huge = new byte[51 * 1024 * 1024]; // the server's multipart limit is the larger of 50 MB and the file limit
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        HttpResponse<String> r = c.upload(page + "/material", Map.of("csrf", c.csrf(page), "kind", "ANNAT", "title", "Stor"),
                "stor.pdf", "application/pdf", huge);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("för stor"), r.body());
        assertEquals(before, count("material"));
    }

    @Test
    void theDistrictsOwnMaterialIsAddedFromTheStaffPagesApprovedAtOnceAndCheckedTheSameWay() {
        PageClient staff = new PageClient(fx.base());
        String pre = staff.csrf("/logga-in");
        assertEquals(302, staff.post("/logga-in", "csrf", pre, "username", WebFixture.USER, "password", WebFixture.PASSWORD).statusCode());
        assertEquals(302, staff.post("/logga-in/kod", "csrf", staff.csrf("/logga-in/kod"), "code", fx.nextCode()).statusCode());
        String csrf = staff.csrf("/foreningsarbete/bank");
        long before = count("material");
        HttpResponse<String> bad = staff.upload("/foreningsarbete/bank", Map.of("csrf", csrf, "kind", "FLYGBLAD", "title", "Flygblad"),
                "flygblad.pdf", "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.UTF_8));
        refused(bad, "inte en PDF");
        assertEquals(before, count("material"));
        HttpResponse<String> good = staff.upload("/foreningsarbete/bank", Map.of("csrf", csrf, "kind", "MOTION",
                "title", "Distriktets motion om vården", "text", "Vi yrkar att **vården** ska vara nära."), null, null, null);
        assertEquals(302, good.statusCode(), good.body());
        assertEquals(before + 1, count("material"));
        byte[] huge = new byte[51 * 1024 * 1024]; // over the server's multipart limit (50 MB): refused before any page runs
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        HttpResponse<String> tooLarge = staff.upload("/foreningsarbete/bank", Map.of("csrf", csrf, "kind", "ANNAT", "title", "Stor"),
                "stor.pdf", "application/pdf", huge);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("större än servern tar emot"), tooLarge.body());
        assertEquals(before + 1, count("material"));
        PageClient board = new PageClient(fx.base());
        String page = links.get(names.get(1));
        String body = board.get(page + "?typ=MOTION&sok=vården").body();
        assertTrue(body.contains("Distriktets motion om vården") && body.contains("Distriktet"), "approved at once, the district's");
        assertFalse(fx.app.audit().recent(WebFixture.USER, "material.add", null, 10).isEmpty(), "audited");
    }

    private static byte[] zip(String entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write("alert(1)".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
