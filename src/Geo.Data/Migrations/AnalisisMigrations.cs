using Geo.Data.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Geo.Data.Migrations;

[DbContext(typeof(GeoDbContext)), Migration("0040_analisis")]
public sealed class AnalisisHasil : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0041_analisis_simpanan")]
public sealed class AnalisisSimpanan : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0080_analisis_cepat")]
public sealed class AnalisisCepat : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0110_analisis_ketidakpastian")]
public sealed class AnalisisKetidakpastian : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0140_analisis_intervensi")]
public sealed class AnalisisIntervensi : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0150_analisis_waktu")]
public sealed class AnalisisWaktu : SqlMigration;
