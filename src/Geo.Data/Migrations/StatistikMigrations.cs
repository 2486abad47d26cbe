using Geo.Data.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Geo.Data.Migrations;

[DbContext(typeof(GeoDbContext)), Migration("0020_titik_label_geography_index")]
public sealed class TitikLabelGeographyIndex : SqlMigration;

[DbContext(typeof(GeoDbContext)), Migration("0021_wilayah_berdekatan")]
public sealed class WilayahBerdekatan : SqlMigration;
