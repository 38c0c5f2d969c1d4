package se.utskick.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/** {@code letter new}: a new draft. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Start a new letter (a draft).")
final class LetterNewCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Option(names = "--kind", required = true, description = "board, members or targeted.")
    String kind;
    @Option(names = "--period", paramLabel = "YYYY-MM", description = "The month (board and members letters; ignored for targeted).")
    String period;
    @Option(names = "--associations", split = ",", description = "Send to the boards of these associations (targeted).")
    List<String> associations = List.of();
    @Option(names = "--list", description = "Send to this mailing list instead of the kind's default.")
    String list;

    @Override
    public Integer call() {
        Letter l = parent.letters().create(LetterKind.parse(kind), period, associations, list);
        parent.main.audit("letter.new", "letter " + l.id(), l.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (l.period() == null ? "" : " " + l.period()));
        spec.commandLine().getOut().printf("%s created: %s, to %s%n", l.label(), l.subject(), l.audienceName());
        return 0;
    }
}
