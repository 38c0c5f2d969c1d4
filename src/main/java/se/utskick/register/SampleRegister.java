package se.utskick.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import se.utskick.Keyring;
import se.utskick.db.Database;

/**
 * A fictional district, generated from a seed: about 30 associations named after Värmland towns in
 * regions north and south, members with Swedish names, each association with a chair, board members,
 * a membership officer and a treasurer, the district-level roles filled, about 8% of members without
 * an address and 2% with a malformed one, some IDN and upper-case domains. Every address is on a
 * reserved example domain (RFC 2606/6761), never a real provider. Role holders always have a usable
 * address. The same seed and size give the same file, byte for byte.
 */
public final class SampleRegister {
    public static final long DEFAULT_SEED = 20_260_301L;
    public static final int DEFAULT_MEMBERS = 3000;

    private SampleRegister() {
    }

    /** Writes a register export of {@code members} members in the default format (UTF-8, ';', no BOM). */
    public static void writeCsv(Path file, int members, long seed) {
        writeCsv(file, members, seed, StandardCharsets.UTF_8, ';', false);
    }

    /** The same export in another encoding or with another delimiter, as spreadsheets save it. */
    public static void writeCsv(Path file, int members, long seed, Charset encoding, char delimiter, boolean bom) {
        List<SamplePerson> people = generate(members, seed);
        try (ExportWriter w = new ExportWriter(file, RegisterConfig.defaults(), encoding, delimiter, bom)) {
            people.forEach(p -> w.write(p.fields()));
        }
    }

    /** Generates the sample and imports it into {@code db} with the default configuration. */
    public static ImportReport load(Database db, int members, long seed) {
        try {
            Path file = Files.createTempFile("utskick-sample-", ".csv");
            try {
                writeCsv(file, members, seed);
                return new Register(db, RegisterConfig.defaults(), Keyring.of(Keyring.DEMO_SECRET))
                        .importFile(file, ImportOptions.defaults());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The members of the export in file order ({@link SamplePerson#fields} gives a line's fields, in column order). */
    static List<SamplePerson> generate(int members, long seed) {
        if (members < SampleNames.TOWNS.size() * 8) {
            throw new se.utskick.UtskickException("a sample district needs at least " + SampleNames.TOWNS.size() * 8
                    + " members (8 per association); give --members " + SampleNames.TOWNS.size() * 8 + " or more");
        }
        Random rnd = new Random(seed);
        List<SamplePerson> people = new ArrayList<>(members);
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < members; i++) {
            people.add(SamplePerson.random(rnd, 100_001 + i, SampleNames.town(rnd, i), emails));
        }
        assignRoles(people, rnd, emails);
        return people;
    }

    private static void assignRoles(List<SamplePerson> people, Random rnd, Set<String> emails) {
        List<List<SamplePerson>> byTown = new ArrayList<>();
        for (int t = 0; t < SampleNames.TOWNS.size(); t++) {
            byTown.add(new ArrayList<>());
        }
        people.forEach(p -> byTown.get(p.town).add(p));
        List<SamplePerson> boardPeople = new ArrayList<>();
        for (List<SamplePerson> town : byTown) {
            Collections.shuffle(town, rnd);
            town.get(0).give(Role.CHAIR, "", rnd, emails);
            town.get(1).give(Role.MEMBERSHIP_OFFICER, "", rnd, emails);
            town.get(2).give(Role.TREASURER, "", rnd, emails);
            int board = 2 + rnd.nextInt(4);
            for (int i = 0; i < board + 3; i++) {
                town.get(i).give(Role.BOARD_MEMBER, "", rnd, emails);
                boardPeople.add(town.get(i));
            }
        }
        Collections.shuffle(boardPeople, rnd);
        for (int i = 0; i < 9; i++) {
            boardPeople.get(i).give(Role.DISTRICT_BOARD, "", rnd, emails);
            if (i < 4) {
                boardPeople.get(i).give(Role.EXECUTIVE_COMMITTEE, "", rnd, emails);
            }
        }
        List<SamplePerson> anyone = new ArrayList<>(people);
        Collections.shuffle(anyone, rnd);
        int k = 0;
        anyone.get(k++).give(Role.POLICY_LEAD, "feminism", rnd, emails);
        anyone.get(k++).give(Role.POLICY_LEAD, "fackligt arbete", rnd, emails);
        anyone.get(k++).give(Role.POLICY_LEAD, "miljö och klimat", rnd, emails);
        anyone.get(k++).give(Role.OMBUDSMAN, "", rnd, emails);
        for (int i = 0; i < 7; i++) {
            anyone.get(k++).give(Role.COUNTY_COUNCIL_GROUP, "", rnd, emails);
        }
        for (int i = 0; i < 6; i++) {
            anyone.get(k++).give(Role.REGIONAL_GROUP, "", rnd, emails);
        }
    }

    static LocalDate joined(Random rnd) {
        int daysBack = (int) Math.min(365L * 35, Math.round(-Math.log(1 - rnd.nextDouble()) * 365 * 4));
        return LocalDate.of(2026, 3, 1).minusDays(daysBack);
    }
}
