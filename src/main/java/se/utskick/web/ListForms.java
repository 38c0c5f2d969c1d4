package se.utskick.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.audience.AudienceException;
import se.utskick.audience.Audiences;
import se.utskick.audience.InvalidListField;
import se.utskick.audience.LeftOut;
import se.utskick.audience.NamedList;
import se.utskick.audience.Resolution;
import se.utskick.audience.Rule;
import se.utskick.audience.SavedLists;
import se.utskick.audience.SavedLists.ListForm;
import se.utskick.register.Region;
import se.utskick.register.Register;
import se.utskick.register.Role;

/**
 * The form of a saved list: {@code /listor/ny} and {@code /listor/{name}/andra}, with pickers for
 * roles, a policy lead's areas, regions and associations, all in Swedish. The button
 * "Förhandsgranska" ({@code action=preview}) shows who the list would reach and who it would
 * leave out and why, saving nothing; "Spara" saves through {@code SavedLists} (one transaction with
 * its audit row). A refused field answers 422 with the Swedish text at that field and the form as
 * typed; nothing is saved. {@code /listor/{name}/ta-bort} deletes a saved list.
 */
final class ListForms {
    static final int PREVIEWED = 50;
    private final Audiences audiences;
    private final SavedLists savedLists;
    private final Register register;
    private final Views views;
    private final Texts texts;
    private final RuleWords words;

    ListForms(Audiences audiences, SavedLists savedLists, Register register, Views views, Texts texts, RuleWords words) {
        this.audiences = audiences;
        this.savedLists = savedLists;
        this.register = register;
        this.views = views;
        this.texts = texts;
        this.words = words;
    }

    /** A list by name, or 404. */
    NamedList named(String name) {
        try {
            return audiences.list(name);
        } catch (AudienceException e) {
            throw new PageNotFound("list");
        }
    }

    void newForm(Context ctx) {
        render(ctx, "", new ListForm("", "", List.of(), List.of(), List.of(), List.of()), Map.of(), null);
    }

    void editForm(Context ctx) {
        NamedList l = saved(ctx);
        List<String> roles = l.rule().roles().stream().filter(r -> Rule.policyArea(r).isEmpty()).toList();
        List<String> areas = l.rule().roles().stream().flatMap(r -> Rule.policyArea(r).stream()).toList();
        render(ctx, l.name(), new ListForm(l.name(), l.description(), roles, areas, l.rule().regions(), l.rule().associationIds()),
                Map.of(), null);
    }

    void create(Context ctx) {
        submit(ctx, "");
    }

    void update(Context ctx) {
        submit(ctx, saved(ctx).name());
    }

    void delete(Context ctx) {
        NamedList l = saved(ctx);
        savedLists.delete(Staff.actor(ctx), l.name());
        Flash.redirect(ctx, "/listor", "list-deleted");
    }

    private void submit(Context ctx, String current) {
        ListForm f = form(ctx);
        try {
            if ("preview".equals(ctx.formParam("action"))) {
                render(ctx, current, f, Map.of(), savedLists.rule(f));
                return;
            }
            NamedList saved = current.isEmpty() ? savedLists.create(Staff.actor(ctx), f)
                    : savedLists.update(Staff.actor(ctx), current, f);
            Flash.redirect(ctx, "/listor/" + java.net.URLEncoder.encode(saved.name(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"), "list-saved");
        } catch (InvalidListField e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            FormError fe = FormError.of(e, texts);
            render(ctx, current, f, Map.of(fe.field(), fe.message()), null);
        }
    }

    private NamedList saved(Context ctx) {
        NamedList l = named(ctx.pathParam("name"));
        if (l.builtIn()) {
            throw new PageNotFound("built-in list");
        }
        return l;
    }

    private static ListForm form(Context ctx) {
        List<Integer> assocs = new ArrayList<>();
        for (String a : ctx.formParams("associations")) {
            try {
                assocs.add(Integer.valueOf(a.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidListField("associations", "error.list.association", "bad association id", a);
            }
        }
        List<String> areas = new ArrayList<>(ctx.formParams("areas"));
        String typedArea = ctx.formParam("area");
        if (typedArea != null && !typedArea.isBlank()) {
            areas.add(typedArea.strip());
        }
        return new ListForm(ctx.formParam("name"), ctx.formParam("description"), ctx.formParams("roles"), areas,
                ctx.formParams("regions"), assocs);
    }

    private void render(Context ctx, String current, ListForm f, Map<String, String> errors, Rule preview) {
        Map<Long, String> names = register.associationNames();
        Map<String, Object> m = new HashMap<>();
        m.put("current", current);
        m.put("name", f.name() == null ? "" : f.name());
        m.put("description", f.description() == null ? "" : f.description());
        m.put("chosenRoles", List.copyOf(f.roles()));
        m.put("chosenAreas", List.copyOf(f.policyAreas()));
        m.put("chosenRegions", List.copyOf(f.regions()));
        m.put("chosenAssociations", f.associationIds().stream().map(String::valueOf).toList());
        m.put("roles", java.util.Arrays.stream(Role.values()).map(r -> Map.of("code", r.name(), "label", words.role(r.name()))).toList());
        m.put("areas", savedLists.policyAreas());
        m.put("regions", regionOptions(words));
        m.put("associations", names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> Map.of("id", e.getKey().toString(), "name", e.getValue())).toList());
        m.put("errors", errors);
        m.put("previewed", preview != null);
        if (preview != null) {
            Resolution roles = audiences.resolve(preview, false);
            Resolution members = audiences.resolve(preview, true);
            m.put("rule", words.describe(preview, names));
            m.put("reach", roles.recipients());
            m.put("reachMembers", members.recipients());
            Map<String, Integer> left = new HashMap<>();
            for (LeftOut reason : LeftOut.values()) {
                left.put(reason.name(), reason == LeftOut.UNSUBSCRIBED ? members.leftOut(reason) : roles.leftOut(reason));
            }
            m.put("left", left);
            m.put("reasons", java.util.Arrays.stream(LeftOut.values()).map(Enum::name).toList());
            m.put("recipients", audiences.firstRecipients(preview, false, PREVIEWED).stream()
                    .map(a -> Map.of("name", a.firstName() + " " + a.lastName(),
                            "association", a.associationId() == null ? "" : names.getOrDefault(a.associationId(), "")))
                    .toList());
            m.put("leftOut", audiences.leftOut(preview, true, PREVIEWED));
            m.put("shown", PREVIEWED);
        }
        views.render(ctx, "list-form.ftlh", m);
    }

    static List<Map<String, String>> regionOptions(RuleWords words) {
        return java.util.Arrays.stream(Region.values()).map(r -> Map.of("code", r.name(), "label", words.region(r.name()))).toList();
    }
}
