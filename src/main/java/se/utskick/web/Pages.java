package se.utskick.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Paging of a long list: the page asked for ({@code ?sida=}, from 1, clamped to the last page),
 * its offset, and the model of the pager ({@code pager.ftlh}): total, page, pages and the links.
 */
final class Pages {
    private Pages() {
    }

    /** A page of {@code size} rows out of {@code total}. */
    record Page(int total, int page, int pages, int size) {
        int offset() {
            return (page - 1) * size;
        }

        /** The pager's model; {@code base} is the page's path with its filters, without {@code sida}. */
        Map<String, Object> model(String base) {
            String sep = base.contains("?") ? "&" : "?";
            return Map.of("total", total, "page", page, "pages", pages,
                    "prev", page > 1 ? base + sep + "sida=" + (page - 1) : "",
                    "next", page < pages ? base + sep + "sida=" + (page + 1) : "");
        }
    }

    static Page of(Context ctx, int total, int size) {
        int pages = Math.max(1, (total + size - 1) / size);
        int asked;
        try {
            String s = ctx.queryParam("sida");
            asked = s == null || s.isBlank() ? 1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            asked = 1;
        }
        return new Page(total, Math.clamp(asked, 1, pages), pages, size);
    }
}
