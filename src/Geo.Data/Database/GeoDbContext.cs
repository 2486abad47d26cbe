using Geo.Data.Akun;
using Geo.Data.Wilayah;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Geo.Data.Database;

/// <summary>
/// The one EF context: wilayah, and the accounts through ASP.NET Core Identity (its stores read and
/// write <c>akun</c>, <c>peran</c>, <c>akun_peran</c>, ...; the tables come from migration 0060).
/// </summary>
public sealed class GeoDbContext(DbContextOptions<GeoDbContext> options)
    : IdentityDbContext<Akun.Akun, PeranAkun, long>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring, shared by every API instance (migration 0130).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<WilayahEntity> Wilayah => Set<WilayahEntity>();

    public DbSet<AkunTokenApi> TokenApi => Set<AkunTokenApi>();

    // Fixed rather than read from IdentityOptions, so the CLI, the migrator and the server (which
    // build the context with different services) see the same model as the SQL migration.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    public static DbContextOptions<GeoDbContext> Options(NpgsqlDataSource dataSource) =>
        Configure(new DbContextOptionsBuilder<GeoDbContext>(), dataSource).Options;

    public static DbContextOptionsBuilder<GeoDbContext> Configure(
        DbContextOptionsBuilder<GeoDbContext> builder, NpgsqlDataSource dataSource) =>
        builder
            .UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite())
            // The schema is written as SQL migrations (PostGIS needs what EF's model cannot say),
            // so there is no model snapshot to compare against.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        AkunModel.Configure(builder);
        builder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("kunci_perlindungan");
            k.Property(e => e.Id).HasColumnName("id");
            k.Property(e => e.FriendlyName).HasColumnName("friendly_name");
            k.Property(e => e.Xml).HasColumnName("xml");
        });
        builder.ApplyConfigurationsFromAssembly(typeof(GeoDbContext).Assembly);
    }
}
