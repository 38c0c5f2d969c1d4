package se.utskick.audience;

import java.util.function.LongFunction;
import se.utskick.delivery.RecipientSource;

/**
 * Delivery's {@link RecipientSource} over the audience of a letter. The letter's rule and whether it
 * is the members' letter come from {@code audienceOfLetter} (the letters feature, wired in the
 * composition root), which throws if the letter does not exist.
 */
public final class AudienceRecipientSource implements RecipientSource {
    private final LongFunction<LetterAudience> audienceOfLetter;

    public AudienceRecipientSource(LongFunction<LetterAudience> audienceOfLetter) {
        this.audienceOfLetter = audienceOfLetter;
    }

    @Override
    public Query recipientsOf(long letterId) {
        LetterAudience a = audienceOfLetter.apply(letterId);
        return AudienceSql.recipients(a.rule(), a.membersLetter());
    }

    /** What the audience needs to know of a letter: its rule, and whether unsubscribers are left out. */
    public record LetterAudience(Rule rule, boolean membersLetter) {
    }
}
