package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.audience.Audiences;
import se.utskick.audience.InvalidListField;
import se.utskick.audience.LeftOut;
import se.utskick.audience.NamedList;
import se.utskick.audience.Resolution;
import se.utskick.audience.Rule;
import se.utskick.audience.SavedLists;
import se.utskick.register.Register;

/**
 * {@code /listor}: the mailing lists (built-in and saved) by their Swedish names with their rule in
 * words, how many they reach now as a letter to roles and as the members' letter (which leaves out
 * the unsubscribed), and how many match but are left out, by reason. {@code /listor/{name}}: who is
 * on it (the first {@value #SHOWN}, narrowed to one region with {@code ?region=}), who is left out
 * and why, and a form that creates a letter for it. Saved lists are created, changed and deleted
 * here ({@link ListForms}); the list service ({@code SavedLists}) validates and audits.
 */
final class ListPages {
    static final int SHOWN = 200;
    private final Audiences audiences;
    private final SavedLists savedLists;
    private final Register register;
    private final Views views;
    private final RuleWords words;
    private final ListForms forms;

    ListPages(Audiences audiences, SavedLists savedLists, Register register, Views views, Texts texts) {
        this.audiences = audiences;
        this.savedLists = savedLists;
        this.register = register;
        this.views = views;
        this.words = new RuleWords(texts);
        this.forms = new ListForms(audiences, savedLists, register, views, texts, words);
    }

    void routes(RoutesConfig r) {
        r.get("/listor", this::lists);
        r.get("/listor/ny", forms::newForm);
        r.post("/listor/ny", forms::create);
        r.get("/listor/{name}", this::list);
        r.get("/listor/{name}/andra", forms::editForm);
        r.post("/listor/{name}/andra", forms::update);
        r.post("/listor/{name}/ta-bort", forms::delete);
    }

    private void lists(Context ctx) {
        Map<Long, String> names = register.associationNames();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NamedList l : audiences.lists()) {
            Resolution roles = audiences.resolve(l.rule(), false);
            Resolution members = audiences.resolve(l.rule(), true);
            Map<String, Object> row = new HashMap<>();
            row.put("list", l);
            row.put("title", words.title(l));
            row.put("rule", words.describe(l.rule(), names));
            row.put("roles", roles.recipients());
            row.put("members", members.recipients());
            row.put("left", leftOut(roles, members));
            rows.add(row);
        }
        views.render(ctx, "lists.ftlh", Map.of("rows", rows, "reasons", List.of(LeftOut.values()).stream().map(Enum::name).toList()));
    }

    /** Left out by reason: LEFT..BOUNCED as any letter to roles counts them, UNSUBSCRIBED as the members' letter does. */
    private static Map<String, Integer> leftOut(Resolution roles, Resolution members) {
        Map<String, Integer> m = new HashMap<>();
        for (LeftOut reason : LeftOut.values()) {
            m.put(reason.name(), reason == LeftOut.UNSUBSCRIBED ? members.leftOut(reason) : roles.leftOut(reason));
        }
        return m;
    }

    private void list(Context ctx) {
        NamedList l = forms.named(ctx.pathParam("name"));
        boolean membersLetter = "ja".equals(ctx.queryParam("medlemsbrev"));
        String region = ctx.queryParam("region") == null ? "" : ctx.queryParam("region");
        if (!region.isEmpty() && !Rule.KNOWN_REGIONS.contains(region)) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            region = "";
        }
        Rule rule = region.isEmpty() ? l.rule() : l.rule().inRegions(List.of(region));
        Map<Long, String> names = register.associationNames();
        Map<String, Object> m = new HashMap<>();
        m.put("list", l);
        m.put("title", words.title(l));
        m.put("rule", words.describe(l.rule(), names));
        m.put("membersLetter", membersLetter);
        m.put("region", region);
        m.put("regions", ListForms.regionOptions(words));
        m.put("resolution", audiences.resolve(rule, membersLetter));
        m.put("recipients", audiences.firstRecipients(rule, membersLetter, SHOWN).stream()
                .map(a -> Map.of("id", a.memberId(), "name", a.firstName() + " " + a.lastName(), "email", a.email(),
                        "association", a.associationId() == null ? "" : names.getOrDefault(a.associationId(), "")))
                .toList());
        m.put("leftOut", audiences.leftOut(rule, membersLetter, SHOWN));
        m.put("shown", SHOWN);
        views.render(ctx, "list.ftlh", m);
    }
}
