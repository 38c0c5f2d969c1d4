package se.utskick.cli;

import se.utskick.UserError;
import se.utskick.letters.LetterNotFound;
import se.utskick.letters.LetterState;
import se.utskick.letters.WrongLetterState;

/**
 * The command line's words for a {@link UserError}: its English sentence, plus the command-line advice
 * the type calls for (the option to fix for an invalid field, the command that reopens an approved
 * letter). The services never write command-line syntax; this is the one place that does.
 */
final class UserErrorWords {
    private UserErrorWords() {
    }

    static String of(UserError e) {
        String m = e.getMessage();
        return switch (e) {
            case WrongLetterState w when w.state() == LetterState.APPROVED && e.key().startsWith("error.letter.state.") ->
                    m + "; return it to draft first: utskick letter reopen " + w.letterId();
            case LetterNotFound n -> m + "; give its number or e.g. members-2026-03";
            default -> e.kind() == UserError.Kind.INVALID_FIELD ? m + " (" + option(e.field().orElseThrow()) + ")" : m;
        };
    }

    /** The option that sets a field: {@code subject} → {@code --subject}; an item's text comes from {@code --body-file}. */
    private static String option(String field) {
        return switch (field) {
            case "body" -> "--body-file";
            case "items" -> "utskick letter add-item";
            default -> "--" + field;
        };
    }
}
