package io.github.crmkit.scoring.clv;

import static io.github.crmkit.scoring.clv.SpecialFunctions.digamma;
import static io.github.crmkit.scoring.clv.SpecialFunctions.logGamma;

/**
 * The Pareto/NBD (Schmittlein, Morrison and Colombo 1987) weighted log-likelihood with its analytic gradient in
 * {@code (r, alpha, s, beta)}, in the form of Fader and Hardie (2005), "A note on deriving the Pareto/NBD model and
 * related expressions", equation (22):
 * <pre>
 *   L = Gamma(r+x) alpha^r beta^s / Gamma(r) * [ (alpha+T)^-(r+x) (beta+T)^-s + s/(r+s+x) * A0 ]
 *   A0 = F(t_x) - F(T),  F(t) = 2F1(r+s+x, b; r+s+x+1; z(t)) / (m+t)^(r+s+x)
 * </pre>
 * with {@code m = alpha, b = s + 1, z(t) = (alpha - beta) / (alpha + t)} when {@code alpha >= beta}, and
 * {@code m = beta, b = r + x, z(t) = (beta - alpha) / (beta + t)} otherwise, so that {@code 0 <= z < 1}.
 * ({@code s/(r+s+x) A0} is the integral {@code s * int_{t_x}^T (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau}.)
 * Euler's transformation (see {@link Hypergeometric}) turns {@code ln F(t)} into
 * <pre>
 *   alpha &gt;= beta:  -(r+x) ln(alpha+t) - s ln(beta+t) + ln G(r+x, r+s+x+1; z)
 *   alpha &lt;  beta:  (1-r-x) ln(alpha+t) - (s+1) ln(beta+t) + ln G(s+1, r+s+x+1; z)
 * </pre>
 * with {@code G(d, c; z) = 2F1(1, d; c; z)}, a series of positive terms with ratios below {@code z}. The gradient
 * is analytic: {@link Hypergeometric#logG} differentiates the series term by term in {@code d}, {@code c} and
 * {@code z}, and the chain rule does the rest. The bracket is summed in log space relative to its largest term, so
 * nothing overflows for large {@code x}.
 *
 * <p>Package-private; not thread-safe (one instance per fit).
 */
final class ParetoNbdLikelihood implements LogLikelihood {
  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] weight;
  private final double total;
  private final double[] partials = new double[3];
  private final double[] gradTx = new double[4];
  private final double[] gradT = new double[4];

  ParetoNbdLikelihood(RepeatPurchaseColumns data) {
    this.x = data.frequencies();
    this.tx = data.recencies();
    this.age = data.ages();
    this.weight = data.weights();
    this.total = data.totalWeight();
  }

  @Override
  public int dimension() {
    return 4;
  }

  @Override
  public double totalWeight() {
    return total;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double r = theta[0];
    double alpha = theta[1];
    double s = theta[2];
    double beta = theta[3];
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || Double.isInfinite(r + alpha + s + beta)) {
      return Double.NaN;
    }
    boolean wantGradient = gradient != null;
    double logAlpha = Math.log(alpha);
    double logBeta = Math.log(beta);
    double lgR = logGamma(r);
    double psiR = wantGradient ? digamma(r) : 0.0;
    double gr = 0;
    double ga = 0;
    double gs = 0;
    double gb = 0;
    double sum = 0.0;
    int lastX = -1;
    int cachedX = -1;
    double cachedTx = Double.NaN;
    double cachedLogF = 0.0;
    boolean cachedGradient = false;
    double lgDiff = 0.0;
    double psiDiff = 0.0;
    for (int i = 0; i < x.length; i++) {
      int xi = x[i];
      if (xi != lastX) {
        lgDiff = logGamma(r + xi) - lgR;
        psiDiff = wantGradient ? digamma(r + xi) - psiR : 0.0;
        lastX = xi;
      }
      double w = weight[i];
      double t = age[i];
      double rx = r + xi;
      double a = rx + s;
      double logAT = Math.log(alpha + t);
      double logBT = Math.log(beta + t);
      // first term of the bracket, ln[(alpha+T)^-(r+x) (beta+T)^-s]
      double u = -rx * logAT - s * logBT;
      double ll = lgDiff + r * logAlpha + s * logBeta;
      double logBracket;
      double dr = 0;
      double da = 0;
      double ds = 0;
      double db = 0;
      if (tx[i] < t) {
        double logC = Math.log(s) - Math.log(a);
        if (xi != cachedX || tx[i] != cachedTx || wantGradient != cachedGradient) {
          // rows come sorted by frequency, so the x = 0 rows (t_x = 0, the bulk of most data) share this term
          cachedLogF = logF(r, alpha, s, beta, xi, tx[i], wantGradient ? gradTx : null, partials);
          cachedX = xi;
          cachedTx = tx[i];
          cachedGradient = wantGradient;
        }
        double v = logC + cachedLogF;
        double vT = logC + logF(r, alpha, s, beta, xi, t, wantGradient ? gradT : null, partials);
        double max = Math.max(u, v);
        double eu = Math.exp(u - max);
        double ev = Math.exp(v - max);
        double evT = Math.exp(vT - max);
        double bracket = eu + ev - evT;
        if (!(bracket > 0.0)) {
          // cancellation can only leave rounding noise of the second term; the first term is then exact
          bracket = eu;
          ev = 0.0;
          evT = 0.0;
        }
        logBracket = max + Math.log(bracket);
        if (wantGradient) {
          double inv = 1.0 / bracket;
          double wu = eu * inv;
          double wv = ev * inv;
          double wT = evT * inv;
          double dcR = -1.0 / a;
          double dcS = 1.0 / s - 1.0 / a;
          dr = wu * -logAT + wv * (dcR + gradTx[0]) - wT * (dcR + gradT[0]);
          da = wu * (-rx / (alpha + t)) + wv * gradTx[1] - wT * gradT[1];
          ds = wu * -logBT + wv * (dcS + gradTx[2]) - wT * (dcS + gradT[2]);
          db = wu * (-s / (beta + t)) + wv * gradTx[3] - wT * gradT[3];
        }
      } else {
        logBracket = u;
        if (wantGradient) {
          dr = -logAT;
          da = -rx / (alpha + t);
          ds = -logBT;
          db = -s / (beta + t);
        }
      }
      sum += w * (ll + logBracket);
      if (wantGradient) {
        gr += w * (psiDiff + logAlpha + dr);
        ga += w * (r / alpha + da);
        gs += w * (logBeta + ds);
        gb += w * (s / beta + db);
      }
    }
    if (wantGradient) {
      gradient[0] = gr;
      gradient[1] = ga;
      gradient[2] = gs;
      gradient[3] = gb;
    }
    return sum;
  }

  /**
   * {@code ln F(t)} of the class comment, the log of {@code (r+s+x)/s} times the tail integral
   * {@code s * int_t^infinity (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau}, and, when {@code grad} is not null,
   * its gradient in {@code (r, alpha, s, beta)} ({@code p}, 3 elements, is then the scratch of the partials of
   * {@code ln G}).
   */
  static double logF(double r, double alpha, double s, double beta, int x, double t, double[] grad,
      double[] p) {
    double rx = r + x;
    double c = rx + s + 1.0;
    double at = alpha + t;
    double bt = beta + t;
    if (alpha >= beta) {
      double z = (alpha - beta) / at;
      double logG = Hypergeometric.logG(rx, c, z, p);
      if (grad != null) {
        grad[0] = -Math.log(at) + p[0] + p[1];
        grad[1] = -rx / at + p[2] * bt / (at * at);
        grad[2] = -Math.log(bt) + p[1];
        grad[3] = -s / bt - p[2] / at;
      }
      return -rx * Math.log(at) - s * Math.log(bt) + logG;
    }
    double z = (beta - alpha) / bt;
    double logG = Hypergeometric.logG(s + 1.0, c, z, p);
    if (grad != null) {
      grad[0] = -Math.log(at) + p[1];
      grad[1] = (1.0 - rx) / at - p[2] / bt;
      grad[2] = -Math.log(bt) + p[0] + p[1];
      grad[3] = -(s + 1.0) / bt + p[2] * at / (bt * bt);
    }
    return (1.0 - rx) * Math.log(at) - (s + 1.0) * Math.log(bt) + logG;
  }

  /**
   * {@code ln(s/(r+s+x) A0) - ln[(alpha+T)^-(r+x) (beta+T)^-s]}, the log of the ratio of the bracket's second term
   * (the customer died after {@code t_x}) to its first (alive at {@code T}); {@code -infinity} when
   * {@code t_x = T}. {@code P(alive) = 1 / (1 + exp(ratio))}. Allocation-free.
   */
  static double logDeadToAliveRatio(double r, double alpha, double s, double beta, int x, double tx, double t) {
    if (!(tx < t)) {
      return Double.NEGATIVE_INFINITY;
    }
    double rx = r + x;
    double u = -rx * Math.log(alpha + t) - s * Math.log(beta + t);
    double logC = Math.log(s) - Math.log(rx + s);
    double v = logF(r, alpha, s, beta, x, tx, null, null);
    double vT = logF(r, alpha, s, beta, x, t, null, null);
    // ln(e^v - e^vT) = v + ln(1 - e^(vT - v))
    double diff = vT - v;
    if (!(diff < 0.0)) {
      return Double.NEGATIVE_INFINITY;
    }
    double logA0 = v + (diff > -0.6931471805599453 ? Math.log(-Math.expm1(diff)) : Math.log1p(-Math.exp(diff)));
    return logC + logA0 - u;
  }
}
