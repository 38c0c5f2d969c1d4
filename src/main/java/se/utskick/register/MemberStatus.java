package se.utskick.register;

/** Whether a member is in the party's current register export; a LEFT member is kept but is in no audience. */
public enum MemberStatus {
    ACTIVE("Aktiv"),
    LEFT("Utträdd");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
