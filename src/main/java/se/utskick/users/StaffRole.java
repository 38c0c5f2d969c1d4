package se.utskick.users;

/**
 * What a staff account may do, stored as the same word in {@code user_account.role}.
 * ADMINISTRATOR: everything, staff administration included; OMBUDSMAN: the month's work without
 * staff administration; READ_ONLY: reads, never changes (the web refuses its POSTs).
 */
public enum StaffRole {
    ADMINISTRATOR, OMBUDSMAN, READ_ONLY;

    /** May this role change anything? */
    public boolean mayChange() {
        return this != READ_ONLY;
    }

    /** May this role manage staff accounts? */
    public boolean mayAdminister() {
        return this == ADMINISTRATOR;
    }
}
