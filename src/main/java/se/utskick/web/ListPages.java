package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.Utskick;
import se.utskick.audience.LeftOut;
import se.utskick.audience.NamedList;
import se.utskick.audience.Resolution;

/**
 * {@code /listor}: the mailing lists (built-in and saved) with their rule in words, how many they
 * reach now as a letter to roles and as the members' letter (which leaves out the unsubscribed),
 * and how many match but are left out, by reason. {@code /listor/{name}}: who is on it (the first
 * {@value #SHOWN}), who is left out and why, and a form that creates a letter for it. Read-only.
 */
final class ListPages {
    static final int SHOWN = 200;
    private final Utskick app;
    private final Views views;

    ListPages(Utskick app, Views views) {
        this.app = app;
        this.views = views;
    }

    void routes(RoutesConfig r) {
        r.get("/listor", this::lists);
        r.get("/listor/{name}", this::list);
    }

    private void lists(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NamedList l : app.audiences().lists()) {
            Resolution roles = app.audiences().resolve(l.rule(), false);
            Resolution members = app.audiences().resolve(l.rule(), true);
            Map<String, Object> row = new HashMap<>();
            row.put("list", l);
            row.put("rule", app.audiences().describe(l.rule()));
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
        NamedList l = app.audiences().list(ctx.pathParam("name"));
        boolean membersLetter = "ja".equals(ctx.queryParam("medlemsbrev"));
        Map<Long, String> names = app.register().associationNames();
        Map<String, Object> m = new HashMap<>();
        m.put("list", l);
        m.put("rule", app.audiences().describe(l.rule()));
        m.put("membersLetter", membersLetter);
        m.put("resolution", app.audiences().resolve(l.rule(), membersLetter));
        m.put("recipients", app.audiences().firstRecipients(l.rule(), membersLetter, SHOWN).stream()
                .map(a -> Map.of("id", a.memberId(), "name", a.firstName() + " " + a.lastName(), "email", a.email(),
                        "association", a.associationId() == null ? "" : names.getOrDefault(a.associationId(), "")))
                .toList());
        m.put("leftOut", app.audiences().leftOut(l.rule(), membersLetter, SHOWN));
        m.put("shown", SHOWN);
        views.render(ctx, "list.ftlh", m);
    }
}
