# spdep's localmoran_perm on the weights and values written by the benchmark.
# Usage: Rscript localmoran_perm.R weights.gal values.csv permutations runs
suppressMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
nb <- read.gal(args[1], override.id = TRUE)
x <- read.csv(args[2])$x
nsim <- as.integer(args[3])
runs <- as.integer(args[4])
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
# one line per run: wall seconds, CPU seconds (user + system)
for (run in seq_len(runs)) {
  t <- system.time(localmoran_perm(x, lw, nsim = nsim, zero.policy = TRUE, iseed = 1))
  cat(sprintf("%.3f %.3f\n", t[["elapsed"]], t[["user.self"]] + t[["sys.self"]]))
}
