package se.utskick.letters;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The one FreeMarker configuration, hardened: {@code .ftlh} templates are HTML with auto-escaping
 * on; the {@code ?api} built-in is off; {@code ?new} can instantiate nothing; a missing value is an
 * error (never an empty string) and errors are rethrown, never printed into the output; nothing is
 * logged by FreeMarker itself (errors reach the user once, as {@link TemplateError}).
 *
 * <p>Templates come from the override folder first (when it exists), then from the shipped
 * {@code templates/} on the class path. Compiled templates are cached; thread-safe.
 */
final class Templates {
    private final Configuration cfg;

    Templates(Path overrides, ZoneId zone) {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(overrides)) {
            try {
                loaders.add(new FileTemplateLoader(overrides.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/templates"));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Periods.SWEDISH);
        cfg.setTimeZone(TimeZone.getTimeZone(zone));
        cfg.setNumberFormat("computer");
        cfg.setSharedVariable("wrap", new WrapDirective());
    }

    /** The compiled template; a syntax error is a {@link TemplateError} with its line. */
    Template get(String name, String letterLabel) {
        try {
            return cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new LetterException(letterLabel + " needs the template " + name + ", which is neither in the override folder nor shipped");
        } catch (ParseException e) {
            throw TemplateError.of(letterLabel, e);
        } catch (IOException e) {
            throw new LetterException("cannot read the template " + name + ": " + e.getMessage());
        }
    }
}
