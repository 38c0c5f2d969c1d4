/**
 * The member register: associations, members, roles, regions and the status of each e-mail address;
 * the import that keeps it in sync with the party's register export; erasure.
 */
package se.utskick.register;
