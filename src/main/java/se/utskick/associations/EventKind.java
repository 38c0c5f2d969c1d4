package se.utskick.associations;

/**
 * What kind of event an association sends in. The outward-facing kinds count towards the yearly
 * outreach goal once approved; an internal meeting does not. Stored as the same words.
 */
public enum EventKind {
    TORGMOTE("Torgmöte", true),
    OPPET_MOTE("Öppet möte", true),
    TEMATRAFF("Tematräff", true),
    STUDIECIRKEL("Studiecirkel", true),
    MANIFESTATION("Manifestation (8 mars, 1 maj …)", true),
    ANNAT_UTATRIKTAT("Annat utåtriktat", true),
    INTERNT("Internt möte (räknas inte som utåtriktat)", false);

    private final String label;
    private final boolean outward;

    EventKind(String label, boolean outward) {
        this.label = label;
        this.outward = outward;
    }

    public String label() {
        return label;
    }

    public boolean outward() {
        return outward;
    }

    public String getName() {
        return name();
    }

    public String getLabel() {
        return label;
    }

    /** The kind named {@code s}; a {@link PageException} for anything else. */
    static EventKind parse(String s) {
        for (EventKind k : values()) {
            if (k.name().equals(s)) {
                return k;
            }
        }
        throw PageException.field("kind", "assoc.error.event.kind", "no kind of event chosen");
    }
}
