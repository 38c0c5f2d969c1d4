package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import se.utskick.UserError;
import se.utskick.users.StaffAdmin;
import se.utskick.users.StaffRole;
import se.utskick.users.Users;

/**
 * {@code /personal}: staff administration for administrators (others get 403): the accounts with
 * role, state, second factor and recovery codes left; add an account (its one-time password link,
 * TOTP secret and recovery codes are shown once, to hand over); change a role; disable; a new
 * password link; reset the second factor (the account's sessions end). {@code /konto}: one's own
 * account, with new recovery codes on request. {@value #LINK_PATH}{@code {token}}: the public page
 * of a one-time password link. Every change is audited by {@link StaffAdmin}.
 */
final class StaffPages {
    static final String LINK_PATH = "/konto/losenord/";
    private final StaffAdmin staffAdmin;
    private final Users users;
    private final Views views;
    private final Texts texts;

    StaffPages(StaffAdmin staffAdmin, Users users, Views views, Texts texts) {
        this.staffAdmin = staffAdmin;
        this.users = users;
        this.views = views;
        this.texts = texts;
    }

    void routes(RoutesConfig r) {
        r.get("/personal", ctx -> admin(ctx, () -> list(ctx, Map.of(), HttpStatus.OK)));
        r.post("/personal", ctx -> admin(ctx, () -> add(ctx)));
        r.post("/personal/{user}/roll", ctx -> admin(ctx, () -> {
            staffAdmin.setRole(Staff.actor(ctx), ctx.pathParam("user"), role(ctx.formParam("role")));
            Flash.redirect(ctx, "/personal", "staff-role");
        }));
        r.post("/personal/{user}/inaktivera", ctx -> admin(ctx, () -> {
            staffAdmin.disable(Staff.actor(ctx), ctx.pathParam("user"));
            Flash.redirect(ctx, "/personal", "staff-disabled");
        }));
        r.post("/personal/{user}/losenordslank", ctx -> admin(ctx, () -> {
            String token = staffAdmin.passwordLink(Staff.actor(ctx), ctx.pathParam("user"));
            list(ctx, Map.of("handover", Map.of("username", ctx.pathParam("user"), "link", link(ctx, token), "secret", "",
                    "codes", java.util.List.of())), HttpStatus.OK);
        }));
        r.post("/personal/{user}/tvafaktor", ctx -> admin(ctx, () -> {
            StaffAdmin.Handover h = staffAdmin.resetSecondFactor(Staff.actor(ctx), ctx.pathParam("user"));
            list(ctx, Map.of("handover", handover(ctx, h)), HttpStatus.OK);
        }));
        r.get("/konto", ctx -> views.render(ctx, "account.ftlh", Map.of("left",
                users.recoveryCodesLeft(Staff.actor(ctx)), "codes", java.util.List.of(), "role", Staff.role(ctx).name())));
        r.post("/konto/reservkoder", ctx -> views.render(ctx, "account.ftlh", Map.of("left", 10,
                "codes", staffAdmin.renewOwnRecoveryCodes(Staff.actor(ctx)), "role", Staff.role(ctx).name())));
        r.get(LINK_PATH + "{token}", ctx -> linkPage(ctx, "", HttpStatus.OK));
        r.post(LINK_PATH + "{token}", this::setPassword);
    }

    private void admin(Context ctx, Runnable page) {
        if (!Staff.role(ctx).mayAdminister()) {
            ctx.status(HttpStatus.FORBIDDEN);
            views.render(ctx, "problem.ftlh", Map.of("message", texts.get("staff.forbidden")));
            return;
        }
        page.run();
    }

    private void list(Context ctx, Map<String, Object> extra, HttpStatus status) {
        Map<String, Object> m = new HashMap<>(extra);
        m.put("accounts", staffAdmin.accounts());
        m.put("roles", java.util.Arrays.stream(StaffRole.values()).map(Enum::name).toList());
        m.put("me", Staff.actor(ctx));
        m.putIfAbsent("formError", FormError.none().model());
        m.putIfAbsent("typed", Map.of("username", "", "displayName", "", "role", "OMBUDSMAN"));
        ctx.status(status);
        views.render(ctx, "staff.ftlh", m);
    }

    private void add(Context ctx) {
        String username = ctx.formParam("username") == null ? "" : ctx.formParam("username");
        String display = ctx.formParam("displayName") == null ? "" : ctx.formParam("displayName");
        String roleName = ctx.formParam("role") == null ? "" : ctx.formParam("role");
        try {
            StaffAdmin.Handover h = staffAdmin.add(Staff.actor(ctx), username, display, role(roleName));
            list(ctx, Map.of("handover", handover(ctx, h)), HttpStatus.OK);
        } catch (UserError e) {
            FormError fe = FormError.of(e, texts);
            list(ctx, Map.of("formError", fe.model(), "typed", Map.of("username", username, "displayName", display, "role", roleName)),
                    HttpStatus.forStatus(fe.status()));
        }
    }

    /** A role from the form; an unknown one is refused at the field. */
    private static StaffRole role(String name) {
        try {
            return StaffRole.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, Object> handover(Context ctx, StaffAdmin.Handover h) {
        return Map.of("username", h.username(), "link", h.linkToken().isEmpty() ? "" : link(ctx, h.linkToken()),
                "secret", h.totp().secret(), "codes", h.recoveryCodes());
    }

    private static String link(Context ctx, String token) {
        return ctx.scheme() + "://" + ctx.host() + LINK_PATH + token;
    }

    private void linkPage(Context ctx, String error, HttpStatus status) {
        var user = staffAdmin.linkUser(ctx.pathParam("token"));
        ctx.status(user.isEmpty() ? HttpStatus.NOT_FOUND : status);
        views.render(ctx, "password-link.ftlh", Map.of("valid", user.isPresent(), "username", user.map(u -> u.username()).orElse(""),
                "error", error, "done", false));
    }

    private void setPassword(Context ctx) {
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String again = ctx.formParam("again") == null ? "" : ctx.formParam("again");
        if (!password.equals(again)) {
            linkPage(ctx, texts.get("error.staff.again"), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        try {
            staffAdmin.setPasswordByLink(ctx.pathParam("token"), password.toCharArray());
        } catch (UserError e) {
            linkPage(ctx, WebUi.words(texts, e), HttpStatus.forStatus(WebUi.status(e)));
            return;
        }
        views.render(ctx, "password-link.ftlh", Map.of("valid", true, "username", "", "error", "", "done", true));
    }
}
