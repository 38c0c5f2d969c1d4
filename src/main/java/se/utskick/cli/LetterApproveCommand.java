package se.utskick.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Approval;
import se.utskick.letters.Letter;

/** {@code letter approve}: renders for every recipient, then DRAFT → APPROVED. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Render the letter for every recipient and approve it for sending.")
final class LetterApproveCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "LETTER")
    String letter;

    @Override
    public Integer call() {
        Letter l = parent.letters().find(letter);
        Approval.Approved a = parent.letters().approve(l.id());
        parent.main.audit("letter.approve", "letter " + l.id(), a.recipients() + " recipients");
        spec.commandLine().getOut().printf("%s approved: rendered for %d recipients%n", l.label(), a.recipients());
        ListsCommand.printResolution(spec.commandLine().getOut(), a.resolution());
        return 0;
    }
}
