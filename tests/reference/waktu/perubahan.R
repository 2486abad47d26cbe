# Reference for the change between two periods (Geo.Core.Statistics.TwoProportionTest):
# R's prop.test without continuity correction, whose X-squared is the square of the pooled
# two-proportion z. Run from the repository root:  Rscript tests/reference/waktu/perubahan.R
# Counts are SYNTHETIC (sintetis): drawn with a fixed seed, plus edge cases written by hand.
suppressMessages(library(jsonlite))
out <- file.path("tests", "data", "waktu")
dir.create(out, recursive = TRUE, showWarnings = FALSE)

set.seed(20240802)
n1 <- sample(5:600, 40, replace = TRUE)
n2 <- sample(5:600, 40, replace = TRUE)
x1 <- rbinom(40, n1, runif(40, 0.05, 0.45))
x2 <- rbinom(40, n2, runif(40, 0.05, 0.45))
# hand-picked: the brief's 15 children, equal rates, a zero, a full count
n1 <- c(n1, 15, 1500, 200, 50, 30)
n2 <- c(n2, 15, 1500, 100, 50, 30)
x1 <- c(x1, 3, 300, 40, 0, 30)
x2 <- c(x2, 5, 450, 20, 4, 27)

cases <- lapply(seq_along(n1), function(i) {
  t <- suppressWarnings(prop.test(c(x2[i], x1[i]), c(n2[i], n1[i]), correct = FALSE))
  # the sign of z is the sign of p2 - p1; prop.test reports only its square
  z <- sign(x2[i] / n2[i] - x1[i] / n1[i]) * sqrt(unname(t$statistic))
  list(x1 = x1[i], n1 = n1[i], x2 = x2[i], n2 = n2[i], z = z, p = t$p.value)
})
write_json(list(note = "counts synthetic (sintetis), set.seed(20240802); R prop.test(correct = FALSE)",
                r = as.character(getRversion()), cases = cases),
           file.path(out, "perubahan.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("perubahan:", length(cases), "cases\n")
