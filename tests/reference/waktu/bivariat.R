# Reference for the bivariate local Moran (Geo.Core.Statistics.BivariateLocalMoran):
# spdep::localmoran_bv (spdep >= 1.2, which Debian bookworm's r-cran-spdep 1.2-7 has) on the real
# neighbour lists of the spdep fixtures, with x = the fixture's synthetic x and y = its synthetic
# rate events/population in percent. localmoran_bv refuses islands, so units without neighbours
# are dropped first (subset.nb), as the C# test does. Its permutations draw with replacement and use
# R's generator, so only Ib (and the lag of y) are compared; the pseudo p is checked separately.
# Run from the repository root:  Rscript tests/reference/waktu/bivariat.R
suppressMessages({
  library(spdep)
  library(jsonlite)
})
out <- file.path("tests", "data", "waktu")
cases <- list()
for (name in c("paser-queen", "paser-knn6", "tual-queen")) {
  f <- fromJSON(file.path("tests", "data", "spdep", paste0(name, ".json")), simplifyVector = TRUE)
  # read the lists unsimplified: k-nearest lists all have k entries and would become a matrix
  raw <- fromJSON(file.path("tests", "data", "spdep", paste0(name, ".json")), simplifyVector = FALSE)$neighbours
  nbl <- lapply(raw, function(v) if (length(v) == 0) 0L else as.integer(unlist(v)) + 1L)
  class(nbl) <- "nb"
  attr(nbl, "region.id") <- f$ids
  keep <- card(nbl) > 0
  nb <- subset(nbl, keep)
  x <- f$x[keep]
  y <- 100 * f$events[keep] / f$population[keep]
  lw <- nb2listw(nb, style = "W")
  r <- localmoran_bv(x, y, lw, nsim = 99, iseed = 1)
  lagy <- lag.listw(lw, as.numeric(scale(y)))
  cases[[name]] <- list(case = name, spdep = as.character(packageVersion("spdep")), keep = which(keep) - 1L,
                        x = x, y = y, ib = unname(r[, 1]), lagY = lagy)
}
write_json(list(note = "boundaries real; x and y synthetic (sintetis), from tests/data/spdep; spdep::localmoran_bv",
                r = as.character(getRversion()), cases = unname(cases)),
           file.path(out, "bivariat.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("bivariat:", length(cases), "cases\n")
