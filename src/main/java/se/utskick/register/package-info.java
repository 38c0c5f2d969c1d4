/**
 * The member register: associations, members, roles, regions and the status of each e-mail address;
 * the import that keeps it in sync with the party's register export; erasure; the sample district.
 *
 * <p>Public surface: {@link se.utskick.register.Register} (the facade the composition root builds),
 * {@link se.utskick.register.MemberDirectory} (the staff's search and member/association pages' reads),
 * its option, report and view records, the enums, {@link se.utskick.register.ErasureStep},
 * {@link se.utskick.register.AddressRule} (the rules "usable address" and "needs fixing" as SQL
 * fragments, the one definition audience, reminders and delivery use) and
 * {@link se.utskick.register.Register#associationNames()} (the one reader of association names),
 * {@link se.utskick.register.MemberFiles} (files that name a member, erased with them),
 * {@link se.utskick.register.MassLeaveException} and {@link se.utskick.register.SampleRegister}. Its one
 * scheduled job, {@code erase-left-members}, erases members who left longer ago than
 * {@code register.left.retention}. An import refuses control characters in any field
 * ({@code FieldText}) and a full import that marks more than {@code register.import.max-leave-percent}
 * of the active members LEFT unless confirmed. Reading ({@code ExportFile}, {@code ExportReader}: two
 * streaming passes, the file never held whole), diffing a chunk at a time ({@code ImportChunks},
 * {@code ImportPlan}, {@code Leavers}) and SQL ({@code RegisterStore}, {@code MemberTable},
 * {@code RegisterQueries}) are package-private.
 * The register is special-category personal data: this package logs counts only.
 */
package se.utskick.register;
