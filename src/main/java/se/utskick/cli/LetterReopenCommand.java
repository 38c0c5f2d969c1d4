package se.utskick.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Letter;

/** {@code letter reopen}: APPROVED → DRAFT, to edit it again. */
@Command(name = "reopen", mixinStandardHelpOptions = true, description = "Return an approved letter to draft.")
final class LetterReopenCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "LETTER")
    String letter;

    @Override
    public Integer call() {
        Letter l = parent.letters().find(letter);
        parent.letters().reopen(l.id());
        parent.main.audit("letter.reopen", "letter " + l.id(), "");
        spec.commandLine().getOut().printf("%s is a draft again%n", l.label());
        return 0;
    }
}
