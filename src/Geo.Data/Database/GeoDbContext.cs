using Geo.Data.Wilayah;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Geo.Data.Database;

public sealed class GeoDbContext(DbContextOptions<GeoDbContext> options) : DbContext(options)
{
    public DbSet<WilayahEntity> Wilayah => Set<WilayahEntity>();

    public static DbContextOptions<GeoDbContext> Options(NpgsqlDataSource dataSource) =>
        Configure(new DbContextOptionsBuilder<GeoDbContext>(), dataSource).Options;

    public static DbContextOptionsBuilder<GeoDbContext> Configure(
        DbContextOptionsBuilder<GeoDbContext> builder, NpgsqlDataSource dataSource) =>
        builder
            .UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite())
            // The schema is written as SQL migrations (PostGIS needs what EF's model cannot say),
            // so there is no model snapshot to compare against.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GeoDbContext).Assembly);
    }
}
