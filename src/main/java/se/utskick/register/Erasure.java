package se.utskick.register;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.Keyring;
import se.utskick.UtskickException;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * GDPR erasure of one member, in one transaction: every registered {@link ErasureStep} first (the
 * features that hold data about the member anonymise their part), then the files recorded as naming
 * the member ({@link MemberFiles}: previews), then the member's roles, any
 * association contact address that was theirs, and the member row; last the tombstone, a keyed
 * hash of the member number, which makes later imports skip the person. Thread-safe.
 */
final class Erasure {
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final Database db;
    private final Keyring keyring;
    private final java.time.Clock clock;
    private final List<ErasureStep> steps = new CopyOnWriteArrayList<>();

    Erasure(Database db, Keyring keyring, java.time.Clock clock) {
        this.db = db;
        this.keyring = keyring;
        this.clock = clock;
    }

    void add(ErasureStep step) {
        steps.add(step);
    }

    byte[] hash(String memberNumber) {
        return keyring.mac(Register.ERASURE_PURPOSE, memberNumber.strip().getBytes(StandardCharsets.UTF_8));
    }

    void erase(String memberNumber) {
        byte[] hash = hash(memberNumber);
        db.inTransaction(c -> {
            long id = memberId(c, memberNumber, hash);
            for (ErasureStep step : steps) {
                step.erase(c, id);
            }
            MemberFiles.erase(c, id);
            Bind.update(c, RegisterSql.ERASE_CONTACT, id, id);
            Bind.update(c, RegisterSql.ERASE_ROLES, id);
            Bind.update(c, RegisterSql.ERASE_MEMBER, id);
            Bind.update(c, RegisterSql.RECORD_ERASED, hash, clock.instant());
            return null;
        });
        log.info("register: erased one member ({} erasure steps ran)", steps.size());
    }

    private long memberId(Connection c, String memberNumber, byte[] hash) throws SQLException {
        Optional<Long> id = Bind.first(c, RegisterSql.MEMBER_BY_NUMBER_LOCKED, rs -> rs.getLong(1), memberNumber.strip());
        if (id.isPresent()) {
            return id.get();
        }
        throw new UtskickException(Bind.first(c, RegisterSql.WAS_ERASED, rs -> true, hash).isPresent()
                ? "that member number was already erased; nothing to do"
                : "no member has that member number; check it with: register members --association NAME");
    }
}
