package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A person's name (personal data): given and family name and the order in which they are written.
 *
 * <p>At least one part is required; each is at most 200 characters on one line. {@link #displayName()} writes the
 * parts in their {@link #order()}: family-first names in Han, Kana or Hangul script are joined without a space
 * ({@code 张伟}), given-first names in those scripts with a middle dot ({@code 迈克尔·乔丹}), all others with a space.
 * {@link #parseChinese} splits a Chinese full name, recognising compound surnames such as 欧阳, 司马 and 诸葛.
 * {@link #toString()} masks both parts.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutablePersonName.class)
@JsonDeserialize(as = ImmutablePersonName.class)
public abstract class PersonName {
  /** Two-character Chinese surnames (复姓), in simplified and traditional script. */
  private static final Set<String> COMPOUND_SURNAMES = Set.of(
      "欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人", "夏侯", "诸葛", "尉迟", "公羊",
      "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶", "太叔", "申屠", "公孙", "慕容", "仲孙", "钟离", "长孙", "宇文",
      "司徒", "鲜于", "司空", "闾丘", "子车", "亓官", "司寇", "巫马", "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正",
      "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐", "段干", "百里", "呼延", "东郭", "南门", "羊舌", "微生", "梁丘",
      "左丘", "西门", "第五", "即墨", "达奚", "褚师", "歐陽", "司馬", "東方", "獨孤", "南宮", "聞人", "諸葛", "尉遲",
      "公孫", "鍾離", "長孫", "鮮於", "閭丘", "顓孫", "壤駟", "樂正", "穀梁", "軒轅", "東郭", "西門", "澹臺", "濮陽");

  PersonName() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a given-first name such as {@code Ada Lovelace}.
   *
   * @param givenName the given name
   * @param familyName the family name
   * @return the name
   */
  public static PersonName of(String givenName, String familyName) {
    return builder().givenName(givenName).familyName(familyName).order(NameOrder.GIVEN_FIRST).build();
  }

  /**
   * Returns a family-first name such as Chinese {@code 张 伟}.
   *
   * @param familyName the family name, for example {@code 张}
   * @param givenName the given name, for example {@code 伟}
   * @return the name
   */
  public static PersonName familyFirst(String familyName, String givenName) {
    return builder().familyName(familyName).givenName(givenName).order(NameOrder.FAMILY_FIRST).build();
  }

  /**
   * Splits a Chinese full name into family and given name. Input is NFKC-normalised and stripped of whitespace. A
   * name with a middle dot ({@code ·}, {@code •} or {@code ・}), as used for transliterated and minority names, is
   * split at its last dot into a given-first name: {@code 阿依古丽·买买提} is given 阿依古丽, family 买买提, and
   * {@code 约翰·菲茨杰拉德·肯尼迪} is given 约翰·菲茨杰拉德, family 肯尼迪 (every dot written as {@code ·}). Otherwise the family name is the
   * first two characters when they form a known compound surname (欧阳, 司马, 诸葛 ...) and the name is longer than
   * two characters, else the first character; the rest is the given name. A single character is a family name only.
   *
   * @param fullName a name in Han script, for example {@code 欧阳娜娜}
   * @return the name
   * @throws IllegalArgumentException if the name is blank or contains characters other than Han ideographs and
   *     middle dots (the message does not repeat the name)
   */
  public static PersonName parseChinese(String fullName) {
    String s = Normalizer.normalize(fullName, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    if (s.isEmpty()) {
      throw new IllegalArgumentException("PersonName must not be blank");
    }
    if (indexOfDot(s) >= 0) {
      String[] parts = s.split("[·•・‧]", -1);
      for (String part : parts) {
        requireHan(part);
      }
      String given = String.join("·", java.util.Arrays.copyOf(parts, parts.length - 1));
      String family = parts[parts.length - 1];
      return builder().givenName(given).familyName(family).order(NameOrder.GIVEN_FIRST).build();
    }
    requireHan(s);
    int length = s.codePointCount(0, s.length());
    if (length == 1) {
      return builder().familyName(s).order(NameOrder.FAMILY_FIRST).build();
    }
    int familyEnd = s.offsetByCodePoints(0, 1);
    if (length > 2) {
      int twoEnd = s.offsetByCodePoints(0, 2);
      if (COMPOUND_SURNAMES.contains(s.substring(0, twoEnd))) {
        familyEnd = twoEnd;
      }
    }
    return familyFirst(s.substring(0, familyEnd), s.substring(familyEnd));
  }

  private static int indexOfDot(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '·' || c == '•' || c == '・' || c == '‧') {
        return i;
      }
    }
    return -1;
  }

  private static void requireHan(String part) {
    if (part.isEmpty()) {
      throw new IllegalArgumentException("PersonName parts around a middle dot must not be empty");
    }
    if (!part.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
      throw new IllegalArgumentException("PersonName.parseChinese expects Han characters only");
    }
  }

  /**
   * The given name.
   *
   * @return the given name, if known
   */
  @Value.Redacted
  public abstract Optional<String> givenName();

  /**
   * The family name.
   *
   * @return the family name, if known
   */
  @Value.Redacted
  public abstract Optional<String> familyName();

  /**
   * The order in which the parts are written; {@link NameOrder#GIVEN_FIRST} unless set.
   *
   * @return the order
   */
  @Value.Default
  public NameOrder order() {
    return NameOrder.GIVEN_FIRST;
  }

  /**
   * Returns the name as it is written, the parts in their {@link #order()}.
   *
   * @return the full name
   */
  public final String displayName() {
    String given = givenName().orElse("");
    String family = familyName().orElse("");
    if (given.isEmpty() || family.isEmpty()) {
      return given.isEmpty() ? family : given;
    }
    boolean eastAsian = isEastAsian(given) && isEastAsian(family);
    if (order() == NameOrder.FAMILY_FIRST) {
      return eastAsian ? family + given : family + " " + given;
    }
    return eastAsian ? given + "·" + family : given + " " + family;
  }

  private static boolean isEastAsian(String s) {
    return s.codePoints().allMatch(cp -> {
      if (cp == '·') {
        return true;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    });
  }

  @Value.Check
  final void check() {
    if (givenName().isEmpty() && familyName().isEmpty()) {
      throw new IllegalArgumentException("PersonName needs a givenName or a familyName");
    }
    givenName().ifPresent(v -> Checks.line("PersonName.givenName", v, 200));
    familyName().ifPresent(v -> Checks.line("PersonName.familyName", v, 200));
  }

  /**
   * Returns a builder initialised with this value's attributes, to derive a changed copy:
   * {@code x.toBuilder().someAttribute(newValue).build()}. Setting an attribute again replaces it; collection
   * attributes are replaced by their plural setter and appended to by their {@code add} methods.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link PersonName}; not thread-safe. */
  public static final class Builder extends ImmutablePersonName.Builder {
    Builder() {}
  }
}
