package se.utskick.associations;

/** The kinds of material in the bank. Stored as the same words. */
public enum MaterialKind {
    DEBATTARTIKEL("Debattartikel"),
    MOTION("Motion"),
    FLYGBLAD("Flygblad"),
    ANNAT("Annat");

    private final String label;

    MaterialKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String getName() {
        return name();
    }

    public String getLabel() {
        return label;
    }

    /** The kind named {@code s}; a {@link PageException} for anything else. */
    static MaterialKind parse(String s) {
        for (MaterialKind k : values()) {
            if (k.name().equals(s)) {
                return k;
            }
        }
        throw PageException.field("kind", "assoc.error.material.kind", "no kind of material chosen");
    }
}
