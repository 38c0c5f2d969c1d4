package se.utskick.letters;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Where templates come from, and the one FreeMarker configuration, hardened: {@code .ftlh}
 * templates are HTML with auto-escaping on; the {@code ?api} built-in is off; {@code ?new} can
 * instantiate nothing; a missing value is an error (never an empty string) and errors are
 * rethrown, never printed into the output; nothing is logged by FreeMarker itself (errors reach
 * the user once, as {@link TemplateError}); every render runs under {@link RenderLimits}.
 *
 * <p>Templates come from the override folder first (when it exists), then from the shipped
 * {@code templates/} on the class path. A letter renders through a {@link TemplateSet}: a draft
 * from the files as they are ({@link #current}), each file read once and kept, so what approval
 * rendered is exactly what it stores; an approved letter from the sources stored at its approval
 * ({@link #of}). Localized lookup is off: {@code members.ftlh} is the only name tried. Thread-safe.
 */
final class Templates {
    private final TemplateLoader files;
    private final ZoneId zone;
    private final RenderLimits limits;

    Templates(Path overrides, ZoneId zone) {
        this(overrides, zone, RenderLimits.DEFAULT);
    }

    Templates(Path overrides, ZoneId zone, RenderLimits limits) {
        this.zone = zone;
        this.limits = limits;
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(overrides)) {
            try {
                loaders.add(new FileTemplateLoader(overrides.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/templates"));
        this.files = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }

    /** The templates as the files are now; {@link TemplateSet#sources} then tells what was read. */
    TemplateSet current() {
        return new TemplateSet(configuration(SnapshotLoader.reading(files)), limits);
    }

    /** The templates of a snapshot (name → source) and nothing else: a name not in it is not found. */
    TemplateSet of(Map<String, String> sources) {
        return new TemplateSet(configuration(SnapshotLoader.sealed(sources)), limits);
    }

    private Configuration configuration(SnapshotLoader loader) {
        Configuration cfg = new TemplateSet.GuardedConfiguration(loader);
        cfg.setTemplateLoader(loader);
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
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
        return cfg;
    }
}
