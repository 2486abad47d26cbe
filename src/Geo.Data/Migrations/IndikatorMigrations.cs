using Geo.Data.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Geo.Data.Migrations;

[DbContext(typeof(GeoDbContext)), Migration("0010_indikator")]
public sealed class Indikator : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0011_indikator_katalog")]
public sealed class IndikatorKatalog : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0012_nilai_rujukan_per_pernyataan")]
public sealed class NilaiRujukanPerPernyataan : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0013_kelompok_batch")]
public sealed class KelompokBatch : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0180_target_terbit_himpunan")]
public sealed class TargetTerbitHimpunan : SqlMigration;
