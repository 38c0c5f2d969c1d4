package se.utskick.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code letter}: the letters' commands. This minimal group holds delivery's subcommands; the
 * letters feature owns the group and adds its own (create, preview, approve, …) at merge.
 */
@Command(name = "letter", mixinStandardHelpOptions = true, description = "Letters: send and follow them.",
        subcommands = {LetterSendCommands.Send.class, LetterSendCommands.Status.class, LetterSendCommands.Pause.class,
                LetterSendCommands.Resume.class, LetterSendCommands.Cancel.class, LetterSendCommands.ResendFailed.class})
final class LetterCommand implements Runnable {
    @ParentCommand
    Main main;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
