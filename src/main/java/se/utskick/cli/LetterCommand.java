package se.utskick.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import se.utskick.letters.Letters;

/** {@code letter ...}: compose, preview, approve (and, from delivery, send) letters. */
@Command(name = "letter", mixinStandardHelpOptions = true, description = "Compose, preview and approve letters.",
        subcommands = {LetterNewCommand.class, LetterAddItemCommand.class, LetterSetCommand.class, LetterShowCommand.class,
                LetterPreviewCommand.class, LetterApproveCommand.class, LetterReopenCommand.class})
final class LetterCommand {
    @ParentCommand
    Main main;

    Letters letters() {
        return main.app().letters();
    }
}
