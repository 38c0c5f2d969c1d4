package se.utskick.register;

/** One association's active members and how many of them cannot be reached by e-mail, by reason. */
public record AddressProblems(int associationId, String association, int members, int missing, int invalid, int bounced) {
    public int unreachable() {
        return missing + invalid + bounced;
    }
}
