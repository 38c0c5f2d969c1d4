package se.utskick.web;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The interface's pages: FreeMarker templates under {@code /web/templates} on the class path, HTML
 * auto-escaped ({@code .ftlh}), hardened like the letters' templates (no {@code ?api}, {@code ?new}
 * instantiates nothing, a missing value is an error). Every page gets {@code t} (the interface
 * texts), {@code staff} and {@code csrf} (when signed in) and {@code path}. Thread-safe.
 */
final class Views {
    private final Configuration fm;
    private final Texts texts;

    Views(Texts texts, ZoneId zone) {
        this.texts = texts;
        fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setClassForTemplateLoading(Views.class, "/web/templates");
        fm.setRecognizeStandardFileExtensions(true);
        fm.setAPIBuiltinEnabled(false);
        fm.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setWrapUncheckedExceptions(true);
        fm.setDefaultEncoding("UTF-8");
        fm.setOutputEncoding("UTF-8");
        fm.setLocale(texts.locale());
        fm.setTimeZone(TimeZone.getTimeZone(zone));
        fm.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone(zone));
        fm.setNumberFormat(",##0");
        fm.setDateTimeFormat("yyyy-MM-dd HH:mm");
        fm.setSharedVariable("when", new When(zone));
    }

    /** {@code ${when(x)}}: an Instant, LocalDateTime, LocalDate or Date as "yyyy-MM-dd HH:mm" in the district's zone; "" for null. */
    private record When(ZoneId zone) implements freemarker.template.TemplateMethodModelEx {
        private static final java.time.format.DateTimeFormatter F = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        @Override
        public Object exec(java.util.List args) throws freemarker.template.TemplateModelException {
            Object o = args.isEmpty() ? null : freemarker.template.utility.DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0));
            return switch (o) {
                case null -> "";
                case java.time.Instant i -> F.format(i.atZone(zone));
                case java.time.LocalDateTime d -> F.format(d);
                case java.time.LocalDate d -> d.toString();
                case java.util.Date d -> F.format(d.toInstant().atZone(zone));
                default -> o.toString();
            };
        }
    }

    /** Renders {@code template} with {@code model} plus the common variables, as the response body. */
    void render(Context ctx, String template, Map<String, ?> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("t", texts.all());
        m.put("path", ctx.path());
        Staff.of(ctx).ifPresent(s -> {
            m.put("staff", s.user());
            m.put("csrf", s.csrfToken());
            m.put("staffRole", Staff.role(ctx).name()); // admin (issue 16)
        });
        m.putIfAbsent("csrf", SignInPages.preSessionToken(ctx));
        m.putIfAbsent("flash", Flash.take(ctx));
        ctx.contentType("text/html; charset=utf-8").result(html(template, m));
    }

    String html(String template, Map<String, Object> model) {
        try {
            Template t = fm.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("page template " + template + ": " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("page template " + template + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    Texts texts() {
        return texts;
    }
}
