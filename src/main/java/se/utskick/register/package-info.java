/**
 * The member register: associations, members, roles, regions and the status of each e-mail address;
 * the import that keeps it in sync with the party's register export; erasure; the sample district.
 *
 * <p>Public surface: {@link se.utskick.register.Register} (the facade the composition root builds),
 * {@link se.utskick.register.MemberDirectory} (the staff's search and member/association pages' reads),
 * its option, report and view records, the enums, {@link se.utskick.register.ErasureStep} and
 * {@link se.utskick.register.SampleRegister}. Reading ({@code ExportReader}), diffing
 * ({@code ImportPlan}) and SQL ({@code RegisterStore}, {@code RegisterQueries}) are package-private.
 * The register is special-category personal data: this package logs counts only.
 */
package se.utskick.register;
