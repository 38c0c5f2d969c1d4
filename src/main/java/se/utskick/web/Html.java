package se.utskick.web;

/** Escaping for markup written by hand here (the FreeMarker pages escape on their own). */
final class Html {
    private Html() {
    }

    /** {@code s} as HTML/XML text or attribute value: {@code & < > " '} escaped. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
