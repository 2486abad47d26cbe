using Geo.Data.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Geo.Data.Migrations;

[DbContext(typeof(GeoDbContext)), Migration("0030_peta_geometri")]
public sealed class PetaGeometri : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0031_data_versi")]
public sealed class DataVersi : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0032_nilai_versi")]
public sealed class NilaiVersi : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0033_peta_geometri_bidang")]
public sealed class PetaGeometriBidang : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0034_geometri_kompresi_lz4")]
public sealed class GeometriKompresiLz4 : SqlMigration;
