using Geo.Data.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

// One class per SQL file; the id is the file name and orders the migrations.
namespace Geo.Data.Migrations;

[DbContext(typeof(GeoDbContext)), Migration("0001_wilayah")]
public sealed class Wilayah : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0002_kode_referensi")]
public sealed class KodeReferensi : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0050_angka_hingga")]
public sealed class AngkaHingga : SqlMigration;
