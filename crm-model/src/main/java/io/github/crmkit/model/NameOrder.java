package io.github.crmkit.model;

/** The order in which a person's name parts are written. */
public enum NameOrder {
  /** Given name first, as in {@code Ada Lovelace} (and transliterated names such as {@code 迈克尔·乔丹}). */
  GIVEN_FIRST,
  /** Family name first, as in Chinese, Japanese, Korean, Vietnamese and Hungarian: {@code 欧阳娜娜}. */
  FAMILY_FIRST
}
