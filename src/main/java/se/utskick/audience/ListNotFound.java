package se.utskick.audience;

import se.utskick.UserError;

/** No saved list has this name (changed or deleted meanwhile). */
public final class ListNotFound extends UserError {
    public ListNotFound(String name) {
        super(Kind.NOT_FOUND, "error.list.missing", null, "list", "no saved list named '" + name + "'", name);
    }
}
