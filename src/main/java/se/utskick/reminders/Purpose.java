package se.utskick.reminders;

/** What a reminder letter is for; stored by these names in {@code reminder.purpose}. */
enum Purpose {
    /** The month's missing-address reminders to membership officers (and the ombudsman's list of the unreachable). */
    ADDRESSES,
    /** The reminder to boards that have not answered a board letter, threaded to it. */
    FEEDBACK,
    /** After a board letter's deadline: the ombudsman's summary of who answered. */
    FEEDBACK_SUMMARY
}
