package se.utskick.letters;

/**
 * Whether an event may go out: one an association sent in is PROPOSED until the ombudsman approves
 * it; only APPROVED events appear in the members' letter. Stored as the same words.
 */
public enum EventState {
    PROPOSED, APPROVED,
    /** Refused by the ombudsman (association_event holds the reason the association sees); never in a letter. */
    REFUSED
}
