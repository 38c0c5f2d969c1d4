package se.utskick.cli;

/**
 * A letter as the operator names it: its id ({@code 12}, {@code letter-12}) or its kind and month
 * ({@code members-2026-03}). An id is taken as given, so the delivery and reply logs can be read
 * for it even where the letter itself is gone; a name is looked up in the letters feature.
 */
final class LetterRef {
    private LetterRef() {
    }

    static long id(Main main, String ref) {
        String r = ref.strip();
        if (r.matches("(letter-)?\\d{1,18}")) {
            return Long.parseLong(r.substring(r.indexOf('-') + 1));
        }
        return main.app().letters().find(r).id();
    }
}
