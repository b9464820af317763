package io.github.crmkit.cli.io;

/**
 * Told how far reading has got, for a progress bar: called on the reading thread after each block read (about one
 * per MiB, and at least once per file), with non-decreasing byte counts.
 *
 * <p>Implementations should be quick; an exception thrown here stops reading and reaches the caller. The reader calls
 * it from one thread only, so an implementation used by one read at a time need not be thread-safe.
 */
@FunctionalInterface
public interface ReadProgress {
  /** Ignores progress. */
  ReadProgress NONE = (bytesRead, totalBytes) -> {};

  /**
   * Reports progress.
   *
   * @param bytesRead bytes read so far, over all files
   * @param totalBytes the sum of the files' sizes when reading began (a file that grows meanwhile can take
   *     {@code bytesRead} past it)
   */
  void update(long bytesRead, long totalBytes);
}
