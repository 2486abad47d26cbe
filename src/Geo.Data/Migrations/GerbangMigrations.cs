using Geo.Data.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Geo.Data.Migrations;

[DbContext(typeof(GeoDbContext)), Migration("0061_gerbang_terbit")]
public sealed class BatchGerbangTerbit : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0062_nilai_terbit")]
public sealed class NilaiTerbit : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0063_target_terbit")]
public sealed class TargetTerbit : SqlMigration;
