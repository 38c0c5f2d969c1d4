/**
 * Who receives a mailing: rules by role, association and region (plus "all members", minus
 * exclusions), the built-in and saved named lists, and their resolution to a de-duplicated
 * recipient set in one set-based SQL statement, with the people left out counted by reason.
 */
package se.utskick.audience;
