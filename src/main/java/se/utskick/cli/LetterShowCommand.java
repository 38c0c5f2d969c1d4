package se.utskick.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Letter;
import se.utskick.letters.Letters;

/** {@code letter show}: the letter's fields, items, events and audience as it resolves now. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a letter.")
final class LetterShowCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "LETTER")
    String letter;

    @Override
    public Integer call() {
        Letters letters = parent.letters();
        Letter l = letters.find(letter);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  %s  %s%n", l.label(), l.kind(), l.state());
        out.printf("subject:   %s%n", l.subject());
        out.printf("audience:  %s%n", l.audienceName());
        if (l.feedbackDeadline() != null || l.feedbackRequest() != null) {
            out.printf("feedback:  %s (deadline %s)%n", l.feedbackRequest() == null ? "" : l.feedbackRequest(),
                    l.feedbackDeadline() == null ? "not set" : l.feedbackDeadline());
        }
        if (l.websitePassword() != null) {
            out.printf("password:  %s%n", l.websitePassword());
        }
        out.printf("items:     %d%n", l.items().size());
        for (Letter.Item i : l.items()) {
            out.printf("  %d. %s (%d characters)%n", i.position(), i.heading(), i.body().length());
        }
        var events = letters.eventsOf(l);
        if (!events.isEmpty()) {
            out.printf("events:    %d%n", events.size());
            events.forEach(e -> out.printf("  %s  %s%n", e.startsAt(), e.title()));
        }
        ListsCommand.printResolution(out, letters.audienceNow(l));
        return 0;
    }
}
