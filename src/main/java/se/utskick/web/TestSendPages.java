package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import se.utskick.UserError;
import se.utskick.audit.AuditLog;
import se.utskick.delivery.Delivery;
import se.utskick.letters.LetterReading;
import se.utskick.letters.TrialLetter;

/**
 * {@code POST /brev/{id}/provutskick}: a test send of the letter as it stands, rendered for the member
 * chosen for the preview, to any address typed (fields {@code medlem}, {@code adress}). The subject
 * starts with {@link TrialLetter#MARK}; it goes through the relay like a real message but makes no
 * delivery. It is in the audit log as {@code letter.test-send} (the member's number and the outcome,
 * never the address), and in the process log at INFO without personal data. A refused address or
 * member re-renders the compose page with the Swedish sentence at the field.
 */
final class TestSendPages {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TestSendPages.class);
    private final LetterReading letters;
    private final Delivery delivery;
    private final AuditLog audit;
    private final Texts texts;
    private final LetterPages pages;

    TestSendPages(LetterReading letters, Delivery delivery, AuditLog audit, Texts texts, LetterPages pages) {
        this.letters = letters;
        this.delivery = delivery;
        this.audit = audit;
        this.texts = texts;
        this.pages = pages;
    }

    void routes(RoutesConfig r) {
        r.post("/brev/{id}/provutskick", this::send);
    }

    private void send(Context ctx) {
        long id = LetterPages.id(ctx);
        String member = ctx.formParam("medlem") == null ? "" : ctx.formParam("medlem").strip();
        try {
            TrialLetter t = letters.trial(id, member, ctx.formParam("adress"));
            Delivery.TestOutcome o = delivery.sendTest(id, t.letter(), t.member().memberId(), t.member().firstName(),
                    t.member().lastName(), t.member().associationId(), t.address());
            audit.record(Staff.actor(ctx), "letter.test-send", "letter " + id, "as member " + member + (o.sent() ? ", sent" : ", not sent"));
            log.info("letter {}: test send as member id {}: {}", id, t.member().memberId(), o.sent() ? "sent" : "not sent");
            String back = "/brev/" + id + "?medlem=" + URLEncoder.encode(member, StandardCharsets.UTF_8);
            if (o.sent()) {
                Flash.redirect(ctx, back, "test-sent");
            } else {
                pages.compose(ctx, texts.get("testsend.failed", o.reply() == null ? "" : o.reply()), io.javalin.http.HttpStatus.BAD_GATEWAY);
            }
        } catch (UserError e) {
            pages.refused(ctx, FormError.of(e, texts), java.util.Map.of("address", String.valueOf(ctx.formParam("adress"))));
        }
    }
}
