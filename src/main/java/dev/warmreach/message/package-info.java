/**
 * Messages: templates with variables and fallbacks rendered per prospect ({@link
 * dev.warmreach.message.MessageTemplate}), A/B variants ({@link dev.warmreach.message.Variants}),
 * and the coach that scores wording against LinkedIn's limits and SPEC §4 ({@link
 * dev.warmreach.message.Coach}). Pure Java: no I/O, no clock; the coach's phrase lists arrive as a
 * {@link dev.warmreach.message.PhraseBook} value.
 */
package dev.warmreach.message;
