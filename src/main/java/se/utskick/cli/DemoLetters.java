package se.utskick.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import se.utskick.Utskick;
import se.utskick.letters.Approval;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterException;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.letters.Letters;
import se.utskick.letters.Preview;

/**
 * The demo's letters: this month's members' letter and board letter, composed with a few items and
 * events (once: a second run finds them), approved, and previewed as files under {@code outDir}.
 */
final class DemoLetters {
    private DemoLetters() {
    }

    static void run(Utskick app, PrintWriter out, Path outDir) {
        Letters letters = app.letters();
        ZoneId zone = ZoneId.of(app.config().string("letters.timezone", "Europe/Stockholm"));
        YearMonth month = YearMonth.now(zone);
        Letter members = existing(letters, "members-" + month);
        if (members == null) {
            members = composeMembers(letters, month, outDir);
        }
        Letter board = existing(letters, "board-" + month);
        if (board == null) {
            board = composeBoard(letters, month, LocalDate.now(zone), outDir);
        }
        for (Letter l : List.of(members, board)) {
            if (letters.get(l.id()).state() == LetterState.DRAFT) {
                Approval.Approved a = letters.approve(l.id());
                out.printf("%s approved: rendered for %d recipients%n", l.label(), a.recipients());
            }
            Preview p = letters.preview(l.id(), null);
            write(outDir.resolve(l.slug() + ".html"), p.message().html());
            write(outDir.resolve(l.slug() + ".txt"), p.message().text());
            write(outDir.resolve(l.slug() + ".headers.txt"), p.headers());
            out.printf("preview of %s written to %s/%s.{html,txt,headers.txt}%n", l.label(), outDir, l.slug());
        }
    }

    private static Letter existing(Letters letters, String ref) {
        try {
            return letters.find(ref);
        } catch (LetterException none) {
            return null;
        }
    }

    private static Letter composeMembers(Letters letters, YearMonth month, Path dir) {
        Letter l = letters.create(LetterKind.MEMBERS, month.toString(), List.of(), null);
        letters.addItem(l.id(), "Välkommen, alla nya medlemmar!", body(dir, "demo-welcome.md", """
                Vi blir fler för varje månad. Vill du engagera dig finns det något för alla: studiecirklar,
                gatumöten och föreningsmöten. Läs mer på [webbplatsen](https://varmland.example.org/ny-medlem).
                """));
        letters.addItem(l.id(), "Vårens kampanj", body(dir, "demo-campaign.md", """
                Så kan du hjälpa till:

                - dela ut flygblad där du bor
                - ring medlemmar och bjud in till möten
                - skriv en insändare – mallar finns i materialbanken
                """));
        LocalDateTime first = month.atDay(1).atStartOfDay();
        if (letters.events().between(first, first.plusWeeks(6)).isEmpty()) {
            letters.events().add(null, "Medlemsutbildning", first.plusDays(9).withHour(10), first.plusDays(9).withHour(15),
                    "ABF, Karlstad", "Grundutbildning för nya medlemmar. Lunch ingår.");
            letters.events().add(null, "Öppet möte om vården", first.plusDays(16).withHour(18).withMinute(30), null,
                    "Folkets hus, Arvika", "Samtal med vårdpersonal om vårdens framtid.");
        }
        letters.setPassword(l.id(), "solros-" + month.getYear());
        return letters.get(l.id());
    }

    private static Letter composeBoard(Letters letters, YearMonth month, LocalDate today, Path dir) {
        Letter l = letters.create(LetterKind.BOARD, month.toString(), List.of(), null);
        letters.addItem(l.id(), "Verksamhetsplanen", body(dir, "demo-plan.md", """
                Distriktsstyrelsen har tagit fram ett förslag till verksamhetsplan. Diskutera den på ert nästa
                styrelsemöte; förslaget finns på [medlemssidorna](https://varmland.example.org/medlemssidor/plan).
                """));
        letters.setFeedbackRequest(l.id(), "Vilka tre arrangemang planerar er förening under hösten?");
        letters.setDeadline(l.id(), today.plusDays(14));
        return letters.get(l.id());
    }

    private static Path body(Path dir, String name, String markdown) {
        return write(dir.resolve("items").resolve(name), markdown);
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
