package se.utskick.letters;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * {@code <@wrap>...</@wrap>} in text templates: paragraphs (separated by blank lines) of the nested
 * output are re-flowed to {@link TextWrap#WIDTH} columns. Recipient values must not be inside it:
 * wrapping depends on their length, which the per-association pre-rendering does not know.
 * Stateless, thread-safe.
 */
final class WrapDirective implements TemplateDirectiveModel {
    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (!params.isEmpty()) {
            throw new TemplateModelException("<@wrap> takes no parameters");
        }
        if (body == null) {
            return;
        }
        StringWriter nested = new StringWriter();
        body.render(nested);
        String[] paragraphs = nested.toString().strip().split("\\n\\s*\\n");
        for (int i = 0; i < paragraphs.length; i++) {
            if (i > 0) {
                env.getOut().write("\n\n");
            }
            env.getOut().write(TextWrap.wrapped(paragraphs[i].replaceAll("\\s*\\n\\s*", " ")));
        }
        env.getOut().write("\n");
    }
}
