package se.utskick.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Letter;

/** {@code letter add-item}: appends a heading and a Markdown body. */
@Command(name = "add-item", mixinStandardHelpOptions = true, description = "Append an item (heading + Markdown body) to a draft.")
final class LetterAddItemCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "LETTER", description = "Letter number or e.g. members-2026-03.")
    String letter;
    @Option(names = "--heading", required = true)
    String heading;
    @Option(names = "--body-file", required = true, paramLabel = "FILE.md", description = "The body in Markdown, UTF-8.")
    Path bodyFile;

    @Override
    public Integer call() {
        Letter l = parent.letters().find(letter);
        parent.letters().addItem(l.id(), heading, bodyFile);
        parent.main.audit("letter.item.add", "letter " + l.id(), "");
        spec.commandLine().getOut().printf("%s: item added (%d items)%n", l.label(), parent.letters().get(l.id()).items().size());
        return 0;
    }
}
