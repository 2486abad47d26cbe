# Reference for the posterior of each desa's rate (Geo.Core.Statistics.RatePosterior).
# On the spdep fixtures' real neighbour lists and synthetic counts (tests/data/spdep/*.json, made by
# tests/reference/spdep/make-fixtures.R), the priors are spdep's own EBest (a, b) and EBlocal
# (a_i, m_i); the posteriors are written out here from the conjugate formulas, and their tails and
# quantiles come from R's pbeta/qbeta/pgamma/qgamma:
#   Poisson-gamma: prior Gamma(m^2/a, rate m/a) -> Gamma(m^2/a + y, m/a + n)
#   Beta-binomial: kappa = m(1-m)/a - 1, prior Beta(m kappa, (1-m) kappa) -> Beta(m kappa + y, (1-m) kappa + n - y)
#   a = 0: the posterior is a point mass at m.
# Run from the repository root:  Rscript tests/reference/waktu/ketidakpastian.R
suppressMessages({
  library(spdep)
  library(jsonlite)
})
out <- file.path("tests", "data", "waktu")
thresholds <- c(0.1, 0.2, 0.25, 0.3)

posterior <- function(y, n, m, a, family) {
  k <- length(y)
  res <- list(mean = numeric(k), lower = numeric(k), upper = numeric(k), exceed = matrix(0, k, length(thresholds)))
  for (i in 1:k) {
    if (!(a[i] > 0) || !(m[i] > 0)) {
      res$mean[i] <- m[i]; res$lower[i] <- m[i]; res$upper[i] <- m[i]
      res$exceed[i, ] <- as.numeric(m[i] > thresholds)
    } else if (family == "beta") {
      kappa <- m[i] * (1 - m[i]) / a[i] - 1
      s1 <- m[i] * kappa + y[i]; s2 <- (1 - m[i]) * kappa + n[i] - y[i]
      res$mean[i] <- s1 / (s1 + s2)
      res$lower[i] <- qbeta(0.025, s1, s2); res$upper[i] <- qbeta(0.975, s1, s2)
      res$exceed[i, ] <- pbeta(thresholds, s1, s2, lower.tail = FALSE)
    } else {
      sh <- m[i]^2 / a[i] + y[i]; rt <- m[i] / a[i] + n[i]
      res$mean[i] <- sh / rt
      res$lower[i] <- qgamma(0.025, sh, rt); res$upper[i] <- qgamma(0.975, sh, rt)
      res$exceed[i, ] <- pgamma(thresholds, sh, rt, lower.tail = FALSE)
    }
  }
  res$exceed <- lapply(seq_len(k), function(i) res$exceed[i, ])
  res
}

cases <- list()
for (name in c("paser-queen", "tual-queen")) {
  f <- fromJSON(file.path("tests", "data", "spdep", paste0(name, ".json")), simplifyVector = TRUE)
  nbl <- lapply(f$neighbours, function(v) if (length(v) == 0) 0L else as.integer(v + 1L))
  class(nbl) <- "nb"
  attr(nbl, "region.id") <- f$ids
  y <- f$events; n <- f$population
  eb <- EBest(y, n)
  a <- attr(eb, "parameters")$a; b <- attr(eb, "parameters")$b
  ebl <- EBlocal(y, n, nbl, zero.policy = TRUE)
  la <- attr(ebl, "parameters")$a; lm <- attr(ebl, "parameters")$m
  k <- length(y)
  cases[[name]] <- list(
    case = name, spdep = as.character(packageVersion("spdep")), events = y, population = n, thresholds = thresholds,
    globalA = a, globalB = b, localA = la, localM = lm,
    globalBeta = posterior(y, n, rep(b, k), rep(a, k), "beta"),
    globalGamma = posterior(y, n, rep(b, k), rep(a, k), "gamma"),
    localGamma = posterior(y, n, lm, la, "gamma"))
}
write_json(list(note = "counts synthetic (sintetis), from tests/data/spdep; priors from spdep EBest/EBlocal; R pbeta/qbeta/pgamma/qgamma",
                r = as.character(getRversion()), cases = unname(cases)),
           file.path(out, "ketidakpastian.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("ketidakpastian:", length(cases), "cases\n")
