package se.utskick.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Letter;
import se.utskick.letters.Letters;

/** {@code letter set}: subject, feedback request and deadline, website password of a draft. */
@Command(name = "set", mixinStandardHelpOptions = true, description = "Set fields of a draft.")
final class LetterSetCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "LETTER")
    String letter;
    @Option(names = "--subject")
    String subject;
    @Option(names = "--deadline", paramLabel = "YYYY-MM-DD", description = "Feedback deadline (board and targeted letters).")
    LocalDate deadline;
    @Option(names = "--feedback", paramLabel = "TEXT", description = "What the boards are asked to reply about (Markdown).")
    String feedback;
    @Option(names = "--password", description = "The current password of the website's member pages (members' letter).")
    String password;

    @Override
    public Integer call() {
        Letters letters = parent.letters();
        Letter l = letters.find(letter);
        if (subject != null) {
            letters.setSubject(l.id(), subject);
        }
        if (deadline != null) {
            letters.setDeadline(l.id(), deadline);
        }
        if (feedback != null) {
            letters.setFeedbackRequest(l.id(), feedback);
        }
        if (password != null) {
            letters.setPassword(l.id(), password);
        }
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (subject != null) {
            fields.add("subject");
        }
        if (deadline != null) {
            fields.add("deadline");
        }
        if (feedback != null) {
            fields.add("feedback request");
        }
        if (password != null) {
            fields.add("website password"); // which field, never the value
        }
        parent.main.audit("letter.edit", "letter " + l.id(), String.join(", ", fields));
        spec.commandLine().getOut().printf("%s updated%n", l.label());
        return 0;
    }
}
