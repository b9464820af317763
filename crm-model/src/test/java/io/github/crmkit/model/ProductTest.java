package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Product} and {@link ProductGroup}. */
class ProductTest {
  private static Product.Builder product() {
    return Product.builder().id(ProductId.of("P-1")).name("Industrial pump X200");
  }

  private static ProductGroup.Builder group() {
    return ProductGroup.builder().id(ProductGroupId.of("G-1")).name("Pumps");
  }

  @Test
  void productAttributesAndDefaults() {
    Product p = product().sku("X200-EU").group(ProductGroupId.of("G-1")).listPrice(eur("1299")).build();
    assertThat(p.active()).isTrue();
    assertThat(p.listPrice()).contains(eur("1299.00"));
    assertThat(p.sku()).contains("X200-EU");
    assertThat(p.group()).contains(ProductGroupId.of("G-1"));
    assertThat(product().active(false).listPrice(eur("0")).build().active()).isFalse();
  }

  @Test
  void productGroupAttributes() {
    ProductGroup g = group().parent(ProductGroupId.of("G-0")).build();
    assertThat(g.parent()).contains(ProductGroupId.of("G-0"));
    assertThat(g.name()).isEqualTo("Pumps");
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Product.name must not be blank", () -> product().name(" ").build()),
        Invalid.because("Product.name must be at most 200 characters, was 201",
            () -> product().name("p".repeat(201)).build()),
        Invalid.because("Product.sku must be at most 64 characters, was 65",
            () -> product().sku("s".repeat(65)).build()),
        Invalid.because("Product.sku must be a single line (found a line break or tab at index 4)",
            () -> product().sku("X200\nEU").build()),
        Invalid.because("Product.listPrice must not be negative, was -0.01 EUR",
            () -> product().listPrice(eur("-0.01")).build()),
        Invalid.because("Product.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'weight(kg)'",
            () -> product().putAttribute("weight(kg)", AttributeValue.ofLong(12)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Product, some of required attributes are not set [id, name]",
            () -> Product.builder().build()),
        Invalid.because("ProductGroup.name must not be blank", () -> group().name("").build()),
        Invalid.because("ProductGroup.name must be at most 200 characters, was 201",
            () -> group().name("g".repeat(201)).build()),
        Invalid.because("ProductGroup.parent must differ from ProductGroup.id",
            () -> group().parent(ProductGroupId.of("G-1")).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build ProductGroup, some of required attributes are not set [name]",
            () -> ProductGroup.builder().id(ProductGroupId.of("G-1")).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidProductsAndGroups(Invalid c) {
    c.assertRefused();
  }
}
