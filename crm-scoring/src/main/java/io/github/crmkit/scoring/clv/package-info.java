/**
 * Probabilistic customer value: models of repeat purchases with dropout and of spend, fitted by maximum likelihood,
 * with predictions over columns of customers, customer lifetime value and holdout validation.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.github.crmkit.scoring.clv.RepeatPurchaseColumns}: customers' {@code (x, t_x, T)} histories as
 *       weighted columns, compressed to distinct patterns for fitting.
 *   <li>{@link io.github.crmkit.scoring.clv.BgNbdModel}: BG/NBD (Fader, Hardie and Lee 2005) and MBG/NBD (Batislam
 *       et al. 2007): fit, E[X(t)], conditional expected purchases, P(alive), P(X(t) = n).
 *   <li>{@link io.github.crmkit.scoring.clv.ParetoNbdModel}: Pareto/NBD (Schmittlein, Morrison and Colombo 1987):
 *       fit, E[X(t)], conditional expected purchases, P(alive), P(X(t) = n), discounted expected residual
 *       transactions (DERT).
 *   <li>{@link io.github.crmkit.scoring.clv.BgBbModel}: BG/BB (Fader, Hardie and Shang 2010) for discrete
 *       opportunities, over {@link io.github.crmkit.scoring.clv.BgBbPatterns}: fit, E[X(n)], conditional expected
 *       transactions, P(alive), P(X(n) = x).
 *   <li>{@link io.github.crmkit.scoring.clv.GammaGammaModel}: the Gamma-Gamma spend model (Colombo and Jiang 1999;
 *       Fader, Hardie and Lee 2005, "RFM and CLV"): fit and E[M | x, mean spend].
 *   <li>{@link io.github.crmkit.scoring.clv.CustomerLifetimeValue}: discounted customer lifetime value over monthly
 *       steps from any {@link io.github.crmkit.scoring.clv.PurchaseModel} and a Gamma-Gamma model.
 *   <li>{@link io.github.crmkit.scoring.clv.HoldoutValidation}: predicted against actual holdout purchases by
 *       calibration frequency, cumulative and incremental tracking, customer-level error and correlation.
 *   <li>{@link io.github.crmkit.scoring.clv.FittedModel}: the immutable result of a fit (parameters by the papers'
 *       names, log-likelihood, standard errors, customers, convergence), with its JSON form;
 *       {@link io.github.crmkit.scoring.clv.FitOptions} sets the L2 penalty, iterations and tolerance.
 * </ul>
 *
 * <p>Fits maximise the likelihood with analytic gradients on the log scale of the parameters (BFGS with a
 * strong-Wolfe line search), from several starting points where needed; standard errors come from the inverse of the
 * numerical Hessian (central differences of the analytic gradient). Data that cannot identify a model (no repeat
 * purchase at all, for example) is refused with an {@link java.lang.IllegalArgumentException} that says why.
 *
 * <p>Thread-safety: models, fits, options and columns are immutable and thread-safe.
 */
package io.github.crmkit.scoring.clv;
