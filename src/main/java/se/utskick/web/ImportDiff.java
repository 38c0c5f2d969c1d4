package se.utskick.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.utskick.register.ImportReport;

/**
 * A dry run's changes as the page's diff, grouped: added, updated, leaving, address changes (an
 * update that touches the address) and role changes; each row the member number and what changes,
 * in Swedish. Built from {@link ImportReport#changes} (personal data: shown to the signed-in
 * ombudsman, never logged).
 */
final class ImportDiff {
    private final Texts texts;

    ImportDiff(Texts texts) {
        this.texts = texts;
    }

    /** Group name ({@code added}, {@code updated}, {@code address}, {@code left}, {@code roles}) to its rows. */
    Map<String, List<String>> groups(ImportReport report) {
        Map<String, List<String>> g = new LinkedHashMap<>();
        for (String k : List.of("added", "updated", "address", "left", "roles")) {
            g.put(k, new ArrayList<>());
        }
        for (String line : report.changes()) {
            String kind = line.length() > 8 ? line.substring(0, 8).strip() : line.strip();
            String rest = line.length() > 8 ? line.substring(8) : "";
            switch (kind) {
                case "added" -> g.get("added").add(rest.replace(", roles: ", ", " + texts.get("import.diff.roles") + ": "));
                case "left" -> g.get("left").add(rest);
                case "roles" -> g.get("roles").add(rest.replace("(none)", texts.get("import.diff.none")).replace(" -> ", " → "));
                case "updated" -> {
                    g.get(rest.contains("e-mail (") ? "address" : "updated").add(fields(rest));
                }
                default -> g.get("updated").add(line);
            }
        }
        return g;
    }

    private String fields(String rest) {
        String s = rest;
        for (String status : List.of("OK", "MISSING", "INVALID", "BOUNCED")) {
            s = s.replace("e-mail (" + status + ")", texts.get("import.diff.email") + " (" + texts.get("import.diff.status." + status) + ")");
        }
        return s.replace("joined date", texts.get("import.diff.joined")).replace("rejoined", texts.get("import.diff.rejoined"))
                .replace("name", texts.get("import.diff.name")).replace("phone", texts.get("import.diff.phone"))
                .replace("association", texts.get("import.diff.association"));
    }
}
