package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir
  Path dir;

  private Path day1;
  private Path day2;
  private Path notes;

  @BeforeEach
  void files() throws IOException {
    Path byDay = Files.createDirectory(dir.resolve("by-day"));
    day2 = Files.writeString(byDay.resolve("2011-01-02.csv"), "x");
    day1 = Files.writeString(byDay.resolve("2011-01-01.csv"), "x");
    notes = Files.writeString(byDay.resolve("notes.txt"), "x");
    Files.writeString(byDay.resolve(".hidden.csv"), "x");
    Files.createDirectory(byDay.resolve("sub"));
    Files.writeString(byDay.resolve("sub").resolve("2011-02-01.csv"), "x");
  }

  private String arg(String relative) {
    return dir.resolve(relative).toString();
  }

  @Test
  void aFileIsItself() throws IOException {
    assertThat(InputFiles.expand(List.of(day2.toString()))).containsExactly(day2);
  }

  @Test
  void aDirectoryGivesItsVisibleRegularFilesSortedNotRecursively() throws IOException {
    assertThat(InputFiles.expand(List.of(arg("by-day")))).containsExactly(day1, day2, notes);
  }

  @Test
  void aGlobGivesTheFilesItMatchesSorted() throws IOException {
    assertThat(InputFiles.expand(List.of(arg("by-day/*.csv")))).containsExactly(day1, day2);
    assertThat(InputFiles.expand(List.of(arg("by-day/2011-01-0[2-9].csv")))).containsExactly(day2);
    assertThat(InputFiles.expand(List.of(arg("*/*.csv")))).containsExactly(day1, day2);
    assertThat(InputFiles.expand(List.of(arg("by-day/**.csv"))))
        .containsExactly(day1, day2, dir.resolve("by-day/sub/2011-02-01.csv"));
  }

  @Test
  void argumentsKeepTheirOrderAndAFileNamedTwiceIsReadOnce() throws IOException {
    assertThat(InputFiles.expand(List.of(day2.toString(), arg("by-day/*.csv"), arg("by-day/../by-day/notes.txt"))))
        .containsExactly(day2, day1, notes);
  }

  @Test
  void missingFilesAndEmptyMatchesAreErrorsNamingTheArgument() throws IOException {
    assertThatThrownBy(() -> InputFiles.expand(List.of(arg("nope.csv"))))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope.csv").hasMessageContaining("no such file");
    assertThatThrownBy(() -> InputFiles.expand(List.of(arg("by-day/*.tsv"))))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("*.tsv").hasMessageContaining("no file matches");
    assertThatThrownBy(() -> InputFiles.expand(List.of(arg("missing-dir/*.csv"))))
        .isInstanceOf(NoSuchFileException.class);
    Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> InputFiles.expand(List.of(arg("empty"))))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no file matches");
  }
}
