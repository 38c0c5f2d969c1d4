package se.utskick.register;

/** The fields of a register export; each is mapped to a header by {@code register.columns.<key>}. */
enum Column {
    MEMBER_NUMBER("member-number", "Medlemsnummer", true),
    FIRST_NAME("first-name", "Förnamn", true),
    LAST_NAME("last-name", "Efternamn", true),
    EMAIL("email", "E-post", true),
    PHONE("phone", "Telefon", false),
    ASSOCIATION("association", "Förening", true),
    REGION("region", "Region", false),
    JOINED("joined", "Inträdesdatum", false),
    ROLES("roles", "Uppdrag", false);

    final String key;
    final String defaultHeader;
    /** A required column must be in the header; an optional one may be left out of the file. */
    final boolean required;

    Column(String key, String defaultHeader, boolean required) {
        this.key = key;
        this.defaultHeader = defaultHeader;
        this.required = required;
    }

    String configKey() {
        return RegisterConfig.COLUMNS + key;
    }
}
