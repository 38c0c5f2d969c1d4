package se.utskick.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Letter;
import se.utskick.letters.Preview;

/** {@code letter preview}: writes LETTER.html, LETTER.txt and LETTER.headers.txt for one recipient. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write the HTML and text parts and the headers one recipient would get.")
final class LetterPreviewCommand implements Callable<Integer> {
    @ParentCommand
    LetterCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "LETTER")
    String letter;
    @Option(names = "--member", paramLabel = "NUMBER", description = "Member number of the recipient (default: the first recipient).")
    String member;
    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() {
        Letter l = parent.letters().find(letter);
        Preview p = parent.letters().preview(l.id(), member);
        try {
            Files.createDirectories(out);
            // Record before writing: the member's erasure deletes these files (register.MemberFiles).
            parent.main.app().register().files().record(p.member().memberId(), out.resolve(l.slug() + ".html"),
                    out.resolve(l.slug() + ".txt"), out.resolve(l.slug() + ".headers.txt"));
            write(l.slug() + ".html", p.message().html());
            write(l.slug() + ".txt", p.message().text());
            write(l.slug() + ".headers.txt", p.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec.commandLine().getOut().printf("%s: preview for member id %d written to %s/%s.{html,txt,headers.txt}%n",
                l.label(), p.member().memberId(), out, l.slug());
        return 0;
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(out.resolve(name), content, StandardCharsets.UTF_8);
    }
}
