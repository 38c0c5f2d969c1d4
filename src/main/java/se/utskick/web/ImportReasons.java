package se.utskick.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bad line's reason in Swedish. The register words its line errors in English for the command
 * line ({@code register.LineError#problem}); this maps each known form to the bundle's
 * {@code import.reason.*} text with its values. An unknown form shows the general text
 * {@code import.reason.other} followed by the original, so no reason is lost.
 */
final class ImportReasons {
    private record Form(Pattern pattern, String key) {
    }

    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("is empty; .*"), "import.reason.empty"),
            new Form(Pattern.compile("contains a space; .*"), "import.reason.space"),
            new Form(Pattern.compile("the same member number as line (\\d+);.*"), "import.reason.duplicate"),
            new Form(Pattern.compile("'(.*)' is not a region;.*"), "import.reason.region"),
            new Form(Pattern.compile("'(.*)' contradicts line (\\d+),.*"), "import.reason.region.contradicts"),
            new Form(Pattern.compile("'(.*)' is not a date in the form (\\S+).*"), "import.reason.date"),
            new Form(Pattern.compile("unknown role '(.*)';.*"), "import.reason.role"),
            new Form(Pattern.compile("'(.*)' lacks its policy area;.*"), "import.reason.area"),
            new Form(Pattern.compile("only \\S+ takes an area after ':', not '(.*)'"), "import.reason.area.only"),
            new Form(Pattern.compile("an association role needs an association.*"), "import.reason.role.association"),
            new Form(Pattern.compile("has (\\d+) fields but the header has (\\d+).*"), "import.reason.fields"),
            new Form(Pattern.compile("is (\\d+) characters long; at most (\\d+) fit"), "import.reason.long"),
            new Form(Pattern.compile("the file has a header but no member lines.*"), "import.reason.nolines"),
            new Form(Pattern.compile("the file is empty.*"), "import.reason.emptyfile"),
            new Form(Pattern.compile("the header has no column '(.*?)'.*"), "import.reason.header"),
            new Form(Pattern.compile("the file ends inside this line.*"), "import.reason.cut"));

    private final Texts texts;

    ImportReasons(Texts texts) {
        this.texts = texts;
    }

    String swedish(String problem) {
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(problem);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return texts.get(f.key(), args);
            }
        }
        return texts.get("import.reason.other", problem);
    }
}
