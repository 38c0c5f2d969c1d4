package se.utskick.associations;

import se.utskick.UtskickException;

/**
 * A user's mistake on an association page or in the staff's association pages, with a Swedish
 * message meant for that user (the page shows it as it is). Nothing was stored.
 */
public final class PageException extends UtskickException {
    public PageException(String swedishMessage) {
        super(swedishMessage);
    }
}
