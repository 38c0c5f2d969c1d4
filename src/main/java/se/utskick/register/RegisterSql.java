package se.utskick.register;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/** The register's named queries ({@code sql/register.sql}). */
final class RegisterSql {
    static final NamedQueries QUERIES = NamedQueries.load("register", Map.of("usable_address", AddressRule.usableAddress("m")));
    static final Sql ASSOCIATION_NAMES = QUERIES.get("register.association_names");
    static final Sql LEFT_BEFORE = QUERIES.get("register.left_before");
    static final Sql MARK_ADDRESS = QUERIES.get("register.mark_address");
    static final Sql CORRECT_ADDRESS = QUERIES.get("register.correct_address");
    static final Sql SET_UNSUBSCRIBED = QUERIES.get("register.set_unsubscribed");
    static final Sql MEMBER_BY_EMAIL = QUERIES.get("register.member_by_email");
    static final Sql MEMBER_BY_NUMBER = QUERIES.get("register.member_by_number");
    static final Sql MEMBER_BY_NUMBER_LOCKED = QUERIES.get("register.member_by_number_locked");
    static final Sql WAS_ERASED = QUERIES.get("register.was_erased");
    static final Sql ERASE_CONTACT = QUERIES.get("register.erase_contact");
    static final Sql ERASE_ROLES = QUERIES.get("register.erase_roles");
    static final Sql ERASE_MEMBER = QUERIES.get("register.erase_member");
    static final Sql RECORD_ERASED = QUERIES.get("register.record_erased");
    static final Sql RECORD_FILE = QUERIES.get("register.record_file");
    static final Sql MEMBER_FILES = QUERIES.get("register.member_files");
    static final Sql FORGET_FILES = QUERIES.get("register.forget_files");

    static final Sql SUMMARY_REGIONS = QUERIES.get("register.summary_regions");
    static final Sql SUMMARY_MEMBERS = QUERIES.get("register.summary_members");
    static final Sql SUMMARY_ROLES = QUERIES.get("register.summary_roles");
    static final Sql SUMMARY_UNSUBSCRIBED = QUERIES.get("register.summary_unsubscribed");
    static final Sql MEMBERS = QUERIES.get("register.members");
    static final Sql ADDRESS_PROBLEMS = QUERIES.get("register.address_problems");
    static final Sql EXPORT_ROWS = QUERIES.get("register.export_rows");
    static final Sql MEMBER_ROLES = QUERIES.get("register.member_roles");

    private RegisterSql() {
    }
}
