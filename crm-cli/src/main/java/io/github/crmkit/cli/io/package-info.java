/**
 * Reading transaction files (CSV and whitespace-separated, one or many) into crm-scoring's
 * {@link io.github.crmkit.scoring.TransactionColumns}, with every malformed row reported by file, line, column and
 * problem.
 *
 * <p>Entry points: {@link io.github.crmkit.cli.io.TransactionFileFormat} (which columns, which date pattern, which
 * delimiter; built once from the command's options), {@link io.github.crmkit.cli.io.InputFiles#expand} (files,
 * directories and globs to a list of files) and {@link io.github.crmkit.cli.io.TransactionFileReader#read}, which
 * returns a {@link io.github.crmkit.cli.io.TransactionFileResult}: the columns, their rejects and per-file
 * {@link io.github.crmkit.cli.io.FileCount counts}. In strict mode the first malformed row raises a
 * {@link io.github.crmkit.cli.io.MalformedRowException}; a {@link io.github.crmkit.cli.io.ReadProgress} can draw a
 * progress bar.
 *
 * <p>Formats, results and exceptions are immutable; builders are not thread-safe.
 */
package io.github.crmkit.cli.io;
