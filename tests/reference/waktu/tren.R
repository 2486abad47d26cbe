# Reference for the trend of a unit across periods (Geo.Core.Statistics.MannKendall, SenSlope).
# Debian has no Kendall/trend package, so this is our own script on base R only:
#  - tau, z and p from cor.test(method = "kendall", exact = FALSE, continuity = TRUE), an
#    independent implementation of the same test (time has no ties, so its tie-corrected variance
#    is Mann-Kendall's);
#  - S and Var(S) written out from their definitions;
#  - Sen's slope as the median of all pairwise slopes, in units per year, time in decimal years
#    (February = year + 1/12, August = year + 7/12).
# Run from the repository root:  Rscript tests/reference/waktu/tren.R
# Series are SYNTHETIC (sintetis): drawn with a fixed seed (rounded to 1 decimal so that ties occur),
# plus hand-picked ones.
suppressMessages(library(jsonlite))
out <- file.path("tests", "data", "waktu")
dir.create(out, recursive = TRUE, showWarnings = FALSE)

mk <- function(x) {
  n <- length(x)
  s <- 0
  for (i in 1:(n - 1)) for (j in (i + 1):n) s <- s + sign(x[j] - x[i])
  t <- table(x)
  v <- (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5))) / 18
  list(s = s, var = v)
}
sen <- function(time, x) {
  d <- outer(x, x, "-") / outer(time, time, "-")
  median(d[upper.tri(d)])
}

set.seed(20240803)
series <- list()
for (k in 1:30) {
  n <- sample(4:12, 1)
  trend <- sample(c(-1.5, 0, 1.5), 1)
  series[[k]] <- round(25 + trend * (1:n) + rnorm(n, 0, 2), 1)
}
series <- c(series, list(c(30, 28, 28, 25, 25, 25, 20, 19), c(1, 2, 3, 4), c(5, 5, 5, 6, 4),
                         c(10, 12, 11, 15, 14, 18, 17, 21), c(20, 20, 21)))

cases <- lapply(series, function(x) {
  n <- length(x)
  year <- 2020 + (0:(n - 1)) %/% 2
  time <- year + ifelse((0:(n - 1)) %% 2 == 0, 1, 7) / 12
  ct <- suppressWarnings(cor.test(x, seq_len(n), method = "kendall", exact = FALSE, continuity = TRUE))
  m <- mk(x)
  list(x = x, time = time, s = m$s, var = m$var, tau = unname(ct$estimate), z = unname(ct$statistic),
       p = ct$p.value, sen = sen(time, x))
})
write_json(list(note = "series synthetic (sintetis), set.seed(20240803); base R cor.test(kendall, exact = FALSE, continuity = TRUE)",
                r = as.character(getRversion()), cases = cases),
           file.path(out, "tren.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("tren:", length(cases), "cases\n")
