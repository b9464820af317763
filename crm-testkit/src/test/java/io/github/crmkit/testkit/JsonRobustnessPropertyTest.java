package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.crmkit.model.Customer;
import io.github.crmkit.model.json.CrmJson;
import io.github.crmkit.model.json.CrmJsonException;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading mutated JSON (characters deleted, replaced, duplicated; values swapped for other JSON types) either
 * succeeds with a valid value or fails with a {@link CrmJsonException}: never another exception, never a silent
 * partial value. A poor man's fuzzer, fast enough for every build.
 */
class JsonRobustnessPropertyTest {
  private static final String[] REPLACEMENTS = {
      "null", "0", "-1", "1e309", "\"\"", "\"x\"", "[]", "{}", "true", "\"\\u0000\"", "\"2024-13-45\"", ",", ":",
      "\"+86\"", "\"ＡＢＣ\"", "99999999999999999999"};

  static Stream<Class<?>> types() {
    return ModelGenerators.types().stream();
  }

  private static String mutate(String json, SplittableRandom random) {
    StringBuilder s = new StringBuilder(json);
    for (int edits = 1 + random.nextInt(3); edits > 0 && s.length() > 0; edits--) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(4)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, s.charAt(random.nextInt(s.length())));
        case 2 -> {
          int end = Math.min(s.length(), at + 1 + random.nextInt(8));
          s.replace(at, end, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
        }
        default -> {
          // replace one whole value after a colon with another JSON type
          int colon = s.indexOf(":", at);
          if (colon >= 0) {
            int end = colon + 1;
            while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
              end++;
            }
            s.replace(colon + 1, end, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
          }
        }
      }
    }
    return s.toString();
  }

  @ParameterizedTest
  @MethodSource("types")
  void mutatedJsonReadsOrFailsWithCrmJsonException(Class<?> type) {
    Generator<?> generator = ModelGenerators.forType(type);
    SplittableRandom random = new SplittableRandom(type.getName().hashCode());
    int failures = 0;
    for (int i = 0; i < 300; i++) {
      String json = CrmJson.standard().write(generator.next(random));
      String mutated = mutate(json, random);
      try {
        Object value = CrmJson.standard().read(mutated, type);
        assertThat(value).isNotNull();
      } catch (CrmJsonException e) {
        failures++;
        assertThat(e.path()).startsWith("$");
        assertThat(e.getMessage()).startsWith("invalid JSON at ");
      } catch (RuntimeException e) {
        fail("reading mutated " + type.getSimpleName() + " threw " + e + " for input " + mutated, e);
      }
    }
    assertThat(failures).as("most mutations are rejected").isGreaterThan(100);
  }

  @Test
  void errorsNeverEchoPersonalValues() {
    String marker = "secret.person.PII@example.com";
    String json = CrmJson.standard().write(ModelGenerators.forType(Customer.class).fromSeed(1));
    String[] bad = {
        json.replaceFirst("\"createdAt\":\"[^\"]*\"", "\"createdAt\":\"" + marker + "\""),
        json.replaceFirst("\"kind\":\"[A-Z]+\"", "\"kind\":\"" + marker + "\""),
        json.replaceFirst("\\{", "{\"emails\":[\"" + marker + "\"],"),
        "{\"id\":\"C-1\",\"kind\":\"PERSON\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"personName\":{\"givenName\":\""
            + marker + "\\u0001\"}}",
        "{\"id\": " + marker + "}"};
    for (String input : bad) {
      try {
        CrmJson.standard().read(input, Customer.class);
        fail("expected a CrmJsonException for " + input);
      } catch (CrmJsonException e) {
        assertThat(e.getMessage()).doesNotContain("secret.person");
      }
    }
  }
}
