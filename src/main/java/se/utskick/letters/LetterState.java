package se.utskick.letters;

/**
 * DRAFT → APPROVED → SCHEDULED → SENDING → SENT, and CANCELLED. This feature moves DRAFT ⇄ APPROVED;
 * delivery moves the rest through {@link LetterStates}. Stored by these names.
 */
public enum LetterState {
    DRAFT, APPROVED, SCHEDULED, SENDING, SENT, CANCELLED
}
