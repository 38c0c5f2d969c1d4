package se.utskick.register;

import java.util.Locale;
import java.util.Optional;

/**
 * A role a member holds. Association-level roles serve the member's association; district-level
 * roles belong to no association ({@code member_role.association_id} is NULL). The labels are the
 * Swedish words of the register export's role column ({@code Uppdrag}).
 */
public enum Role {
    CHAIR("Ordförande", false),
    BOARD_MEMBER("Styrelseledamot", false),
    MEMBERSHIP_OFFICER("Medlemsansvarig", false),
    TREASURER("Kassör", false),
    DISTRICT_BOARD("Distriktsstyrelse", true),
    EXECUTIVE_COMMITTEE("Verkställande utskott", true),
    /** Carries a policy area, e.g. {@code Politikansvarig: feminism}. */
    POLICY_LEAD("Politikansvarig", true),
    OMBUDSMAN("Ombudsman", true),
    COUNTY_COUNCIL_GROUP("Landstingsgrupp", true),
    REGIONAL_GROUP("Regiongrupp", true);

    private final String label;
    private final boolean districtLevel;

    Role(String label, boolean districtLevel) {
        this.label = label;
        this.districtLevel = districtLevel;
    }

    public String label() {
        return label;
    }

    /** True if the role belongs to the district rather than to an association. */
    public boolean districtLevel() {
        return districtLevel;
    }

    /** Accepts the Swedish label, the enum name, or the usual abbreviations DS and VU; any case. */
    public static Optional<Role> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("ds")) {
            return Optional.of(DISTRICT_BOARD);
        }
        if (t.equals("vu")) {
            return Optional.of(EXECUTIVE_COMMITTEE);
        }
        for (Role r : values()) {
            if (r.label.toLowerCase(Locale.ROOT).equals(t) || r.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
