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
import java.util.List;
import se.utskick.Utskick;
import se.utskick.letters.Approval;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.letters.Letters;
import se.utskick.letters.Preview;
import se.utskick.schedule.Schedule;

/**
 * The demo's letters: items and events are queued for this month, the assembly jobs make the two
 * drafts (run as the scheduler would, recorded in job_run), the ombudsman finishes and approves
 * them, and their previews are written under {@code outDir}. A second run finds the letters and
 * queues nothing.
 */
final class DemoLetters {
    private DemoLetters() {
    }

    /** Returns this month's members' letter and board letter. */
    static List<Letter> run(Utskick app, Schedule schedule, PrintWriter out, Path outDir) {
        Letters letters = app.letters();
        YearMonth month = app.assembly().comingPeriod();
        LocalDate today = LocalDate.now(app.assembly().zoneClock());
        if (letters.find(LetterKind.MEMBERS, month).isEmpty()) {
            queueMembers(letters, month, outDir);
        }
        if (letters.find(LetterKind.BOARD, month).isEmpty()) {
            letters.queueItem(LetterKind.BOARD, month.toString(), "Verksamhetsplanen", body(outDir, "demo-plan.md", """
                    Distriktsstyrelsen har tagit fram ett förslag till verksamhetsplan. Diskutera den på ert nästa
                    styrelsemöte; förslaget finns på [medlemssidorna](https://varmland.example.org/medlemssidor/plan).
                    """));
        }
        out.println("job assemble-members: " + schedule.runNow("assemble-members"));
        out.println("job assemble-board: " + schedule.runNow("assemble-board"));
        Letter members = letters.find("members-" + month);
        Letter board = letters.find("board-" + month);
        if (members.state() == LetterState.DRAFT) {
            letters.setPassword(members.id(), "solros-" + month.getYear());
        }
        if (board.state() == LetterState.DRAFT) {
            letters.setFeedbackRequest(board.id(), "Vilka tre arrangemang planerar er förening under hösten?");
            letters.setDeadline(board.id(), today.plusDays(14));
        }
        for (Letter l : List.of(members, board)) {
            if (letters.get(l.id()).state() == LetterState.DRAFT) {
                Approval.Approved a = letters.approve(l.id());
                out.printf("%s approved: rendered for %d recipients%n", l.label(), a.recipients());
            } else {
                out.printf("%s exists already: %s%n", l.label(), letters.get(l.id()).state());
            }
            Preview p = letters.preview(l.id(), null);
            app.register().files().record(p.member().memberId(), outDir.resolve(l.slug() + ".html"),
                    outDir.resolve(l.slug() + ".txt"), outDir.resolve(l.slug() + ".headers.txt"));
            write(outDir.resolve(l.slug() + ".html"), p.message().html());
            write(outDir.resolve(l.slug() + ".txt"), p.message().text());
            write(outDir.resolve(l.slug() + ".headers.txt"), p.headers());
            out.printf("preview of %s written to %s/%s.{html,txt,headers.txt}%n", l.label(), outDir, l.slug());
        }
        return List.of(letters.get(members.id()), letters.get(board.id()));
    }

    private static void queueMembers(Letters letters, YearMonth month, Path dir) {
        letters.queueItem(LetterKind.MEMBERS, month.toString(), "Välkommen, alla nya medlemmar!", body(dir, "demo-welcome.md", """
                Vi blir fler för varje månad. Vill du engagera dig finns det något för alla: studiecirklar,
                gatumöten och föreningsmöten. Läs mer på [webbplatsen](https://varmland.example.org/ny-medlem).
                """));
        letters.queueItem(LetterKind.MEMBERS, month.toString(), "Vårens kampanj", body(dir, "demo-campaign.md", """
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
    }

    private static Path body(Path dir, String name, String markdown) {
        return write(dir.resolve("items").resolve(name), markdown);
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
