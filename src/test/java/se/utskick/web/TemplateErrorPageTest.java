package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Guards what the ombudsman sees when a template is wrong: approving in the interface is refused
 * with a page naming the template and its line, the letter stays a draft, and the compose page
 * still opens (its preview says why there is none).
 */
class TemplateErrorPageTest {

    @Test
    void approvalWithABrokenTemplateNamesTheTemplateAndLine(@TempDir Path overrides) throws Exception {
        Files.writeString(overrides.resolve("targeted.ftlh"), "<p>Hej</p>\n<p>${letter.ingen.sadan}</p>\n");
        try (WebFixture fx = new WebFixture(300, Map.of("letters.templates.dir", overrides.toString()))) {
            Letter l = fx.app.letters().create(LetterKind.TARGETED, null,
                    fx.app.register().associationNames().values().stream().sorted().limit(1).toList(), null);
            Http h = fx.signedIn();
            String csrf = h.csrf("/brev/" + l.id());
            assertEquals(302, h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Rubrik", "body", "Text").statusCode());
            HttpResponse<String> r = h.post("/brev/" + l.id() + "/godkann", "csrf", csrf);
            assertEquals(422, r.statusCode());
            assertTrue(r.body().contains("Brevet kunde inte godkännas"), r.body());
            assertTrue(r.body().contains("targeted.ftlh, line 2"), r.body());
            assertEquals(LetterState.DRAFT, fx.app.letters().get(l.id()).state());
            assertEquals(200, h.get("/brev/" + l.id()).statusCode());
            assertTrue(List.of(fx.app.audit().recent(WebFixture.USER, "letter.approve", null, 5).toArray()).isEmpty(),
                    "a refused approval is not audited as one");
        }
    }
}
