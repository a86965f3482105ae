/**
 * The message coach's data: loads the phrase lists that ship as {@code coach/LANGUAGE.json} into a
 * {@link dev.warmreach.message.PhraseBook}, so the coach itself stays free of I/O.
 */
package dev.warmreach.coachdata;
