package se.utskick.letters;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * The data model the templates see, built once per letter: Markdown already rendered to safe HTML
 * and to wrapped text, events and dates already formatted in Swedish, every string cleaned of slot
 * markers. Plain maps, lists and strings only: templates cannot reach any Java object.
 *
 * <p>Top-level names: {@code district}, {@code letter} and (per recipient) {@code recipient}; see
 * templates/README.md for every field. Optional fields are absent, not empty: test them with {@code ??}.
 */
final class LetterModel {
    private static final Parser PARSER = Parser.builder().build();
    private static final MarkdownHtml HTML = new MarkdownHtml();
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM 'kl.' HH.mm", Periods.SWEDISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", Periods.SWEDISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Periods.SWEDISH);

    private LetterModel() {
    }

    static Map<String, Object> of(Letter l, List<Event> events, String audience, LettersConfig cfg) {
        return of(l, events, List.of(), audience, cfg);
    }

    /** With the "new in the bank" section: {@code letter.bank}, absent when {@code bank} is empty. */
    static Map<String, Object> of(Letter l, List<Event> events, List<BankNews.Item> bank, String audience, LettersConfig cfg) {
        Links links = new Links();
        Map<String, Object> letter = new HashMap<>();
        letter.put("kind", l.kind().name());
        letter.put("title", l.kind().title());
        letter.put("subject", Stitch.clean(l.subject()));
        letter.put("audience", Stitch.clean(audience));
        if (l.period() != null) {
            letter.put("period", Periods.shown(l.period()));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Letter.Item i : l.items()) {
            Map<String, Object> item = markdown(i.body(), links);
            item.put("heading", Stitch.clean(i.heading()));
            items.add(item);
        }
        letter.put("items", items);
        if (l.kind() == LetterKind.MEMBERS) {
            letter.put("events", events.stream().map(LetterModel::event).toList());
            if (l.websitePassword() != null) {
                letter.put("password", Stitch.clean(l.websitePassword()));
                letter.put("websiteUrl", cfg.websiteUrl());
                letter.put("webUrl", cfg.webVersionUrl() + l.id()); // the web version, behind the same password
            }
        }
        if (!bank.isEmpty()) {
            letter.put("bank", bank.stream().map(LetterModel::material).toList());
        }
        if (l.feedbackDeadline() != null) {
            Map<String, Object> feedback = markdown(l.feedbackRequest() == null ? "" : l.feedbackRequest(), links);
            feedback.put("deadline", DATE.format(l.feedbackDeadline()));
            letter.put("feedback", feedback);
        }
        letter.put("links", links.all());
        return Map.of("district", Map.of("name", cfg.districtName()), "letter", letter);
    }

    /** The model with a recipient added; {@code association} and {@code unsubscribeUrl} may be null (then absent). */
    static Map<String, Object> withRecipient(Map<String, Object> letterModel, String firstName, String lastName,
                                             String association, String unsubscribeUrl) {
        Map<String, Object> r = new HashMap<>();
        r.put("firstName", firstName);
        r.put("lastName", lastName);
        r.put("association", association);
        r.put("unsubscribeUrl", unsubscribeUrl);
        Map<String, Object> m = new HashMap<>(letterModel);
        m.put("recipient", r);
        return m;
    }

    /** A copy of plain maps, lists and strings with every string cleaned of slot markers. */
    static Map<String, Object> cleaned(Map<String, ?> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, cleanValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object cleanValue(Object v) {
        if (v instanceof String s) {
            return Stitch.clean(s);
        }
        if (v instanceof Map<?, ?> m) {
            return cleaned((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(LetterModel::cleanValue).toList();
        }
        return v;
    }

    private static Map<String, Object> markdown(String body, Links links) {
        Node doc = PARSER.parse(Stitch.clean(body));
        Map<String, Object> m = new HashMap<>();
        try {
            m.put("html", HTMLOutputFormat.INSTANCE.fromMarkup(HTML.render(doc)));
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
        m.put("text", MarkdownText.render(doc, links));
        return m;
    }

    private static Map<String, Object> event(Event e) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", Stitch.clean(e.title()));
        m.put("when", when(e.startsAt(), e.endsAt()));
        m.put("place", Stitch.clean(e.place()));
        m.put("description", Stitch.clean(e.description()));
        m.put("descriptionText", String.join("\n", TextWrap.wrap(Stitch.clean(e.description()), "  ", "  ")));
        if (e.associationName() != null) {
            m.put("association", Stitch.clean(e.associationName()));
        }
        return m;
    }

    private static Map<String, Object> material(BankNews.Item i) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", Stitch.clean(i.title()));
        m.put("kind", i.kind());
        if (i.association() != null) {
            m.put("association", Stitch.clean(i.association()));
        }
        return m;
    }

    static String when(LocalDateTime start, LocalDateTime end) {
        String s = DAY_TIME.format(start);
        if (end == null) {
            return s;
        }
        return s + (end.toLocalDate().equals(start.toLocalDate()) ? "–" + TIME.format(end) : " – " + DAY_TIME.format(end));
    }
}
