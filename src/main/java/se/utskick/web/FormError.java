package se.utskick.web;

import java.util.Map;
import se.utskick.UserError;

/**
 * A refused form, for re-rendering the page it came from: the form field at fault ({@code ""} when
 * the error is about the whole form), the Swedish sentence from the bundle and the status to answer
 * (through {@link WebUi#status} and {@link WebUi#words}, the one mapping). Templates import
 * {@code fields.ftlh} and put {@code <@f.at "subject"/>} next to a field and
 * {@code <@f.invalid "subject"/>} inside its input; the model holds it as {@code formError}.
 */
record FormError(String field, String message, int status) {
    static FormError none() {
        return new FormError("", "", 200);
    }

    static FormError of(UserError e, Texts texts) {
        return new FormError(e.field().orElse(""), WebUi.words(texts, e), WebUi.status(e));
    }

    /** True when a field is named: the sentence goes next to it, not into the box at the top. */
    boolean atField() {
        return !field.isEmpty();
    }

    /** The model entry {@code formError}: {@code field}, {@code message}, {@code atField} ("true"/""). */
    Map<String, String> model() {
        return Map.of("field", field, "message", message, "atField", atField() ? "true" : "");
    }
}
