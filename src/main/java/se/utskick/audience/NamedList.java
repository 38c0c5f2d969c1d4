package se.utskick.audience;

/** A mailing list: a built-in one or one saved with {@code lists create}. */
public record NamedList(String name, String description, Rule rule, boolean builtIn) {
}
