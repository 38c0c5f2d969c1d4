package se.utskick.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.replies.Feedback;
import se.utskick.replies.LoggedMessage;

/** {@code feedback LETTER}: which boards have answered a board letter, by whom and when. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Show, per association, whether its board has answered a board letter.")
final class FeedbackCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LETTER", description = "The letter: its id or name (12, board-2026-03).")
    String letter;

    @Override
    public Integer call() {
        print(main.app().replies().log().feedback(LetterRef.id(main, letter)), spec.commandLine().getOut());
        return 0;
    }

    static void print(Feedback f, PrintWriter out) {
        out.println("Letter " + f.letterId() + ": " + RepliesCommand.cut(f.subject(), 80));
        out.println("Deadline: " + f.deadline().map(Object::toString).orElse("none"));
        out.printf("%-32s %-9s %-16s %-32s %s%n", "ASSOCIATION", "ANSWERED", "FIRST REPLY", "BY", "EXCERPT");
        for (Feedback.AssociationFeedback a : f.associations()) {
            if (!a.answered()) {
                out.printf("%-32s %-9s%n", RepliesCommand.cut(a.name(), 32), "not yet");
                continue;
            }
            LoggedMessage first = a.replies().getFirst();
            String more = a.replies().size() > 1 ? " (+" + (a.replies().size() - 1) + " more)" : "";
            out.printf("%-32s %-9s %-16s %-32s %s%n", RepliesCommand.cut(a.name(), 32), "yes",
                    RepliesCommand.TIME.format(first.receivedAt()), RepliesCommand.cut(first.sender(), 32),
                    RepliesCommand.cut(first.excerpt(), 60) + more);
        }
        out.println(f.answered() + " of " + f.expected() + " associations have answered");
    }
}
