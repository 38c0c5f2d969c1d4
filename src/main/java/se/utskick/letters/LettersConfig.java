package se.utskick.letters;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * The letters feature's settings (keys {@code letters.*} in config/utskick.properties).
 *
 * @param templateOverrides folder whose templates replace the shipped ones of the same name
 * @param from              the From of every letter, as shown in previews (delivery's mail.from.name and mail.from.address)
 * @param listIdDomain      the domain of the RFC 2919 List-Id ({@code members.DOMAIN}): delivery's mail.domain
 * @param eventWeeks        how many weeks of events, from the first day of its month, the members' letter lists
 * @param zone              the district's time zone (events are wall-clock times there)
 * @param websiteUrl        the website's protected pages, named beside the password in the members' letter
 * @param webVersionUrl     where a sent members' letter is read in the browser: this plus the letter's id
 */
public record LettersConfig(String districtName, Path templateOverrides, String from, String listIdDomain,
                            int eventWeeks, ZoneId zone, String websiteUrl, String webVersionUrl) {

    public static LettersConfig from(Config c) {
        String zone = c.string("letters.timezone", "Europe/Stockholm");
        try {
            return new LettersConfig(c.string("district.name", "Vänsterpartiet Värmland"),
                    c.path("letters.templates.dir", "config/templates"),
                    c.string("mail.from.name", c.string("district.name", "Utskick")) + " <"
                            + c.string("mail.from.address", "distriktet@" + c.string("mail.domain", "utskick.example.org")) + ">",
                    c.string("mail.domain", "utskick.example.org"),
                    c.integer("letters.events.weeks", 6, 1, 26),
                    ZoneId.of(zone),
                    c.string("letters.website.url", "https://varmland.example.org/medlemssidor"),
                    c.string("letters.web.url", "https://varmland.example.org/brevet/"));
        } catch (DateTimeException e) {
            throw new ConfigException("the configuration key letters.timezone is '" + zone
                    + "' but must be a time zone such as Europe/Stockholm (" + Config.envName("letters.timezone") + ")");
        }
    }
}
