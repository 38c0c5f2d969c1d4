package se.utskick.web;

import se.utskick.UserError;

/** A page that does not exist (an unknown list, a filter value no form offers): 404 with {@code error.notfound}. */
final class PageNotFound extends UserError {
    PageNotFound(String subject) {
        super(Kind.NOT_FOUND, "error.notfound", null, subject, "no such page: " + subject);
    }
}
