package se.utskick.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import se.utskick.letters.Letters;

/** {@code letter ...}: compose, preview and approve letters (letters feature); send and follow them (delivery). */
@Command(name = "letter", mixinStandardHelpOptions = true, description = "Letters: compose, preview, approve, send and follow them.",
        subcommands = {LetterNewCommand.class, LetterAddItemCommand.class, LetterSetCommand.class, LetterShowCommand.class,
                LetterPreviewCommand.class, LetterApproveCommand.class, LetterReopenCommand.class, LetterQueueItemCommand.class,
                LetterSendCommands.Send.class, LetterSendCommands.Status.class, LetterSendCommands.Pause.class,
                LetterSendCommands.Resume.class, LetterSendCommands.Cancel.class, LetterSendCommands.ResendFailed.class})
final class LetterCommand implements Runnable {
    @ParentCommand
    Main main;

    Letters letters() {
        return main.app().letters();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
