package se.utskick.audience;

import java.util.Arrays;
import java.util.Optional;

/** The lists every deployment has; their names cannot be taken by a saved list. */
public enum BuiltInList {
    ALL_BOARDS("all-boards", "Alla föreningsstyrelser (ordförande, ledamöter, medlemsansvariga)",
            Rule.ofRoles("CHAIR", "BOARD_MEMBER", "MEMBERSHIP_OFFICER")),
    ALL_CHAIRS("all-chairs", "Alla ordförande", Rule.ofRoles("CHAIR")),
    ALL_MEMBERSHIP_OFFICERS("all-membership-officers", "Alla medlemsansvariga", Rule.ofRoles("MEMBERSHIP_OFFICER")),
    DISTRICT_BOARD("district-board", "Distriktsstyrelsen", Rule.ofRoles("DISTRICT_BOARD")),
    EXECUTIVE_COMMITTEE("executive-committee", "Verkställande utskottet", Rule.ofRoles("EXECUTIVE_COMMITTEE")),
    ALL_MEMBERS("all-members", "Alla medlemmar", Rule.allMembers());

    private final String listName;
    private final String description;
    private final Rule rule;

    BuiltInList(String listName, String description, Rule rule) {
        this.listName = listName;
        this.description = description;
        this.rule = rule;
    }

    public String listName() {
        return listName;
    }

    public String description() {
        return description;
    }

    public Rule rule() {
        return rule;
    }

    public static Optional<BuiltInList> named(String name) {
        return Arrays.stream(values()).filter(b -> b.listName.equals(name)).findFirst();
    }
}
