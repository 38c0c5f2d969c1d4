package se.utskick.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/** {@code letter queue-item}: an item for a coming monthly letter, put into its draft by the monthly assembly. */
@Command(name = "queue-item", mixinStandardHelpOptions = true,
        description = "Queue an item (heading + Markdown body) for a coming monthly letter; the monthly assembly adds it to the draft.")
final class LetterQueueItemCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Option(names = "--kind", required = true, description = "board or members.")
    String kind;
    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The letter's month.")
    String period;
    @Option(names = "--heading", required = true)
    String heading;
    @Option(names = "--body-file", required = true, paramLabel = "FILE.md", description = "The body in Markdown, UTF-8.")
    Path bodyFile;

    @Override
    public Integer call() {
        Optional<Letter> into = parent.letters().queueItem(LetterKind.parse(kind), period, heading, bodyFile);
        parent.main.audit("letter.item.queue", into.map(l -> "letter " + l.id()).orElse("queued item"),
                kind.strip().toLowerCase(java.util.Locale.ROOT) + " " + period.strip());
        spec.commandLine().getOut().println(into
                .map(l -> "the draft " + l.label() + " exists: item added to it (" + l.items().size() + " items)")
                .orElse("item queued for the " + kind.strip().toLowerCase(java.util.Locale.ROOT) + " letter of " + period.strip()
                        + "; the monthly assembly adds it to the draft"));
        return 0;
    }
}
