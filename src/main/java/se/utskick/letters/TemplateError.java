package se.utskick.letters;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import se.utskick.UtskickException;

/**
 * A template cannot be parsed or fails on the letter's data. The message names the template, the
 * line and the bad expression, so the fix is one look away. Found at preview and approval; an
 * approved letter never raises it (see {@link TemplateLetterComposer}).
 */
public class TemplateError extends UtskickException {
    private final String templateName;
    private final int line;

    TemplateError(String templateName, int line, String message) {
        super(message);
        this.templateName = templateName;
        this.line = line;
    }

    static TemplateError of(String letter, TemplateException e) {
        String expr = e.getBlamedExpressionString();
        String first = firstLine(e.getMessageWithoutStackTop());
        String what = e instanceof freemarker.core.InvalidReferenceException && expr != null
                ? expr + " is missing (misspelt, or an optional value: test it with " + expr + "??)"
                : first + (expr == null ? "" : " (expression: " + expr + ")");
        return new TemplateError(e.getTemplateSourceName(), lineOf(e.getLineNumber()),
                letter + " cannot be rendered: template " + e.getTemplateSourceName() + ", line " + lineOf(e.getLineNumber())
                        + ": " + what);
    }

    static TemplateError of(String letter, ParseException e) {
        return new TemplateError(e.getTemplateName(), e.getLineNumber(),
                letter + " cannot be rendered: template " + e.getTemplateName() + ", line " + e.getLineNumber()
                        + ": syntax error: " + firstLine(e.getEditorMessage()));
    }

    public String templateName() {
        return templateName;
    }

    public int line() {
        return line;
    }

    private static int lineOf(Integer n) {
        return n == null ? 0 : n;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        for (String l : message.split("\\R")) {
            if (!l.isBlank() && !l.startsWith("----") && !l.startsWith("==>")) {
                return l.strip();
            }
        }
        return message.strip();
    }
}
