package io.github.crmkit.model.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.crmkit.model.internal.IsoTimeDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The Jackson module under which every crmkit model type reads and writes as JSON. Register it on an
 * {@code ObjectMapper} of your own ({@code JsonMapper.builder().addModule(new CrmJacksonModule()).build()}), or use
 * {@link CrmJson}, which also turns Jackson's errors into {@link CrmJsonException}s.
 *
 * <p>What it does: registers Jackson's JDK 8 ({@code Optional}) and Java time modules as dependencies, and writes
 * {@link Instant}, {@link LocalDate}, {@link LocalTime}, {@link Duration} and {@link ZoneId} as ISO-8601 strings
 * whatever the mapper's {@code WRITE_DATES_AS_TIMESTAMPS} setting, and reads {@link Instant}, {@link LocalDate},
 * {@link LocalTime} and {@link Duration} from ISO-8601 strings only (a number such as epoch seconds is refused). Money, attribute values and identifiers carry
 * their own JSON form (see their Javadoc). The model's value types deserialise through their validating builders,
 * so invalid JSON fails with the field named.
 *
 * <p>Thread-safe (stateless); one instance may be registered on several mappers.
 */
public final class CrmJacksonModule extends Module {
  private static final Version VERSION = new Version(0, 1, 0, "SNAPSHOT", "io.github.crmkit", "crm-model");

  /** Creates the module. */
  public CrmJacksonModule() {}

  @Override
  public String getModuleName() {
    return "crmkit";
  }

  @Override
  public Version version() {
    return VERSION;
  }

  @Override
  public Iterable<? extends Module> getDependencies() {
    return List.of(new Jdk8Module(), new JavaTimeModule());
  }

  @Override
  public void setupModule(SetupContext context) {
    SimpleSerializers serializers = new SimpleSerializers();
    serializers.addSerializer(Instant.class, ToStringSerializer.instance);
    serializers.addSerializer(LocalDate.class, ToStringSerializer.instance);
    serializers.addSerializer(LocalTime.class, ToStringSerializer.instance);
    serializers.addSerializer(Duration.class, ToStringSerializer.instance);
    serializers.addSerializer(ZoneId.class, ToStringSerializer.instance);
    context.addSerializers(serializers);
    SimpleDeserializers deserializers = new SimpleDeserializers();
    deserializers.addDeserializer(Instant.class,
        new IsoTimeDeserializer<>(Instant.class, Instant::parse, "2024-05-01T08:00:00Z"));
    deserializers.addDeserializer(LocalDate.class,
        new IsoTimeDeserializer<>(LocalDate.class, LocalDate::parse, "2024-05-01"));
    deserializers.addDeserializer(LocalTime.class,
        new IsoTimeDeserializer<>(LocalTime.class, LocalTime::parse, "09:30"));
    deserializers.addDeserializer(Duration.class,
        new IsoTimeDeserializer<>(Duration.class, Duration::parse, "PT30M"));
    context.addDeserializers(deserializers);
  }
}
