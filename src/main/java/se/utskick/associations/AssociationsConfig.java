package se.utskick.associations;

import java.time.Duration;
import se.utskick.Config;

/**
 * Settings of the association pages.
 *
 * @param linkLifetime  how long a page link works after its letter was sent ({@code associations.link.days}, default 60 days)
 * @param outreachGoal  approved outward-facing events per association and calendar year ({@code associations.outreach.goal}, 10)
 * @param maxFileBytes  the largest file of the material bank ({@code associations.material.max-bytes}, 10 MB)
 * @param fileRetention how long an uploaded file is kept ({@code associations.material.retention-days}, 1095 days)
 */
public record AssociationsConfig(Duration linkLifetime, int outreachGoal, int maxFileBytes, Duration fileRetention) {

    /** @throws se.utskick.ConfigException naming the key of a value out of range */
    public static AssociationsConfig from(Config c) {
        return new AssociationsConfig(Duration.ofDays(c.integer("associations.link.days", 60, 1, 3650)),
                c.integer("associations.outreach.goal", 10, 1, 1000),
                c.integer("associations.material.max-bytes", 10 * 1024 * 1024, 1024, 50 * 1024 * 1024),
                Duration.ofDays(c.integer("associations.material.retention-days", 1095, 1, 36500)));
    }
}
