# Regenerates the spdep reference fixtures in tests/data/spdep/ (see README.md beside this file).
# Run from the repository root:  Rscript tests/reference/spdep/make-fixtures.R
# Needs R with spdep, sf, jsonlite (Debian: r-cran-spdep r-cran-sf r-cran-jsonlite).
#
# Boundaries are REAL (../shared/data/boundaries); the values are SYNTHETIC (sintetis): drawn here
# with a fixed seed, rounded so that they are exact in JSON, and saved in the fixture beside the
# results, so the C# tests recompute every statistic on identical inputs and identical weights.
suppressMessages({
  library(sf)
  library(spdep)
  library(jsonlite)
})
sf_use_s2(FALSE)

# Snap tolerance of poly2nb, in degrees: 1 m at the equator. The PostGIS weights use the same
# tolerance in metres (see ContiguityOptions); tests/Geo.Data.Tests compares the two.
snap_m <- 1
snap_deg <- snap_m / 111320

shared <- file.path("..", "shared", "data", "boundaries")
out <- file.path("tests", "data", "spdep")
dir.create(out, recursive = TRUE, showWarnings = FALSE)

nb_list <- function(nb) lapply(nb, function(v) if (length(v) == 1L && v[1] == 0L) integer(0) else as.integer(v - 1L))

moran_all <- function(x, lw) {
  r <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE, alternative = "two.sided")
  g <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE, alternative = "greater")
  nrm <- moran.test(x, lw, randomisation = FALSE, zero.policy = TRUE, alternative = "two.sided")
  list(I = unname(r$estimate[1]), EI = unname(r$estimate[2]),
       VarRandomisation = unname(r$estimate[3]), ZRandomisation = unname(r$statistic),
       PTwoSidedRandomisation = r$p.value, PGreaterRandomisation = g$p.value,
       VarNormality = unname(nrm$estimate[3]), ZNormality = unname(nrm$statistic),
       PTwoSidedNormality = nrm$p.value)
}

local_all <- function(x, lw, conditional) {
  lm <- localmoran(x, lw, zero.policy = TRUE, alternative = "two.sided", conditional = conditional)
  list(Ii = unname(lm[, 1]), EIi = unname(lm[, 2]), VarIi = unname(lm[, 3]),
       ZIi = unname(lm[, 4]), P = unname(lm[, 5]))
}

fixture <- function(name, area, nb, coords = NULL) {
  n <- nrow(area)
  res <- list(
    case = name,
    note = "boundaries real; x, events, population synthetic (sintetis), set.seed(20240801)",
    spdep = as.character(packageVersion("spdep")),
    ids = area$kode,
    neighbours = nb_list(nb),
    x = area$x, events = area$events, population = area$population)
  if (!is.null(coords)) res$points = list(lon = coords[, 1], lat = coords[, 2])
  lwW <- nb2listw(nb, style = "W", zero.policy = TRUE)
  lwB <- nb2listw(nb, style = "B", zero.policy = TRUE)
  res$moranW <- moran_all(area$x, lwW)
  res$moranB <- moran_all(area$x, lwB)
  # The Moran scatter plot as moran.plot draws it on standardised values: x = scale(x), wx = lag of it.
  mp <- moran.plot(as.numeric(scale(area$x)), lwW, zero.policy = TRUE, plot = FALSE, return_df = TRUE)
  res$moranPlotW <- list(z = mp$x, lag = mp$wx)
  res$localMoranW <- local_all(area$x, lwW, TRUE)
  res$localMoranWTotal <- local_all(area$x, lwW, FALSE)
  res$localMoranB <- local_all(area$x, lwB, TRUE)
  selfnb <- include.self(nb)
  res$localGStarB <- as.numeric(localG(area$x, nb2listw(selfnb, style = "B", zero.policy = TRUE), zero.policy = TRUE))
  res$localGStarW <- as.numeric(localG(area$x, nb2listw(selfnb, style = "W", zero.policy = TRUE), zero.policy = TRUE))
  eb <- EBest(area$events, area$population)
  res$ebGlobal <- list(raw = eb$raw, est = eb$estmm, a = attr(eb, "parameters")$a, b = attr(eb, "parameters")$b)
  ebl <- EBlocal(area$events, area$population, nb, zero.policy = TRUE)
  res$ebLocal <- list(raw = ebl$raw, est = ebl$est)
  write_json(res, file.path(out, paste0(name, ".json")), digits = NA, auto_unbox = TRUE, pretty = FALSE)
  cat(name, ": n =", n, " links =", sum(card(nb)), " islands =", sum(card(nb) == 0L), "\n")
}

load_area <- function(file, seed) {
  a <- st_read(file.path(shared, file), quiet = TRUE)
  a <- a[order(a$kode), ]
  pts <- st_coordinates(st_point_on_surface(st_geometry(a)))
  set.seed(seed)
  n <- nrow(a)
  lat <- pts[, 2]; lon <- pts[, 1]
  # a north-south trend plus noise, so that the statistics have something to find
  a$x <- round(20 + 4 * as.numeric(scale(lat)) + rnorm(n, 0, 3), 4)
  a$population <- sample(12:400, n, replace = TRUE)
  a$events <- rbinom(n, a$population, plogis(-1.5 + 0.6 * as.numeric(scale(lon))))
  list(area = a, coords = pts[, 1:2])
}

for (spec in list(list(tag = "paser", file = "kab-paser-desa.geojson", k = 6),
                  list(tag = "tual", file = "kota-tual-desa.geojson", k = 4))) {
  l <- load_area(spec$file, 20240801)
  a <- l$area
  fixture(paste0(spec$tag, "-queen"), a, poly2nb(a, queen = TRUE, snap = snap_deg, row.names = a$kode))
  fixture(paste0(spec$tag, "-rook"), a, poly2nb(a, queen = FALSE, snap = snap_deg, row.names = a$kode))
  knn <- knn2nb(knearneigh(l$coords, k = spec$k, longlat = TRUE), row.names = a$kode)
  fixture(paste0(spec$tag, "-knn", spec$k), a, knn, l$coords)
}
