package io.github.crmkit.scoring.clv;

import static io.github.crmkit.scoring.clv.SpecialFunctions.digamma;
import static io.github.crmkit.scoring.clv.SpecialFunctions.logBeta;

/**
 * The BG/BB (Fader, Hardie and Shang 2010, equation 5) weighted log-likelihood with its analytic gradient in
 * {@code (alpha, beta, gamma, delta)}:
 * <pre>
 *   L = B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta)
 *     + sum_{i=0}^{n-t_x-1} B(alpha+x, beta+t_x-x+i)/B(alpha,beta) B(gamma+1, delta+t_x+i)/B(gamma,delta)
 * </pre>
 * summed in log space relative to its largest term. Along the sum the log-betas and digammas move by one in an
 * argument, so they are updated by the recurrences {@code ln B(a, m+1) = ln B(a, m) + ln(m/(a+m))} and
 * {@code psi(m+1) = psi(m) + 1/m}: a row costs a handful of log-gamma and digamma calls whatever its {@code n}.
 *
 * <p>Package-private; not thread-safe (one instance per fit: it keeps scratch arrays).
 */
final class BgBbLikelihood implements LogLikelihood {
  private final int[] x;
  private final int[] tx;
  private final int[] n;
  private final double[] weight;
  private final double total;
  private final double[] terms;
  private final double[] termA;
  private final double[] termB;
  private final double[] termG;
  private final double[] termD;

  BgBbLikelihood(BgBbPatterns data) {
    this.x = data.frequencies();
    this.tx = data.recencies();
    this.n = data.periodCounts();
    this.weight = data.weights();
    this.total = data.totalWeight();
    int longest = 0;
    for (int i = 0; i < x.length; i++) {
      longest = Math.max(longest, n[i] - tx[i]);
    }
    this.terms = new double[longest + 1];
    this.termA = new double[longest + 1];
    this.termB = new double[longest + 1];
    this.termG = new double[longest + 1];
    this.termD = new double[longest + 1];
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
    double alpha = theta[0];
    double beta = theta[1];
    double gamma = theta[2];
    double delta = theta[3];
    if (!(alpha > 0 && beta > 0 && gamma > 0 && delta > 0) || Double.isInfinite(alpha + beta + gamma + delta)) {
      return Double.NaN;
    }
    boolean wantGradient = gradient != null;
    double lbAB = logBeta(alpha, beta);
    double lbGD = logBeta(gamma, delta);
    double psiAB = wantGradient ? digamma(alpha + beta) : 0;
    double psiA = wantGradient ? digamma(alpha) : 0;
    double psiB = wantGradient ? digamma(beta) : 0;
    double psiGD = wantGradient ? digamma(gamma + delta) : 0;
    double psiG = wantGradient ? digamma(gamma) : 0;
    double psiD = wantGradient ? digamma(delta) : 0;
    double psiG1 = psiG + 1.0 / gamma;
    double sum = 0;
    double ga = 0;
    double gb = 0;
    double gg = 0;
    double gd = 0;
    for (int row = 0; row < x.length; row++) {
      int xi = x[row];
      int ti = tx[row];
      int ni = n[row];
      double ax = alpha + xi;
      double psiAx = wantGradient ? digamma(ax) : 0;
      // term 0: alive through n
      double mN = beta + ni - xi;
      double dN = delta + ni;
      terms[0] = logBeta(ax, mN) + logBeta(gamma, dN);
      if (wantGradient) {
        double psiAxm = digamma(ax + mN);
        double psiGdN = digamma(gamma + dN);
        termA[0] = psiAx - psiAxm;
        termB[0] = digamma(mN) - psiAxm;
        termG[0] = psiG - psiGdN;
        termD[0] = digamma(dN) - psiGdN;
      }
      int count = ni - ti;
      double max = terms[0];
      if (count > 0) {
        // terms 1..count: died after opportunity t_x + i, i = 0..count-1
        double m = beta + ti - xi;
        double k = delta + ti;
        double lbA = logBeta(ax, m);
        double lbG = logBeta(gamma + 1.0, k);
        double psiM = wantGradient ? digamma(m) : 0;
        double psiAm = wantGradient ? digamma(ax + m) : 0;
        double psiK = wantGradient ? digamma(k) : 0;
        double psiGk = wantGradient ? digamma(gamma + 1.0 + k) : 0;
        for (int i = 0; i < count; i++) {
          int j = i + 1;
          terms[j] = lbA + lbG;
          max = Math.max(max, terms[j]);
          if (wantGradient) {
            termA[j] = psiAx - psiAm;
            termB[j] = psiM - psiAm;
            termG[j] = psiG1 - psiGk;
            termD[j] = psiK - psiGk;
            psiM += 1.0 / m;
            psiAm += 1.0 / (ax + m);
            psiK += 1.0 / k;
            psiGk += 1.0 / (gamma + 1.0 + k);
          }
          lbA += Math.log(m / (ax + m));
          lbG += Math.log(k / (gamma + 1.0 + k));
          m += 1.0;
          k += 1.0;
        }
      }
      double s = 0;
      double sa = 0;
      double sb = 0;
      double sg = 0;
      double sd = 0;
      for (int j = 0; j <= count; j++) {
        double e = Math.exp(terms[j] - max);
        s += e;
        if (wantGradient) {
          sa += e * termA[j];
          sb += e * termB[j];
          sg += e * termG[j];
          sd += e * termD[j];
        }
      }
      double w = weight[row];
      sum += w * (max + Math.log(s) - lbAB - lbGD);
      if (wantGradient) {
        ga += w * (sa / s - (psiA - psiAB));
        gb += w * (sb / s - (psiB - psiAB));
        gg += w * (sg / s - (psiG - psiGD));
        gd += w * (sd / s - (psiD - psiGD));
      }
    }
    if (wantGradient) {
      gradient[0] = ga;
      gradient[1] = gb;
      gradient[2] = gg;
      gradient[3] = gd;
    }
    return sum;
  }
}
