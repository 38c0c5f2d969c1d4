/**
 * Letters: the model (kind, period, items, events, feedback request and deadline, website
 * password), its states up to approval, FreeMarker rendering of the HTML and text parts (hardened
 * configuration, Markdown through commonmark with raw HTML escaped), preview and approval, and the
 * composer delivery uses to personalise an approved letter per recipient.
 */
package se.utskick.letters;
