package se.utskick.letters;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A letter as stored. {@code period} is null for targeted letters and reminders;
 * {@code feedbackRequest}, {@code feedbackDeadline} and {@code websitePassword} are null when unset.
 * {@code version} changes with every edit.
 */
public record Letter(long id, LetterKind kind, YearMonth period, LetterState state, String subject,
                     String audienceName, String audienceRule, String feedbackRequest, LocalDate feedbackDeadline,
                     String websitePassword, int version, List<Item> items) {

    public Letter {
        items = List.copyOf(items);
    }

    /** How the letter is named to people and in file names: {@code members-2026-03}, or {@code letter-12}. */
    public String slug() {
        return period == null ? "letter-" + id : kind.template() + "-" + period;
    }

    /** For messages: {@code letter 12 (members-2026-03)}. */
    public String label() {
        return period == null ? "letter " + id : "letter " + id + " (" + slug() + ")";
    }

    /** One item: a heading and a Markdown body. */
    public record Item(int position, String heading, String body) {
    }
}
