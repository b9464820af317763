package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PersonName} and {@link OrganizationName}. */
class PersonNameTest {
  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource({
      "张伟, 张, 伟",
      "王小明, 王, 小明",
      "欧阳娜娜, 欧阳, 娜娜",
      "司马相如, 司马, 相如",
      "诸葛亮, 诸葛, 亮",
      "歐陽娜娜, 歐陽, 娜娜",
      "'欧阳 娜娜', 欧阳, 娜娜",
      "' 张　伟 ', 张, 伟",
      // two characters that happen to form a compound surname: one-character family name, as documented
      "司马, 司, 马",
      "欧阳, 欧, 阳"})
  void parseChineseSplitsFamilyFirst(String input, String family, String given) {
    PersonName name = PersonName.parseChinese(input);
    assertThat(name.familyName()).contains(family);
    assertThat(name.givenName()).contains(given);
    assertThat(name.order()).isEqualTo(NameOrder.FAMILY_FIRST);
    assertThat(name.displayName()).isEqualTo(family + given);
  }

  @Test
  void parseChineseOfOneCharacterIsAFamilyNameOnly() {
    PersonName name = PersonName.parseChinese("张");
    assertThat(name.familyName()).contains("张");
    assertThat(name.givenName()).isEmpty();
    assertThat(name.order()).isEqualTo(NameOrder.FAMILY_FIRST);
    assertThat(name.displayName()).isEqualTo("张");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"阿依古丽·买买提", "阿依古丽•买买提", "阿依古丽・买买提", "阿依古丽‧买买提", "阿依古丽･买买提"})
  void parseChineseSplitsAMiddleDotNameGivenFirst(String input) {
    PersonName name = PersonName.parseChinese(input);
    assertThat(name.givenName()).contains("阿依古丽");
    assertThat(name.familyName()).contains("买买提");
    assertThat(name.order()).isEqualTo(NameOrder.GIVEN_FIRST);
    assertThat(name.displayName()).isEqualTo("阿依古丽·买买提");
  }

  @Test
  void parseChineseSplitsANameWithSeveralMiddleDotsAtTheLastOne() {
    PersonName name = PersonName.parseChinese("约翰・菲茨杰拉德•肯尼迪");
    assertThat(name.givenName()).contains("约翰·菲茨杰拉德");
    assertThat(name.familyName()).contains("肯尼迪");
    assertThat(name.order()).isEqualTo(NameOrder.GIVEN_FIRST);
    assertThat(name.displayName()).isEqualTo("约翰·菲茨杰拉德·肯尼迪");
    assertThatIllegalArgumentException().isThrownBy(() -> PersonName.parseChinese("约翰··肯尼迪"))
        .withMessage("PersonName parts around a middle dot must not be empty");
  }

  @Test
  void parseChineseOfATransliteratedName() {
    PersonName name = PersonName.parseChinese("迈克尔·乔丹");
    assertThat(name).isEqualTo(PersonName.of("迈克尔", "乔丹"));
    assertThat(name.displayName()).isEqualTo("迈克尔·乔丹");
  }

  @Test
  void parseChineseAcceptsCharactersOutsideTheBasicPlane() {
    PersonName name = PersonName.parseChinese("𠮷野家");
    assertThat(name.familyName()).contains("𠮷");
    assertThat(name.givenName()).contains("野家");
  }

  static Stream<Invalid> parseChineseRefusals() {
    return Stream.of(
        Invalid.because("PersonName must not be blank", () -> PersonName.parseChinese("")),
        Invalid.because("PersonName must not be blank", () -> PersonName.parseChinese(" 　\t")),
        Invalid.because("PersonName.parseChinese expects Han characters only",
            () -> PersonName.parseChinese("Zhang Wei")),
        Invalid.because("PersonName.parseChinese expects Han characters only", () -> PersonName.parseChinese("张Wei")),
        Invalid.because("PersonName.parseChinese expects Han characters only", () -> PersonName.parseChinese("김민준")),
        Invalid.because("PersonName.parseChinese expects Han characters only", () -> PersonName.parseChinese("张伟1")),
        Invalid.because("PersonName.parseChinese expects Han characters only",
            () -> PersonName.parseChinese("Ayguli·买买提")),
        Invalid.because("PersonName parts around a middle dot must not be empty",
            () -> PersonName.parseChinese("·买买提")),
        Invalid.because("PersonName parts around a middle dot must not be empty",
            () -> PersonName.parseChinese("阿依古丽·")),
        Invalid.because("PersonName.givenName must be at most 200 characters, was 201",
            () -> PersonName.parseChinese("张" + "伟".repeat(201))),
        Invalid.because("PersonName.givenName must be at most 200 characters, was 201",
            () -> PersonName.parseChinese("阿".repeat(201) + "·买买提")),
        Invalid.because("PersonName.familyName must be at most 200 characters, was 201",
            () -> PersonName.parseChinese("阿依古丽·" + "买".repeat(201))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseChineseRefusals")
  void parseChineseRefuses(Invalid c) {
    c.assertRefused();
  }

  @Test
  void parseChineseNeverRepeatsTheInput() {
    assertThatIllegalArgumentException().isThrownBy(() -> PersonName.parseChinese("Zhang-Wei-PII"))
        .withMessageNotContaining("Zhang");
    assertThatIllegalArgumentException().isThrownBy(() -> PersonName.parseChinese("张伟PII"))
        .withMessageNotContaining("张伟");
  }

  @Test
  void displayNameJoinsFamilyFirstEastAsianNamesWithoutASpace() {
    assertThat(PersonName.familyFirst("张", "伟").displayName()).isEqualTo("张伟");
    assertThat(PersonName.familyFirst("山田", "太郎").displayName()).isEqualTo("山田太郎");
    assertThat(PersonName.familyFirst("やまだ", "たろう").displayName()).isEqualTo("やまだたろう");
    assertThat(PersonName.familyFirst("キム", "ミンジュン").displayName()).isEqualTo("キムミンジュン");
    assertThat(PersonName.familyFirst("김", "민준").displayName()).isEqualTo("김민준");
  }

  @Test
  void displayNameJoinsOtherNamesWithASpace() {
    assertThat(PersonName.of("Ada", "Lovelace").displayName()).isEqualTo("Ada Lovelace");
    assertThat(PersonName.familyFirst("Nagy", "Ferenc").displayName()).isEqualTo("Nagy Ferenc");
    assertThat(PersonName.familyFirst("Nguyễn", "Văn An").displayName()).isEqualTo("Nguyễn Văn An");
    // mixed scripts are not joined as East Asian
    assertThat(PersonName.familyFirst("张", "Wei").displayName()).isEqualTo("张 Wei");
    assertThat(PersonName.of("Wei", "张").displayName()).isEqualTo("Wei 张");
  }

  @Test
  void displayNameJoinsGivenFirstEastAsianNamesWithAMiddleDot() {
    assertThat(PersonName.of("迈克尔", "乔丹").displayName()).isEqualTo("迈克尔·乔丹");
    assertThat(PersonName.builder().givenName("迈克尔").familyName("乔丹").build().displayName())
        .isEqualTo("迈克尔·乔丹");
  }

  @Test
  void displayNameOfASinglePart() {
    assertThat(PersonName.builder().givenName("Cher").build().displayName()).isEqualTo("Cher");
    assertThat(PersonName.builder().familyName("Lovelace").order(NameOrder.FAMILY_FIRST).build().displayName())
        .isEqualTo("Lovelace");
  }

  @Test
  void factoriesAndDefaults() {
    PersonName ada = PersonName.of("Ada", "Lovelace");
    assertThat(ada.givenName()).contains("Ada");
    assertThat(ada.familyName()).contains("Lovelace");
    assertThat(ada.order()).isEqualTo(NameOrder.GIVEN_FIRST);
    assertThat(PersonName.builder().givenName("Ada").build().order()).isEqualTo(NameOrder.GIVEN_FIRST);
    PersonName zhang = PersonName.familyFirst("张", "伟");
    assertThat(zhang.familyName()).contains("张");
    assertThat(zhang.givenName()).contains("伟");
    assertThat(zhang.order()).isEqualTo(NameOrder.FAMILY_FIRST);
    assertThat(zhang).isEqualTo(PersonName.parseChinese("张伟")).isNotEqualTo(PersonName.of("伟", "张"));
    assertThat(zhang.toBuilder().givenName("敏").build().displayName()).isEqualTo("张敏");
  }

  @Test
  void acceptsTwoHundredCodePoints() {
    String longest = "𠮷".repeat(200);
    assertThat(longest).hasSize(400);
    assertThat(PersonName.builder().familyName(longest).build().familyName()).contains(longest);
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("PersonName needs a givenName or a familyName", () -> PersonName.builder().build()),
        Invalid.because("PersonName needs a givenName or a familyName",
            () -> PersonName.builder().order(NameOrder.FAMILY_FIRST).build()),
        Invalid.because("PersonName.givenName must not be blank", () -> PersonName.of(" ", "Lovelace")),
        Invalid.because("PersonName.givenName must not be blank", () -> PersonName.of("", "Lovelace")),
        Invalid.because("PersonName.familyName must not be blank", () -> PersonName.of("Ada", "\t")),
        Invalid.because("PersonName.givenName must not start or end with whitespace",
            () -> PersonName.of(" Ada", "Lovelace")),
        Invalid.because("PersonName.familyName must not start or end with whitespace",
            () -> PersonName.of("Ada", "Lovelace ")),
        Invalid.because("PersonName.givenName must be at most 200 characters, was 201",
            () -> PersonName.of("a".repeat(201), "Lovelace")),
        Invalid.because("PersonName.familyName must be at most 200 characters, was 201",
            () -> PersonName.familyFirst("张".repeat(201), "伟")),
        Invalid.because("PersonName.givenName must not contain control characters (found U+0007 at index 3)",
            () -> PersonName.of("Ada\u0007", "Lovelace")),
        Invalid.because("PersonName.familyName must not contain control characters (found U+007F at index 1)",
            () -> PersonName.of("Ada", "L\u007fovelace")),
        Invalid.because("PersonName.givenName must be a single line (found a line break or tab at index 3)",
            () -> PersonName.of("Ada\nMary", "Lovelace")),
        Invalid.because("PersonName.familyName must be a single line (found a line break or tab at index 4)",
            () -> PersonName.of("Ada", "Love\tlace")),
        Invalid.because("PersonName.familyName must be a single line (found a line break or tab at index 4)",
            () -> PersonName.of("Ada", "Love\rlace")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidNames(Invalid c) {
    c.assertRefused();
  }

  @Test
  void refusesNulls() {
    assertThatNullPointerException().isThrownBy(() -> PersonName.builder().givenName((String) null))
        .withMessage("givenName");
    assertThatNullPointerException().isThrownBy(() -> PersonName.builder().familyName((String) null))
        .withMessage("familyName");
    assertThatNullPointerException().isThrownBy(() -> PersonName.builder().order(null)).withMessage("order");
    assertThatNullPointerException().isThrownBy(() -> PersonName.parseChinese(null));
    assertThat(PersonName.builder().givenName(Optional.of("Ada")).familyName(Optional.empty()).build().displayName())
        .isEqualTo("Ada");
  }

  @Test
  void toStringMasksBothParts() {
    String text = PersonName.of("Zhang-Wei-PII", "Lovelace-PII").toString();
    assertThat(text).doesNotContain("Zhang-Wei-PII").doesNotContain("Lovelace-PII").doesNotContain("PII")
        .contains("***").contains("GIVEN_FIRST");
  }

  // OrganizationName

  @Test
  void organizationNameDisplaysTheTradingNameIfAny() {
    OrganizationName legalOnly = OrganizationName.of("深圳市腾讯计算机系统有限公司");
    assertThat(legalOnly.legalName()).isEqualTo("深圳市腾讯计算机系统有限公司");
    assertThat(legalOnly.tradingName()).isEmpty();
    assertThat(legalOnly.displayName()).isEqualTo("深圳市腾讯计算机系统有限公司");
    OrganizationName trading = legalOnly.toBuilder().tradingName("Tencent").build();
    assertThat(trading.displayName()).isEqualTo("Tencent");
    assertThat(trading.legalName()).isEqualTo("深圳市腾讯计算机系统有限公司");
  }

  @Test
  void organizationNamesAreShownByToString() {
    assertThat(OrganizationName.builder().legalName("ACME Pumps GmbH").tradingName("ACME").build().toString())
        .contains("ACME Pumps GmbH").contains("ACME").doesNotContain("***");
  }

  static Stream<Invalid> invalidOrganizationNames() {
    return Stream.of(
        Invalid.because("OrganizationName.legalName must not be blank", () -> OrganizationName.of(" ")),
        Invalid.because("OrganizationName.legalName must be at most 300 characters, was 301",
            () -> OrganizationName.of("x".repeat(301))),
        Invalid.because("OrganizationName.legalName must be a single line (found a line break or tab at index 4)",
            () -> OrganizationName.of("ACME\nGmbH")),
        Invalid.because("OrganizationName.tradingName must not start or end with whitespace",
            () -> OrganizationName.builder().legalName("ACME GmbH").tradingName("ACME ").build()),
        Invalid.because("OrganizationName.tradingName must be at most 300 characters, was 301",
            () -> OrganizationName.builder().legalName("ACME GmbH").tradingName("y".repeat(301)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build OrganizationName, some of required attributes are not set [legalName]",
            () -> OrganizationName.builder().tradingName("ACME").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOrganizationNames")
  void refusesInvalidOrganizationNames(Invalid c) {
    c.assertRefused();
  }

  @Test
  void organizationNameAcceptsThreeHundredCharacters() {
    assertThat(OrganizationName.of("x".repeat(300)).legalName()).hasSize(300);
    assertThatIllegalStateException().isThrownBy(() -> OrganizationName.builder().build())
        .withMessageContaining("legalName");
  }
}
