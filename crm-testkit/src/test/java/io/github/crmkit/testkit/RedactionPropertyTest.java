package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.ContactPoints;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.EmailAddress;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.PhoneNumber;
import io.github.crmkit.model.PostalAddress;
import io.github.crmkit.model.SocialHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No generated customer or lead shows any of its personal data in {@code toString()}: not a name part, an email
 * address, a phone number (in any form), a street line, a postal code, a district or a social handle. (Country,
 * region and city are coarse locations used for routing and are shown.)
 */
class RedactionPropertyTest {
  private static List<String> personalStrings(PersonName name, ContactPoints contacts) {
    List<String> out = new ArrayList<>();
    if (name != null) {
      name.givenName().ifPresent(out::add);
      name.familyName().ifPresent(out::add);
      out.add(name.displayName());
    }
    for (EmailAddress e : contacts.emails()) {
      out.add(e.value());
      out.add(e.value().substring(0, e.value().indexOf('@')));
    }
    for (PhoneNumber p : contacts.phones()) {
      out.add(p.value());
      out.add(p.value().substring(3));
    }
    for (PostalAddress a : contacts.addresses()) {
      out.addAll(a.lines());
      a.postalCode().ifPresent(out::add);
      a.district().ifPresent(out::add);
    }
    for (SocialHandle h : contacts.socialHandles()) {
      out.add(h.handle());
    }
    // single characters (a one-character Chinese given name) would match by accident anywhere
    out.removeIf(s -> s.codePointCount(0, s.length()) < 2);
    return out;
  }

  @Test
  void customersNeverShowPersonalData() {
    qt().withExamples(1000).withFixedSeed(7L).forAll(longs().all()).checkAssert(seed -> {
      Customer c = ModelGenerators.forType(Customer.class).fromSeed(seed);
      String text = c.toString();
      // an organisation's own name is not personal data, even where it shares a word with its contact's name
      String organization = c.organizationName().map(Object::toString).orElse("");
      for (String personal : personalStrings(c.personName().orElse(null), c.contacts())) {
        if (organization.contains(personal)) {
          continue;
        }
        assertThat(text).as("seed %s", seed).doesNotContain(personal);
      }
    });
  }

  @Test
  void leadsNeverShowPersonalData() {
    qt().withExamples(1000).withFixedSeed(8L).forAll(longs().all()).checkAssert(seed -> {
      Lead l = ModelGenerators.forType(Lead.class).fromSeed(seed);
      String text = l.toString();
      for (String personal : personalStrings(l.personName().orElse(null), l.contacts())) {
        assertThat(text).as("seed %s", seed).doesNotContain(personal);
      }
    });
  }
}
