using Geo.Data.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Geo.Data.Migrations;

[DbContext(typeof(GeoDbContext)), Migration("0003_kode_desa_adat")]
public sealed class KodeDesaAdat : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0004_wilayah_tutup_celah")]
public sealed class WilayahTutupCelah : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0005_wilayah_larutkan")]
public sealed class WilayahLarutkan : SqlMigration;
