package io.github.crmkit.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small reader of comma-separated values with double-quoted fields ({@code ""} for a quote inside one), enough
 * for the shared example data. Test support only: the project's own file reader is written separately.
 */
final class QuotedCsv {
  private QuotedCsv() {}

  /** Reads all records of a UTF-8 file, the header included. Quoted fields may hold commas and line breaks. */
  static List<String[]> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  static List<String[]> parse(String text) {
    List<String[]> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          fields.add(field.toString());
          records.add(fields.toArray(new String[0]));
        }
        fields.clear();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field at end of input");
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      records.add(fields.toArray(new String[0]));
    }
    return records;
  }
}
