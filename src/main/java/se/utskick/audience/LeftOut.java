package se.utskick.audience;

/**
 * Why a person who matches a rule does not receive the mailing. UNSUBSCRIBED applies only to the
 * members' letter: an unsubscribed board member still gets the board letter.
 */
public enum LeftOut {
    LEFT, MISSING, INVALID, BOUNCED, UNSUBSCRIBED
}
