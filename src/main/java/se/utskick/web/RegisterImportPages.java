package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.utskick.audit.AuditLog;
import se.utskick.register.ImportException;
import se.utskick.register.ImportOptions;
import se.utskick.register.ImportReport;
import se.utskick.register.MassLeaveException;
import se.utskick.register.Register;

/**
 * {@code /register/import}: the party's register export uploaded in the browser (multipart).
 * The upload is checked and run as a dry run at once: a file with bad lines answers 422 listing
 * every bad line with its number, column and Swedish reason, and is thrown away; a good one shows
 * the dry run as a diff (added, updated, address changes, leaving, role changes) and a confirmation
 * form. Only that confirmation ({@code POST /register/import/{token}}) applies the file, whole or
 * not at all (one transaction in the register). A full import that marks more than
 * {@code register.import.max-leave-percent} of the active members as left needs a second, explicit
 * confirmation; without it the apply answers 422 and changes nothing. The audit log records who
 * imported and the counts ({@code register.import}), never names or addresses.
 *
 * <p>The uploaded file waits for its confirmation in a private temporary folder of this process
 * for at most {@link #KEPT} and only for the person who uploaded it; it is deleted when applied or
 * expired. So the confirmation must reach the node that took the upload (sticky sessions behind a
 * load balancer).
 */
final class RegisterImportPages {
    static final Duration KEPT = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Upload(String username, Path file, boolean partial, Instant at, String name) {
    }

    private final Register register;
    private final AuditLog audit;
    private final Views views;
    private final ImportReasons reasons;
    private final ImportDiff diff;
    private final Texts texts;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private Path folder;

    RegisterImportPages(Register register, AuditLog audit, Views views, Texts texts) {
        this.register = register;
        this.audit = audit;
        this.views = views;
        this.reasons = new ImportReasons(texts);
        this.diff = new ImportDiff(texts);
        this.texts = texts;
    }

    void routes(RoutesConfig r) {
        r.get("/register/import", ctx -> views.render(ctx, "import.ftlh", Map.of("stage", "upload")));
        r.post("/register/import", this::upload);
        r.post("/register/import/{token}", this::apply);
    }

    private void upload(Context ctx) {
        expire();
        UploadedFile f = ctx.uploadedFile("file");
        boolean partial = "ja".equals(ctx.formParam("partial"));
        if (f == null || f.size() == 0) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "import.ftlh", Map.of("stage", "upload", "fileError", "import.error.nofile"));
            return;
        }
        Path file = store(f);
        ImportOptions options = ImportOptions.defaults().withDryRun(true).withPartial(partial);
        ImportReport report;
        try {
            report = register.importFile(file, options);
        } catch (ImportException e) {
            delete(file);
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "import.ftlh", refusedModel(e));
            return;
        }
        String token = token();
        uploads.put(token, new Upload(Staff.actor(ctx), file, partial, Instant.now(), safeName(f.filename())));
        ctx.status(HttpStatus.OK);
        views.render(ctx, "import.ftlh", dryRunModel(report, token, partial, ""));
    }

    /** The bad lines kept (at most a thousand) and, if the file has more, a sentence with their true total. */
    private Map<String, Object> refusedModel(ImportException e) {
        int more = e.total() - e.errors().size();
        return Map.of("stage", "upload", "fileError", "import.error.lines",
                "errors", e.errors().stream().map(le -> Map.of("line", le.line(), "column", le.column(),
                        "reason", reasons.swedish(le.problem()))).toList(),
                "errorsMore", more > 0 ? texts.get("import.error.more", e.total(), e.errors().size()) : "");
    }

    private Map<String, Object> dryRunModel(ImportReport report, String token, boolean partial, String error) {
        int active = register.summary().activeMembers();
        int percent = register.config().maxLeavePercent();
        Map<String, Object> m = new HashMap<>();
        m.put("stage", "confirm");
        m.put("report", report);
        m.put("groups", diff.groups(report));
        m.put("token", token);
        m.put("partial", partial);
        m.put("massLeave", !partial && (long) report.left() * 100 > (long) active * percent);
        m.put("active", active);
        m.put("percent", percent);
        m.put("applyError", error);
        return m;
    }

    private void apply(Context ctx) {
        expire();
        String token = ctx.pathParam("token");
        Upload u = uploads.get(token);
        if (u == null || !u.username().equals(Staff.actor(ctx))) {
            ctx.status(HttpStatus.GONE);
            views.render(ctx, "import.ftlh", Map.of("stage", "upload", "fileError", "import.error.expired"));
            return;
        }
        boolean massConfirmed = "ja".equals(ctx.formParam("massLeave"));
        ImportOptions options = ImportOptions.defaults().withPartial(u.partial()).withAllowMassLeave(massConfirmed);
        ImportReport report;
        try {
            report = register.importFile(u.file(), options);
        } catch (MassLeaveException e) {
            ImportReport dry = register.importFile(u.file(), options.withDryRun(true));
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "import.ftlh", dryRunModel(dry, token, u.partial(), "import.error.massleave"));
            return;
        } catch (ImportException e) {
            uploads.remove(token);
            delete(u.file());
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "import.ftlh", refusedModel(e));
            return;
        }
        uploads.remove(token);
        delete(u.file());
        audit.record(Staff.actor(ctx), "register.import", "register", "file " + u.name() + "; " + report.summary()
                + (massConfirmed ? "; mass leave confirmed" : "") + (u.partial() ? "; partial" : ""));
        views.render(ctx, "import.ftlh", Map.of("stage", "done", "report", report));
    }

    private synchronized Path store(UploadedFile f) {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("utskick-import-");
                folder.toFile().deleteOnExit();
            }
            Path file = Files.createTempFile(folder, "upload-", ".csv");
            try (InputStream in = f.content()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded register file: " + e.getMessage(), e);
        }
    }

    private void expire() {
        Instant oldest = Instant.now().minus(KEPT);
        uploads.entrySet().removeIf(e -> {
            if (e.getValue().at().isBefore(oldest)) {
                delete(e.getValue().file());
                return true;
            }
            return false;
        });
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file; the folder goes at exit
        }
    }

    /** The file's name for the audit log: its last part, only safe characters, at most 60 (no '@'). */
    private static String safeName(String name) {
        String n = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return n.isEmpty() ? "(namnlös)" : n.length() > 60 ? n.substring(0, 60) : n;
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static List<String> groupsInOrder() {
        return List.of("added", "updated", "address", "left", "roles");
    }
}
