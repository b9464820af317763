package io.github.crmkit.cli.io;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.ProductGroupId;
import io.github.crmkit.model.ProductId;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.json.CrmJson;
import io.github.crmkit.model.json.CrmJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the leads of {@code crm route}: a CSV file ({@code .csv}) with a header row, or a JSON file ({@code .json})
 * holding an array of model {@link Lead}s as {@link CrmJson} writes them.
 *
 * <p>CSV columns, by header name (order free; only the first three are required; an empty cell is an absent value):
 * <ul>
 *   <li>{@code lead_id}: the lead's id, unique in the file;</li>
 *   <li>{@code received_at}: when the lead came in, ISO-8601 with an offset ({@code 2026-03-02T09:15:00+08:00},
 *       {@code 2026-03-02T01:15:00Z}) or without ({@code 2026-03-02T09:15}, read in the given zone);</li>
 *   <li>{@code source}: the source channel, a lower-case token such as {@code web-form};</li>
 *   <li>{@code campaign} (a lower-case token), {@code rating} ({@code hot}, {@code warm}, {@code cold}),
 *       {@code score} (a number), {@code country} (ISO 3166-1 alpha-2), {@code province} (the region),
 *       {@code city}, {@code territory} (a territory id), {@code company};</li>
 *   <li>{@code product_interest} and {@code product_group_interest}: ids separated by {@code ;};</li>
 *   <li>any other column is a custom attribute of that name, a string; a suffix gives another type:
 *       {@code budget:long}, {@code ratio:decimal}, {@code vip:boolean}, {@code since:date} (ISO date).</li>
 * </ul>
 * Fields may be quoted as RFC 4180 says; blank lines are skipped; a UTF-8 byte order mark is ignored.
 *
 * <p>Bad input stops the read with a {@link LeadFileException} naming the file, line and column (CSV) or the JSON
 * path, line and column (JSON) and the problem, never a field's value.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeadFileReader {
  /** The column names with a meaning of their own. */
  public static final List<String> COLUMNS = List.of("lead_id", "received_at", "source", "campaign", "rating",
      "score", "country", "province", "city", "territory", "company", "product_interest", "product_group_interest");

  private static final Set<String> REQUIRED = Set.of("lead_id", "received_at", "source");
  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  /** Which column a model validation message is about, by the field the message names. */
  private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(Map.entry("Lead.id", "lead_id"),
      Map.entry("Lead.sourceChannel", "source"), Map.entry("Lead.campaign", "campaign"),
      Map.entry("Lead.countryCode", "country"), Map.entry("Lead.region", "province"), Map.entry("Lead.city", "city"),
      Map.entry("Lead.company", "company"), Map.entry("Lead.score", "score"),
      Map.entry("Lead.productInterests", "product_interest"),
      Map.entry("Lead.productGroupInterests", "product_group_interest"));

  private LeadFileReader() {}

  /**
   * Reads a lead file.
   *
   * @param file a {@code .csv} or {@code .json} file
   * @param zone the zone of CSV times written without an offset
   * @return the leads, in file order
   * @throws LeadFileException if the file is malformed, a value is invalid or a lead id repeats
   * @throws IOException if the file cannot be read
   */
  public static List<Lead> read(Path file, ZoneId zone) throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(file)) {
      throw new LeadFileException(file.toString(), "no such file");
    }
    if (name.endsWith(".json")) {
      return readJson(file);
    }
    if (name.endsWith(".csv")) {
      return readCsv(file, zone);
    }
    throw new LeadFileException(file.toString(), "a lead file must end in .csv or .json");
  }

  private static List<Lead> readJson(Path file) throws IOException {
    List<Lead> leads;
    try {
      leads = CrmJson.standard().readList(Files.readString(file, StandardCharsets.UTF_8), Lead.class);
    } catch (CrmJsonException e) {
      throw new LeadFileException(file.toString(), e.getMessage());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < leads.size(); i++) {
      Integer first = seen.putIfAbsent(leads.get(i).id().value(), i);
      if (first != null) {
        throw new LeadFileException(file.toString(), "duplicate lead id at $[" + i + "].id (first at $[" + first
            + "].id)");
      }
    }
    return leads;
  }

  /** A custom attribute column: its name and type. */
  private record AttributeColumn(int field, String name, AttributeValue.Type type) {}

  private static List<Lead> readCsv(Path file, ZoneId zone) throws IOException {
    String source = file.toString();
    List<Lead> leads = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      RecordScanner scanner = new RecordScanner(in, ',', true, new byte[1 << 16], n -> { });
      Map<String, Integer> columns = null;
      List<AttributeColumn> attributes = new ArrayList<>();
      int width = 0;
      while (scanner.next()) {
        if (scanner.blank()) {
          continue;
        }
        if (scanner.error() != null) {
          throw new LeadFileException(source, scanner.line(), scanner.errorField() + 1, scanner.error());
        }
        if (columns == null) {
          columns = header(scanner, source, attributes);
          width = scanner.fieldCount();
          continue;
        }
        if (scanner.fieldCount() != width) {
          throw new LeadFileException(source, scanner.line(), 0, "expected " + width + " fields as in the header, "
              + "found " + scanner.fieldCount());
        }
        Lead lead = row(new Row(scanner, source, columns), zone, attributes);
        Long first = seen.putIfAbsent(lead.id().value(), scanner.line());
        if (first != null) {
          throw new LeadFileException(source, scanner.line(), columns.get("lead_id") + 1,
              "lead_id: duplicate of the lead on line " + first);
        }
        leads.add(lead);
      }
      if (columns == null) {
        throw new LeadFileException(source, 1, 0, "empty file, expected a header row with lead_id,received_at,"
            + "source");
      }
    }
    return leads;
  }

  private static Map<String, Integer> header(RecordScanner scanner, String source, List<AttributeColumn> attributes)
      throws LeadFileException {
    Map<String, Integer> columns = new HashMap<>();
    Map<String, Integer> attributeNames = new HashMap<>();
    for (int f = 0; f < scanner.fieldCount(); f++) {
      String name = text(scanner, f).strip();
      if (columns.containsKey(name)) {
        throw new LeadFileException(source, scanner.line(), f + 1, "column '" + name + "' appears twice");
      }
      columns.put(name, f);
      if (COLUMNS.contains(name)) {
        continue;
      }
      int colon = name.lastIndexOf(':');
      String attribute = colon < 0 ? name : name.substring(0, colon);
      AttributeValue.Type type = AttributeValue.Type.STRING;
      if (colon >= 0) {
        type = switch (name.substring(colon + 1)) {
          case "string" -> AttributeValue.Type.STRING;
          case "long" -> AttributeValue.Type.LONG;
          case "decimal" -> AttributeValue.Type.DECIMAL;
          case "boolean" -> AttributeValue.Type.BOOLEAN;
          case "date" -> AttributeValue.Type.DATE;
          default -> throw new LeadFileException(source, scanner.line(), f + 1, "column '" + name + "': unknown "
              + "attribute type, expected string, long, decimal, boolean or date");
        };
      }
      if (!ATTRIBUTE.matcher(attribute).matches()) {
        throw new LeadFileException(source, scanner.line(), f + 1, "column '" + name + "' is neither one of "
            + COLUMNS + " nor a custom attribute name (a letter, then letters, digits, '_', '.' or '-')");
      }
      if (attributeNames.putIfAbsent(attribute, f) != null) {
        throw new LeadFileException(source, scanner.line(), f + 1, "attribute '" + attribute + "' appears twice");
      }
      attributes.add(new AttributeColumn(f, attribute, type));
    }
    for (String required : COLUMNS) {
      if (REQUIRED.contains(required) && !columns.containsKey(required)) {
        throw new LeadFileException(source, scanner.line(), 0, "missing column '" + required + "' in the header");
      }
    }
    return columns;
  }

  private static String text(RecordScanner scanner, int f) {
    return new String(scanner.buffer(), scanner.start(f), scanner.end(f) - scanner.start(f), StandardCharsets.UTF_8);
  }

  /** One data row: its cells by column name, with positions for error messages. */
  private static final class Row {
    final RecordScanner scanner;
    final String source;
    final Map<String, Integer> columns;

    Row(RecordScanner scanner, String source, Map<String, Integer> columns) {
      this.scanner = scanner;
      this.source = source;
      this.columns = columns;
    }

    /** The cell's text, stripped, or null when the column is absent or the cell empty. */
    String get(String column) {
      Integer f = columns.get(column);
      return f == null ? null : cell(f);
    }

    String cell(int f) {
      String text = text(scanner, f).strip();
      return text.isEmpty() ? null : text;
    }

    LeadFileException error(String column, String problem) {
      Integer f = columns.get(column);
      return new LeadFileException(source, scanner.line(), f == null ? 0 : f + 1, column + ": " + problem);
    }

    LeadFileException error(int field, String column, String problem) {
      return new LeadFileException(source, scanner.line(), field + 1, column + ": " + problem);
    }
  }

  private static Lead row(Row row, ZoneId zone, List<AttributeColumn> attributes) throws LeadFileException {
    Lead.Builder b = Lead.builder();
    String id = row.get("lead_id");
    if (id == null) {
      throw row.error("lead_id", "required, found an empty cell");
    }
    String source = row.get("source");
    if (source == null) {
      throw row.error("source", "required, found an empty cell");
    }
    String column = "lead_id";
    try {
      b.id(LeadId.of(id));
      column = "source";
      b.sourceChannel(source);
      column = "received_at";
      b.receivedAt(instant(row, zone));
      String campaign = row.get("campaign");
      if (campaign != null) {
        b.campaign(campaign);
      }
      column = "rating";
      String rating = row.get("rating");
      if (rating != null) {
        b.rating(rating(row, rating));
      }
      column = "score";
      String score = row.get("score");
      if (score != null) {
        b.score(number(row, "score", score));
      }
      optional(row, "country", b::countryCode);
      optional(row, "province", b::region);
      optional(row, "city", b::city);
      optional(row, "company", b::company);
      column = "territory";
      String territory = row.get("territory");
      if (territory != null) {
        b.territory(TerritoryId.of(territory));
      }
      column = "product_interest";
      for (String product : list(row.get("product_interest"))) {
        b.addProductInterest(ProductId.of(product));
      }
      column = "product_group_interest";
      for (String group : list(row.get("product_group_interest"))) {
        b.addProductGroupInterest(ProductGroupId.of(group));
      }
      for (AttributeColumn a : attributes) {
        column = a.name();
        String text = row.cell(a.field());
        if (text != null) {
          b.putAttribute(a.name(), attribute(row, a, text));
        }
      }
      column = null;
      return b.build();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid value" : e.getMessage();
      String about = column;
      for (Map.Entry<String, String> field : FIELD_COLUMNS.entrySet()) {
        if (message.startsWith(field.getKey() + " ") || message.startsWith(field.getKey() + ".")) {
          about = field.getValue();
        }
      }
      throw about == null ? new LeadFileException(row.source, row.scanner.line(), 0, message)
          : row.error(about, message);
    }
  }

  /** Sets an optional text field; the model's validation names the field when it refuses the value. */
  private static void optional(Row row, String column, java.util.function.Consumer<String> setter) {
    String text = row.get(column);
    if (text != null) {
      setter.accept(text);
    }
  }

  private static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(";", -1)) {
        String value = part.strip();
        if (!value.isEmpty()) {
          out.add(value);
        }
      }
    }
    return out;
  }

  private static Instant instant(Row row, ZoneId zone) throws LeadFileException {
    String text = row.get("received_at");
    if (text == null) {
      throw row.error("received_at", "required, found an empty cell");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw row.error("received_at", "expected an ISO-8601 date-time such as 2026-03-02T09:15:00+08:00 or "
            + "2026-03-02T09:15");
      }
    }
  }

  private static LeadRating rating(Row row, String text) throws LeadFileException {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "hot":
        return LeadRating.HOT;
      case "warm":
        return LeadRating.WARM;
      case "cold":
        return LeadRating.COLD;
      default:
        throw row.error("rating", "expected hot, warm or cold");
    }
  }

  private static double number(Row row, String column, String text) throws LeadFileException {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw row.error(column, "expected a finite number");
  }

  private static AttributeValue attribute(Row row, AttributeColumn a, String text) throws LeadFileException {
    switch (a.type()) {
      case LONG:
        try {
          return AttributeValue.ofLong(Long.parseLong(text));
        } catch (NumberFormatException e) {
          throw row.error(a.field(), a.name(), "expected a whole number");
        }
      case DECIMAL:
        try {
          return AttributeValue.ofDecimal(new BigDecimal(text));
        } catch (NumberFormatException e) {
          throw row.error(a.field(), a.name(), "expected a decimal number");
        }
      case BOOLEAN:
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return AttributeValue.ofBoolean(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
        }
        throw row.error(a.field(), a.name(), "expected true or false");
      case DATE:
        try {
          return AttributeValue.ofDate(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
          throw row.error(a.field(), a.name(), "expected an ISO date such as 2026-03-02");
        }
      default:
        return AttributeValue.ofString(text);
    }
  }
}
