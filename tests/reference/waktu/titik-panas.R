# Reference for emerging hot spots (Geo.Core.Statistics.EmergingHotSpots), computed independently:
#  - the space-time neighbour list built here in R: bin (t, i) has i's spatial neighbours and i's
#    own bins in periods t-w..t (w = 1), self excluded; spdep's localG on include.self, style B,
#    gives the Gi* z of every bin (mean and variance over all bins);
#  - a bin is a hot (cold) spot when its two-sided normal p < 0.05 and z > 0 (< 0);
#  - Mann-Kendall on each desa's z-series from cor.test(method = "kendall", exact = FALSE, continuity = TRUE);
#  - the pattern from ArcGIS Pro's definitions, coded here on their own (see the C# summary for the
#    two places where ArcGIS's wording lets two patterns hold and the choice made).
# Boundaries are real (the spdep fixtures' neighbour lists: Kota Tual with islands, Kab Paser);
# values are SYNTHETIC (sintetis): a smoothed random field plus a rising trend in some desa and a
# falling one in others, set.seed(20240805).
# Run from the repository root:  Rscript tests/reference/waktu/titik-panas.R
suppressMessages({
  library(spdep)
  library(jsonlite)
})
out <- file.path("tests", "data", "waktu")
periods <- c("2021-02", "2021-08", "2022-02", "2022-08", "2023-02", "2023-08", "2024-02", "2024-08", "2025-02", "2025-08")
w <- 1
alpha <- 0.05

classify_side <- function(spots, side, intens, dimin) {
  n <- length(spots)
  cnt <- sum(spots == side); opp <- sum(spots == -side)
  mostly <- cnt >= 0.9 * n
  pre <- if (side > 0) "titik_panas_" else "titik_dingin_"
  if (spots[n] != side) return(if (mostly) paste0(pre, "historis") else NA)
  if (mostly) return(paste0(pre, if (intens) "menguat" else if (dimin) "melemah" else "menetap"))
  if (opp > 0) return(paste0(pre, "berosilasi"))
  if (cnt == 1) return(paste0(pre, "baru"))
  run <- 0
  for (t in n:1) { if (spots[t] == side) run <- run + 1 else break }
  paste0(pre, if (run == cnt) "berturut" else "sporadis")
}

cases <- list()
set.seed(20240805)
for (spec in list(list(name = "tual-queen", periods = 8), list(name = "paser-queen", periods = 10))) {
  raw <- fromJSON(file.path("tests", "data", "spdep", paste0(spec$name, ".json")), simplifyVector = FALSE)
  nbs <- lapply(raw$neighbours, function(v) as.integer(unlist(v)) + 1L)
  n <- length(nbs)
  nt <- spec$periods
  pr <- periods[1:nt]
  # a smoothed random field, so that hot spots exist
  u <- rnorm(n)
  field <- sapply(1:n, function(i) u[i] + if (length(nbs[[i]]) > 0) mean(u[nbs[[i]]]) else 0)
  trend <- sample(c(-1, 0, 0, 1), n, replace = TRUE) * runif(n, 0.5, 1.5)
  x <- matrix(0, nt, n)
  for (t in 1:nt) x[t, ] <- round(20 + 4 * field + trend * (t - nt / 2) + rnorm(n, 0, 1), 2)
  # the space-time neighbour list over bins (t-1)*n + i
  st <- vector("list", n * nt)
  for (t in 1:nt) for (i in 1:n) {
    b <- (t - 1) * n + i
    v <- integer(0)
    for (s in max(1, t - w):t) {
      if (s < t) v <- c(v, (s - 1) * n + i)
      v <- c(v, (s - 1) * n + nbs[[i]])
    }
    st[[b]] <- if (length(v) == 0) 0L else sort(unique(as.integer(v)))
  }
  class(st) <- "nb"
  attr(st, "region.id") <- as.character(1:(n * nt))
  lw <- nb2listw(include.self(st), style = "B", zero.policy = TRUE)
  z <- as.numeric(localG(as.numeric(t(x)), lw, zero.policy = TRUE))
  zm <- matrix(z, nt, n, byrow = TRUE)
  p <- 2 * pnorm(-abs(zm))
  spots <- ifelse(p < alpha, sign(zm), 0)
  mk_s <- numeric(n); mk_p <- numeric(n); pattern <- character(n)
  for (i in 1:n) {
    zs <- zm[, i]
    s <- 0
    for (a in 1:(nt - 1)) for (b in (a + 1):nt) s <- s + sign(zs[b] - zs[a])
    ct <- suppressWarnings(cor.test(zs, 1:nt, method = "kendall", exact = FALSE, continuity = TRUE))
    mk_s[i] <- s; mk_p[i] <- ct$p.value
    up <- ct$p.value < alpha && s > 0; down <- ct$p.value < alpha && s < 0
    h <- classify_side(spots[, i], 1, up, down)
    if (is.na(h)) h <- classify_side(spots[, i], -1, down, up)
    pattern[i] <- if (is.na(h)) "tanpa_pola" else h
  }
  cases[[spec$name]] <- list(case = spec$name, spdep = as.character(packageVersion("spdep")), periods = pr, window = w, alpha = alpha,
                             values = lapply(1:nt, function(t) x[t, ]), z = lapply(1:nt, function(t) zm[t, ]),
                             spots = lapply(1:nt, function(t) spots[t, ]), mkS = mk_s, mkP = mk_p, pattern = pattern)
  cat(spec$name, ": ", paste(names(table(pattern)), table(pattern), collapse = ", "), "\n")
}
write_json(list(note = "boundaries real; values synthetic (sintetis), set.seed(20240805); spdep localG on a space-time include.self list",
                r = as.character(getRversion()), cases = unname(cases)),
           file.path(out, "titik-panas.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE)
