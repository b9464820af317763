package io.github.crmkit.scoring.clv;

/**
 * A model's weighted log-likelihood over a data set, with its analytic gradient, as the shared fitting machinery
 * sees it. This is the package-private plug-in contract for every model of this package (BG/NBD, MBG/NBD,
 * Pareto/NBD, BG/BB, Gamma-Gamma):
 *
 * <ol>
 *   <li>Implement this interface over the model's (compressed, weighted) data: {@link #value} returns the total
 *       weighted log-likelihood {@code sum_i w_i ln L_i(theta)} at the natural parameters {@code theta} (all
 *       positive, in the papers' order), and, when {@code gradient} is not null, writes {@code d LL / d theta_j}
 *       into it. Keep the loop primitive and allocation-free: it runs a few hundred times per fit. Return NaN or
 *       -infinity where the likelihood is not defined; the line search then steps back.
 *   <li>Call {@link ModelFitting#fit(String, LogLikelihood, double[][], FitOptions)} with the model's name (one
 *       of {@link FittedModel#MODEL_NAMES}) and one or more starting points (natural scale). It maximises on the
 *       log scale of the parameters ({@link LogScaleMaximizer}), optionally with the L2 penalty of
 *       {@link FitOptions#penalty()}, computes standard errors from the numerical Hessian of the unpenalised
 *       log-likelihood ({@link ModelFitting#standardErrors(LogLikelihood, double[])}), and returns the immutable
 *       {@link FittedModel}. {@link ModelFitting#fitUntilConverged} does the same but stops at the first starting point
 *       that converges (the others are fallbacks).
 *   <li>Check identifiability before fitting (for example, no repeat purchase at all) and throw an
 *       {@link IllegalArgumentException} that says why.
 * </ol>
 *
 * <p>Implementations must be safe for one thread at a time at least; the fitting machinery calls them from the
 * calling thread only.
 */
interface LogLikelihood {

  /**
   * The number of parameters.
   *
   * @return the dimension, at least 1
   */
  int dimension();

  /**
   * The total weight of the data, the number of customers it represents; the optimiser works on the log-likelihood
   * per unit of weight so that its tolerances do not depend on the size of the data.
   *
   * @return the total weight, positive
   */
  double totalWeight();

  /**
   * The total weighted log-likelihood at {@code theta}, and its gradient.
   *
   * @param theta the natural parameters, all positive, not modified
   * @param gradient null, or an array of {@link #dimension()} elements that receives {@code d LL / d theta}
   * @return the log-likelihood, or NaN or -infinity where it is not defined
   */
  double value(double[] theta, double[] gradient);
}
