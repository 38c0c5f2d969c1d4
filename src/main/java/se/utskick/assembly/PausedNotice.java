package se.utskick.assembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.audience.Audiences;
import se.utskick.delivery.Delivery;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.Letters;

/**
 * Tells the ombudsman that a sender paused a letter's sending — it could not compose the letter, or
 * the relay refused our envelope sender — (delivery calls this once per such pause): a short targeted letter to the notify list, through
 * the outbox like the "draft ready" notice ({@link ReadyNotice}), with the reason and how to go on.
 *
 * <p>A notice about a notice is never sent: if the notice letter itself cannot be composed, its
 * pause shows on its page and the dashboard only, so a broken template cannot start a chain.
 */
final class PausedNotice {
    static final String SUBJECT = "Utskicket pausat: ";
    private static final Logger log = LoggerFactory.getLogger(PausedNotice.class);
    private final Letters letters;
    private final Audiences audiences;
    private final Delivery delivery;
    private final AssemblyConfig cfg;

    PausedNotice(Letters letters, Audiences audiences, Delivery delivery, AssemblyConfig cfg) {
        this.letters = letters;
        this.audiences = audiences;
        this.delivery = delivery;
        this.cfg = cfg;
    }

    /** Queues the notice about paused letter {@code letterId}; never throws (a failure is logged). */
    void send(long letterId, se.utskick.delivery.Pause pause) {
        Letter paused;
        Letter notice = null;
        Path body = null;
        try {
            paused = letters.get(letterId);
            if (paused.subject().startsWith(SUBJECT)) {
                return;
            }
            ReadyNotice.ensureList(audiences, cfg.notifyList());
            notice = letters.create(LetterKind.TARGETED, null, List.of(), cfg.notifyList());
            letters.setSubject(notice.id(), SUBJECT + paused.subject());
            body = bodyFile(paused, pause);
            letters.addItem(notice.id(), "Utskicket av " + paused.subject() + " har pausats", body);
            letters.approve(notice.id());
            int n = delivery.send(notice.id());
            log.info("letter {} paused: notice queued to {} (letter {})", letterId, n, notice.id());
        } catch (UtskickException e) {
            log.warn("letter {} paused, but the notice to the ombudsman could not be queued: {}", letterId, e.getMessage());
            if (notice != null) {
                try {
                    letters.states().cancelled(notice.id());
                } catch (UtskickException ignored) {
                    // sent or cancelled already
                }
            }
        } finally {
            if (body != null) {
                try {
                    Files.deleteIfExists(body);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans up
                }
            }
        }
    }

    private static Path bodyFile(Letter paused, se.utskick.delivery.Pause pause) {
        boolean sender = pause.kind() == se.utskick.delivery.PauseKind.SENDER_REFUSED;
        String md = "Utskicket av **" + paused.subject() + "** (brev " + paused.id() + ") har pausats: "
                + (sender ? "e-postservern (reläet) vägrade ta emot brev från vår avsändaradress, så alla meddelanden skulle ha "
                        + "vägrats. Det är inte mottagarnas fel och ingen adress har markerats. "
                        : "brevet kunde inte sättas ihop. ")
                + "Inga fler meddelanden av det skickas förrän utskicket återupptas. Övriga brev skickas som vanligt.\n\n"
                + "Orsak (teknisk beskrivning):\n\n    " + pause.reason().replaceAll("[\\r\\n]+", " ") + "\n\n"
                + (sender ? "Rätta avsändaren (avsändardomänen, reläets regler för avsändare, SPF – kör `utskick doctor`), "
                        + "återuppta sedan utskicket och tryck Skicka om misslyckade på brevets sida, eller med:\n\n"
                        : "Åtgärda orsaken och återuppta sedan utskicket på brevets sida (Utskick, Fortsätt) eller med:\n\n")
                + "    utskick letter status " + paused.id() + "\n"
                + "    utskick letter resume " + paused.id() + "\n"
                + (sender ? "    utskick letter resend-failed " + paused.id() + "\n" : "");
        try {
            Path f = Files.createTempFile("utskick-notice", ".md");
            return Files.writeString(f, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
