/**
 * The {@code crm} command line: reads files, runs crmkit's engines and prints their results; it holds no business
 * logic of its own.
 *
 * <p>Entry point: {@link io.github.crmkit.cli.CrmCommand}, with one subcommand per task ({@code crm demo}, later
 * {@code crm rfm}, {@code crm summary}, {@code crm clv fit}, {@code crm route simulate}, {@code crm funnel}).
 */
package io.github.crmkit.cli;
