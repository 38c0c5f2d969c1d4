package se.utskick.letters;

import java.util.Locale;

/**
 * The kinds of letter, stored by these names. {@code template} is the base name of the kind's
 * templates ({@code members.ftlh}, {@code members.ftl}). REMINDER letters are automatic (the
 * reminders feature decides their recipients and content through {@link ReminderContent}); they
 * carry {@code Auto-Submitted: auto-generated}.
 */
public enum LetterKind {
    BOARD("board", "Styrelsebrevet", "Styrelsebrevet", "all-boards", true),
    MEMBERS("members", "Värmlandsvänstern informerar", "Medlemsbrevet", "all-members", true),
    TARGETED("targeted", "Till styrelserna", "Riktat utskick", "all-boards", false),
    REMINDER("reminder", "Påminnelse", "Påminnelser", "all-membership-officers", false);

    private final String template;
    private final String listName;
    private final String title;
    private final String defaultList;
    private final boolean monthly;

    LetterKind(String template, String title, String listName, String defaultList, boolean monthly) {
        this.template = template;
        this.listName = listName;
        this.title = title;
        this.defaultList = defaultList;
        this.monthly = monthly;
    }

    public String template() {
        return template;
    }

    /** The Swedish name readers know the letter by. */
    public String title() {
        return title;
    }

    /** The RFC 2919 List-Id of the kind, e.g. {@code Medlemsbrevet <members.DOMAIN>} (ASCII phrase: no encoding needed). */
    public String listId(String domain) {
        return listName + " <" + template + "." + domain + ">";
    }

    public String defaultList() {
        return defaultList;
    }

    /** Monthly kinds have a period, one letter of the kind per month. */
    public boolean monthly() {
        return monthly;
    }

    /** Whether a member may unsubscribe from it (only from the members' letter, never from role-based mail). */
    public boolean offersUnsubscribe() {
        return this == MEMBERS;
    }

    public static LetterKind parse(String typed) {
        try {
            return valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LetterException("unknown letter kind '" + typed + "'; use board, members or targeted");
        }
    }
}
