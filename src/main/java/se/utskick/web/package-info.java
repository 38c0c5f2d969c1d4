/**
 * The HTTP edge: one embedded Javalin server on which the members' one-click unsubscribe lives
 * (and, later, the ombudsman's web interface). Nothing depends on this package.
 */
package se.utskick.web;
