package io.github.crmkit.cli.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the file arguments of a command into a list of files: a file stands for itself, a directory for the
 * regular, non-hidden files directly in it, and a glob ({@code by-day/*.csv}, {@code data/2011-*}/{@code *.csv},
 * {@code logs/**.csv}, with {@link java.nio.file.FileSystem#getPathMatcher} syntax) for the regular files it matches;
 * as in shells, wildcards do not match a leading dot. Shells expand most globs before the command sees them; this
 * covers quoted ones and shells that do not. Directories and globs give their files sorted by path; a file named
 * twice is read once.
 *
 * <p>Thread-safe (stateless).
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Expands file arguments.
   *
   * @param arguments files, directories and globs
   * @return the files, in argument order, without repeats
   * @throws NoSuchFileException if a file does not exist, or a directory or glob gives no file
   * @throws IOException if a directory cannot be listed
   */
  public static List<Path> expand(List<String> arguments) throws IOException {
    Objects.requireNonNull(arguments, "arguments");
    Set<Path> seen = new LinkedHashSet<>();
    for (String argument : arguments) {
      Objects.requireNonNull(argument, "argument");
      List<Path> found;
      if (isGlob(argument)) {
        found = glob(argument);
      } else {
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
          found = directory(path);
        } else if (Files.isRegularFile(path)) {
          found = List.of(path);
        } else {
          throw new NoSuchFileException(argument, null, "no such file");
        }
      }
      if (found.isEmpty()) {
        throw new NoSuchFileException(argument, null, "no file matches");
      }
      for (Path p : found) {
        seen.add(p.normalize());
      }
    }
    return List.copyOf(seen);
  }

  private static boolean isGlob(String argument) {
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  private static boolean isHidden(Path relative) {
    for (Path name : relative) {
      if (name.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> directory(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
          files.add(p);
        }
      }
    }
    files.sort(null);
    return files;
  }

  /** Walks from the glob's longest literal parent, matching the rest of the path against the glob. */
  private static List<Path> glob(String argument) throws IOException {
    Path pattern = Path.of(argument);
    Path base = pattern.isAbsolute() ? pattern.getRoot() : null;
    int literal = 0;
    for (; literal < pattern.getNameCount() - 1; literal++) {
      String name = pattern.getName(literal).toString();
      if (isGlob(name)) {
        break;
      }
      base = base == null ? Path.of(name) : base.resolve(name);
    }
    Path start = base == null ? Path.of("") : base;
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    boolean deep = argument.contains("**");
    int depth = deep ? Integer.MAX_VALUE : pattern.getNameCount() - literal;
    FileSystem fs = start.getFileSystem();
    StringBuilder rest = new StringBuilder();
    for (int i = literal; i < pattern.getNameCount(); i++) {
      rest.append(i > literal ? "/" : "").append(pattern.getName(i));
    }
    PathMatcher matcher = fs.getPathMatcher("glob:" + rest);
    // as in shells, * and ? do not match a leading dot: hidden files and directories only when the glob names a dot
    boolean hiddenToo = rest.charAt(0) == '.' || rest.indexOf("/.") >= 0;
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(start, depth)) {
      walk.filter(Files::isRegularFile)
          .map(start::relativize)
          .filter(p -> (hiddenToo || !isHidden(p)) && matcher.matches(p))
          .forEach(p -> files.add(start.resolve(p)));
    }
    files.sort(null);
    return files;
  }
}
