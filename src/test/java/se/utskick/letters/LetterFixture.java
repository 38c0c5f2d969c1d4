package se.utskick.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.Config;
import se.utskick.audience.Audiences;
import se.utskick.db.Database;

/** Builds a {@link Letters} on a test database with a fixed clock (2026-02-20) and composes typical letters. */
final class LetterFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-20T09:00:00Z"), ZoneOffset.UTC);

    private LetterFixture() {
    }

    static Letters letters(Database db, Path overrides) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("letters.templates.dir", overrides.toString());
        cfg.put("mail.domain", "varmland.example.org");
        cfg.put("mail.from.name", "Vänsterpartiet Värmland");
        cfg.put("mail.from.address", "distriktet@varmland.example.org");
        return new Letters(db, new Audiences(db), LettersConfig.from(Config.of(cfg)), CLOCK);
    }

    static Path markdown(Path dir, String name, String body) {
        try {
            return Files.writeString(dir.resolve(name), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A members' letter for 2026-03 with two items, two events and a password. */
    static Letter membersLetter(Letters letters, Path dir) {
        Letter l = letters.create(LetterKind.MEMBERS, "2026-03", List.of(), null);
        letters.addItem(l.id(), "Välkommen till årsmötet", markdown(dir, "a.md", """
                Årsmötet hålls i **Karlstad**. Läs mer på [vår webbplats](https://varmland.example.org/arsmote).

                - Motioner senast 1 mars
                - Anmälan till [ombudsmannen](mailto:info@varmland.example.org)
                """));
        letters.addItem(l.id(), "Från föreningarna", markdown(dir, "b.md", """
                Hälsning från Säffle: <b onclick="x()">fet</b> <script>alert('x')</script>

                En [farlig länk](javascript:alert(1)) och en helt vanlig mening som är så lång att den måste brytas på flera rader i textdelen av brevet.
                """));
        letters.events().add(1, "Internationella kvinnodagen <script>alert(1)</script>", LocalDateTime.of(2026, 3, 8, 14, 0),
                LocalDateTime.of(2026, 3, 8, 16, 0), "Stora torget, Karlstad", "Vi samlas & tågar <tillsammans>.");
        letters.events().add(null, "Distriktsstämma", LocalDateTime.of(2026, 3, 21, 10, 0), null, "Folkets hus, Kil", "");
        letters.setPassword(l.id(), "röd-Ö-2026");
        return letters.get(l.id());
    }

    /** A board letter for 2026-03 with an item and a feedback request due 2026-03-13. */
    static Letter boardLetter(Letters letters, Path dir) {
        Letter l = letters.create(LetterKind.BOARD, "2026-03", List.of(), null);
        letters.addItem(l.id(), "Valplanering", markdown(dir, "c.md", "Styrelserna ombeds diskutera **valplanen** på nästa möte."));
        letters.setFeedbackRequest(l.id(), "Hur många valarbetare kan er förening ställa upp med?");
        letters.setDeadline(l.id(), java.time.LocalDate.of(2026, 3, 13));
        return letters.get(l.id());
    }
}
